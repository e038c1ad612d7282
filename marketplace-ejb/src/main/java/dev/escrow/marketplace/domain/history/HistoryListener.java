package dev.escrow.marketplace.domain.history;

import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;

/**
 * The entity listener of the aggregates that record history: after their insert (the id is known
 * then) or the update that carried a status change, their waiting changes become rows, in the same
 * transaction and on the same connection.
 */
public class HistoryListener {

  @Inject History history;

  @PostPersist
  @PostUpdate
  void written(RecordsHistory aggregate) {
    StatusLog log = aggregate.statusLog();
    if (!log.isEmpty()) {
      history.write(log.drain(aggregate.historySubject(), aggregate.id()));
    }
  }
}
