package dev.escrow.marketplace.application.deal;

import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.deal.DealRepository;
import dev.escrow.marketplace.domain.deal.DealState;
import dev.escrow.marketplace.domain.payment.BankEvent;
import dev.escrow.marketplace.domain.payment.Payment;
import dev.escrow.marketplace.domain.payment.PaymentRepository;
import dev.escrow.marketplace.domain.payment.PaymentStatus;
import dev.escrow.marketplace.infrastructure.bank.BankClient;
import dev.escrow.marketplace.infrastructure.bank.BankRefusedException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The background half of a payment, driven by the payment queues: submit the confirmed payment to
 * the bank, then learn the transfer's outcome and apply it to the payment and its deal. Every step
 * is idempotent: a redelivered message finds the work done and does nothing again. Locks are taken
 * deal first, then payment, everywhere.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaymentProcessing {

  @Inject PaymentRepository payments;
  @Inject DealRepository deals;
  @Inject BankClient bank;
  @Inject PaymentWork queue;
  @Inject Clock clock;
  @Inject Event<MoneyMoved> moneyMoved;

  /** Sends a confirmed payment to the bank once (the bank keys it by the payment's id). */
  public void submit(long paymentId) {
    Optional<Payment> found = payments.findById(paymentId);
    if (found.isEmpty()) {
      return;
    }
    Deal deal = deals.findForUpdate(found.get().deal().id()).orElseThrow();
    Payment payment = payments.findForUpdate(paymentId).orElseThrow();
    if (payment.status() != PaymentStatus.PROCESSING || payment.bankTransferId() != null) {
      return;
    }
    try {
      BankClient.TransferAccepted accepted =
          bank.submitTransfer(
              payment.idempotencyKey(),
              payment.bankAuthorizationId(),
              payment.account().number(),
              deal.sellerAccount().number(),
              payment.amount(),
              payment.fee(),
              deal.groupReference());
      payment.submitted(accepted.id());
      deal.bindOperation(accepted.operationKey());
      queue.checkOutcome(paymentId, 0);
    } catch (BankRefusedException refused) {
      payment.fail(refused.getMessage(), clock.instant());
      moneyMoved.fire(failed(payment, deal));
    }
  }

  /**
   * Asks the bank how the payment's transfer ended and applies it.
   *
   * @return whether the payment has reached a final state (no need to ask again)
   */
  public boolean applyOutcome(long paymentId) {
    Optional<Payment> found = payments.findById(paymentId);
    if (found.isEmpty() || found.get().status() != PaymentStatus.PROCESSING) {
      return true;
    }
    if (found.get().bankTransferId() == null) {
      queue.submit(paymentId, 0);
      return true;
    }
    BankClient.TransferState state = bank.transfer(found.get().bankTransferId());
    if (!state.isFinal()) {
      return false;
    }
    Deal deal = deals.findForUpdate(found.get().deal().id()).orElseThrow();
    Payment payment = payments.findForUpdate(paymentId).orElseThrow();
    if (payment.status() == PaymentStatus.PROCESSING) {
      apply(deal, payment, state, "carried out by the bank");
    }
    return true;
  }

  /** What the bank's signed callback reported, once the callback has been checked. */
  public record Reported(
      String eventId,
      String transferId,
      String idempotencyKey,
      String operationKey,
      BankClient.TransferState state) {}

  /**
   * Applies the outcome the bank reported in a callback, by the same rules as a polled one. The
   * event id is kept in this transaction: the same event again is refused (409) and changes
   * nothing. A callback may come before the submission's transaction has stored the transfer's id
   * (it then waits for the deal's lock) or after a crash lost it: it stores it then, as the
   * submission would have.
   *
   * @return whether the payment changed (false: it had its outcome already)
   */
  public boolean applyReported(Reported reported) {
    Optional<Payment> found =
        Payment.idOfIdempotencyKey(reported.idempotencyKey()).flatMap(payments::findById);
    if (found.isEmpty()) {
      throw new UnknownObjectException("A payment for this transfer");
    }
    Deal deal = deals.findForUpdate(found.get().deal().id()).orElseThrow();
    Payment payment = payments.findForUpdate(found.get().id()).orElseThrow();
    if (payment.bankTransferId() != null
        && !payment.bankTransferId().equals(reported.transferId())) {
      throw new UnknownObjectException("A payment for this transfer");
    }
    if (payments.received(reported.eventId())) {
      throw new StateConflictException(
          "The bank's event " + reported.eventId() + " was received already; nothing changed");
    }
    Instant now = clock.instant();
    payments.add(
        new BankEvent(
            reported.eventId(),
            reported.transferId(),
            reported.state().status(),
            payment.id(),
            now));
    if (payment.status() != PaymentStatus.PROCESSING) {
      return false;
    }
    if (payment.bankTransferId() == null) {
      payment.submitted(reported.transferId());
      deal.bindOperation(reported.operationKey());
    }
    apply(deal, payment, reported.state(), REPORTED);
    return true;
  }

  /** The history's word for an outcome the bank reported itself (rather than one asked for). */
  public static final String REPORTED = "reported by the bank";

  /** The final state of the payment's transfer, on the locked deal and payment. */
  private void apply(Deal deal, Payment payment, BankClient.TransferState state, String how) {
    long paymentId = payment.id();
    Instant now = clock.instant();
    if (state.completed()) {
      payment.succeed(how, now);
      moneyMoved.fire(
          new MoneyMoved.PaymentSucceeded(
              paymentId,
              deal.id(),
              payment.bankTransferId(),
              payment.amount(),
              payment.fee(),
              payment.paidAt(),
              now));
      DealState after = deal.recordPayment(paymentId, payment.amount(), now);
      if (after == DealState.COMPLETED) {
        queue.payout(deal.id());
        moneyMoved.fire(
            new MoneyMoved.DealCompleted(
                deal.id(), deal.operationKey(), deal.price(), deal.commission()));
      }
    } else {
      payment.fail(state.failureReason(), now);
      moneyMoved.fire(failed(payment, deal));
    }
  }

  private static MoneyMoved.PaymentFailed failed(Payment payment, Deal deal) {
    return new MoneyMoved.PaymentFailed(
        payment.id(),
        deal.id(),
        payment.bankTransferId(),
        payment.amount(),
        payment.failureReason(),
        payment.paidAt(),
        payment.resolvedAt());
  }
}
