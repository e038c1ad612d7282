package dev.escrow.marketplace.domain.deal;

/**
 * What the bank still has to do with the money held for a deal. A deal that closes records the duty
 * in the same transaction; a job carries it out and retries until the bank confirms, so a crash
 * between the two never loses a payout or a refund.
 */
public enum Payout {
  /** The deal is open: the money stays held. */
  NONE,
  /** Paid in full: the held money must go to the seller, less the commission. */
  SETTLE_DUE,
  SETTLED,
  /** Expired: every payment must go back to its payer. */
  REVERSE_DUE,
  REVERSED
}
