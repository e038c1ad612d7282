package dev.escrow.marketplace.domain.history;

/**
 * An aggregate whose status changes are history: Deal, Payment and Offer. Each keeps a {@link
 * StatusLog} filled by its own methods; {@link HistoryListener} writes it.
 */
public interface RecordsHistory {

  StatusChange.Subject historySubject();

  /** The database id (null before the insert). */
  Long id();

  StatusLog statusLog();
}
