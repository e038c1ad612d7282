package dev.escrow.marketplace.domain.payment;

/** Where a payment is. PROCESSING is shown to people as "payment is being processed". */
public enum PaymentStatus {
  AWAITING_CONFIRMATION,
  PROCESSING,
  SUCCEEDED,
  FAILED,
  REFUNDED;

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == REFUNDED;
  }
}
