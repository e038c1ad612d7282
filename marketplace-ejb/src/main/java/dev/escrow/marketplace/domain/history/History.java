package dev.escrow.marketplace.domain.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Records and reads status changes, in the transaction of the change itself. */
@ApplicationScoped
public class History {

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  public void record(
      StatusChange.Subject subject,
      long id,
      Enum<?> from,
      Enum<?> to,
      Instant at,
      String reason,
      String actor) {
    record(subject, id, from == null ? null : from.name(), to.name(), at, reason, actor);
  }

  /** The same with status codes: a deal's added statuses are rows, not an enum. */
  public void record(
      StatusChange.Subject subject,
      long id,
      String from,
      String to,
      Instant at,
      String reason,
      String actor) {
    if (!to.equals(from)) {
      em.persist(new StatusChange(subject, id, from, to, at, reason, actor));
    }
  }

  /** Whether any deal ever had this status (its history names it). */
  public boolean dealsEverHad(String code) {
    return !em.createQuery(
            "select c.id from StatusChange c where c.subject = :s"
                + " and (c.toStatus = :code or c.fromStatus = :code)",
            Long.class)
        .setParameter("s", StatusChange.Subject.DEAL.name())
        .setParameter("code", code)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public List<StatusChange> of(StatusChange.Subject subject, long id) {
    return em.createQuery(
            "select c from StatusChange c where c.subject = :s and c.subjectId = :id order by c.id",
            StatusChange.class)
        .setParameter("s", subject.name())
        .setParameter("id", id)
        .getResultList();
  }
}
