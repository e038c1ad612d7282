package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.domain.payment.Payment;
import dev.escrow.marketplace.domain.payment.PaymentStatus;
import java.time.Instant;

/** How a payment's state reads on every page: the same label and "paid at" everywhere. */
final class PaymentLabels {

  private PaymentLabels() {}

  /** The label key's suffix: a replaced or cancelled payment reads "cancelled", not "failed". */
  static String shownStatus(String status, String failureReason) {
    return PaymentStatus.FAILED.name().equals(status) && Payment.isCancellation(failureReason)
        ? "CANCELLED"
        : status;
  }

  /** A reason worth showing: not for a cancellation, whose label says it all. */
  static String shownReason(String failureReason) {
    return Payment.isCancellation(failureReason) ? null : failureReason;
  }

  /** When the code was accepted, once the payment went through (not while it is processing). */
  static Instant shownPaidAt(String status, Instant paidAt) {
    return PaymentStatus.SUCCEEDED.name().equals(status)
            || PaymentStatus.REFUNDED.name().equals(status)
        ? paidAt
        : null;
  }
}
