package dev.escrow.marketplace.application.deal;

/**
 * The port through which the use cases hand a payment's next step to the background (the
 * infrastructure's payment queues implement it, as Cargo Tracker's {@code ApplicationEvents} is
 * implemented over JMS): the application never imports the messaging.
 */
public interface PaymentWork {

  /**
   * Send a payment's transfer to the bank again, whose answer was never recorded ({@code attempt} 0
   * at first, more on a retry).
   */
  void submit(long paymentId, int attempt);

  /** Ask the bank how the payment's transfer ended. */
  void checkOutcome(long paymentId, int attempt);

  /** Settle or return a closed deal's money. */
  void payout(long dealId);
}
