package dev.escrow.marketplace.domain.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Writes the status changes the aggregates recorded (see {@link HistoryListener}) and reads them
 * back.
 */
@ApplicationScoped
public class History {

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  /**
   * Writes the rows an aggregate's {@link StatusLog} gave up. Called by {@link HistoryListener}
   * while Hibernate flushes that aggregate, where the entity manager must not be used: the rows go
   * through the flushing session's own connection, so they commit or roll back with the change.
   */
  void write(List<StatusChange> rows) {
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into status_change"
                          + " (subject, subject_id, from_status, to_status, changed_at, reason,"
                          + " actor) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (StatusChange row : rows) {
                  insert.setString(1, row.subject());
                  insert.setLong(2, row.subjectId());
                  insert.setString(3, row.fromStatus());
                  insert.setString(4, row.toStatus());
                  insert.setObject(5, OffsetDateTime.ofInstant(row.changedAt(), ZoneOffset.UTC));
                  insert.setString(6, row.reason());
                  insert.setString(7, row.actor());
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
  }

  /** Whether any deal ever had this status (its history names it). */
  public boolean dealsEverHad(String code) {
    writePending();
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

  /** The histories of several subjects of one kind, in one query: by id, each oldest first. */
  public Map<Long, List<StatusChange>> of(StatusChange.Subject subject, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    writePending();
    return em.createQuery(
            "select c from StatusChange c where c.subject = :s and c.subjectId in :ids"
                + " order by c.id",
            StatusChange.class)
        .setParameter("s", subject.name())
        .setParameter("ids", ids)
        .getResultStream()
        .collect(Collectors.groupingBy(StatusChange::subjectId));
  }

  public List<StatusChange> of(StatusChange.Subject subject, long id) {
    writePending();
    return em.createQuery(
            "select c from StatusChange c where c.subject = :s and c.subjectId = :id order by c.id",
            StatusChange.class)
        .setParameter("s", subject.name())
        .setParameter("id", id)
        .getResultList();
  }

  /**
   * A change made earlier in this transaction is a row only once its aggregate has been flushed,
   * and a query of the history alone would not flush it (another table): flush first, so that the
   * history read after a change includes it.
   */
  private void writePending() {
    if (em.isJoinedToTransaction()) {
      em.flush();
    }
  }
}
