package dev.escrow.marketplace.domain.deal;

/** The system deal statuses; their display names live in the deal_status table. */
public enum DealState {
  /** Nothing paid yet. */
  AWAITING_PAYMENT,
  /** Partly paid. */
  IN_PROGRESS,
  /** Paid in full; the seller is paid out. */
  COMPLETED,
  /** Not paid in full by the deadline; every payment returned. */
  EXPIRED;

  public boolean isOpen() {
    return this == AWAITING_PAYMENT || this == IN_PROGRESS;
  }
}
