package dev.escrow.marketplace.application.deal;

import dev.escrow.platform.money.Money;
import java.time.Duration;
import java.time.Instant;

/**
 * What happened to money, as CDI events fired inside the transaction that made it happen. The
 * observers (the money log and the meters) see an event only once its transaction has committed, so
 * a rolled-back step is neither logged nor counted.
 */
public sealed interface MoneyMoved {

  /** The bank carried out a payment's transfer: the seller's bank holds the amount. */
  record PaymentSucceeded(
      long paymentId,
      long dealId,
      String transferId,
      Money amount,
      Money fee,
      Instant confirmedAt,
      Instant resolvedAt)
      implements MoneyMoved {
    /** From the accepted confirmation code to the final state. */
    public Duration latency() {
      return Duration.between(confirmedAt, resolvedAt);
    }
  }

  /** A confirmed payment that the bank refused or could not carry out: nothing moved. */
  record PaymentFailed(
      long paymentId,
      long dealId,
      String transferId,
      Money amount,
      String reason,
      Instant confirmedAt,
      Instant resolvedAt)
      implements MoneyMoved {
    public Duration latency() {
      return Duration.between(confirmedAt, resolvedAt);
    }
  }

  /** The last payment paid the deal in full; the settlement is queued. */
  record DealCompleted(long dealId, String operationKey, Money price, Money commission)
      implements MoneyMoved {}

  /** The deal was not paid in full in time; what it received is to be returned. */
  record DealExpired(long dealId, String operationKey, Money price, Money paid)
      implements MoneyMoved {}

  /** The bank settled the deal's operation: the seller got the price less the commission. */
  record OperationSettled(
      long dealId, String operationKey, Money price, Money commission, String commissionAccount)
      implements MoneyMoved {}

  /** The bank reversed the deal's operation: every payment went back to its payer, fee included. */
  record OperationReversed(long dealId, String operationKey, int payments, Money returned)
      implements MoneyMoved {}

  /**
   * The bank refused a deal's payout for good ({@code kind} settlement or reversal): it is no
   * longer re-driven and waits for the administrator, the money still held at the bank.
   */
  record PayoutRefused(long dealId, String operationKey, String kind, String reason)
      implements MoneyMoved {}
}
