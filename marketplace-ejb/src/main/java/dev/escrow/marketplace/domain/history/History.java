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
    if (from != to) {
      em.persist(new StatusChange(subject, id, from, to, at, reason, actor));
    }
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
