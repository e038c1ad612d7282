package dev.escrow.marketplace.application.deal;

import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.application.bank.BankGateway;
import dev.escrow.marketplace.application.bank.BankRefusedException;
import dev.escrow.marketplace.application.bank.TransferAccepted;
import dev.escrow.marketplace.application.bank.TransferOrder;
import dev.escrow.marketplace.application.bank.TransferOutcome;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.deal.DealRepository;
import dev.escrow.marketplace.domain.deal.DealState;
import dev.escrow.marketplace.domain.payment.BankEvent;
import dev.escrow.marketplace.domain.payment.Payment;
import dev.escrow.marketplace.domain.payment.PaymentRepository;
import dev.escrow.marketplace.domain.payment.PaymentStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The background half of a payment, driven by the payment queues and the bank's callbacks: record
 * the transfer the confirmation's call (or a re-sent one) got accepted, then learn its outcome and
 * apply it to the payment and its deal. Every step is idempotent: a redelivered message finds the
 * work done and does nothing again. Locks are taken deal first, then payment, everywhere.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaymentProcessing {

  @Inject PaymentRepository payments;
  @Inject DealRepository deals;
  @Inject BankGateway bank;
  @Inject PaymentWork queue;
  @Inject Clock clock;
  @Inject Event<MoneyMoved> moneyMoved;
  @Inject PaymentProcessing self;

  /**
   * Sends a payment's transfer to the bank again, without the code, when no answer to it was
   * recorded (the re-drive's, after a lost answer; the bank keys it by the payment's idempotency
   * key, so it answers the transfer it took, or refuses one it never had the code for). No lock and
   * no transaction is held while the bank is asked: the payment is read as committed, the bank is
   * asked, and the answer is recorded in a short transaction on the locked deal and payment, where
   * a transfer already recorded (by a callback that came first, or a racing redelivery) is left
   * alone.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void submit(long paymentId) {
    Optional<TransferOrder> order = self.orderFor(paymentId);
    if (order.isEmpty()) {
      return;
    }
    TransferAccepted accepted;
    try {
      accepted = bank.submitTransfer(order.get());
    } catch (BankRefusedException refused) {
      self.recordSubmissionRefused(paymentId, refused.getMessage());
      return;
    }
    self.recordSubmitted(paymentId, accepted);
  }

  /**
   * The transfer still to be sent (read, no lock): a confirmed payment's (PROCESSING, no transfer
   * yet), or, sent without the code, that of a payment whose code was handed to the bank and the
   * answer lost: the bank answers the transfer if it took the code, and refuses it if not.
   */
  public Optional<TransferOrder> orderFor(long paymentId) {
    Optional<Payment> found = payments.findById(paymentId);
    if (found.isEmpty() || !isUnanswered(found.get())) {
      return Optional.empty();
    }
    return Optional.of(orderOf(found.get()));
  }

  /** A payment the bank may hold a transfer for that the marketplace has not recorded. */
  private static boolean isUnanswered(Payment payment) {
    return switch (payment.status()) {
      case PROCESSING -> payment.bankTransferId() == null;
      case AWAITING_CONFIRMATION -> payment.isConfirming();
      default -> false;
    };
  }

  /** The transfer a payment asks the bank for, keyed by the payment. */
  static TransferOrder orderOf(Payment payment) {
    Deal deal = payment.deal();
    return new TransferOrder(
        payment.idempotencyKey(),
        payment.bankAuthorizationId(),
        payment.account().number(),
        deal.sellerAccount().number(),
        payment.amount(),
        payment.fee(),
        deal.groupReference());
  }

  /**
   * The bank took the transfer (and the code it brought): the payment is being processed, and the
   * transfer's id and the deal's operation are kept. When the answer already says how the transfer
   * ended, that is applied now; otherwise the outcome is awaited (the bank's callback, or a poll as
   * the fallback). Work recorded first (a callback, a racing re-drive) is left alone.
   */
  public Payment recordSubmitted(long paymentId, TransferAccepted accepted) {
    Deal deal =
        deals.findForUpdate(payments.findById(paymentId).orElseThrow().deal().id()).orElseThrow();
    Payment payment = payments.findForUpdate(paymentId).orElseThrow();
    if (payment.status() == PaymentStatus.AWAITING_CONFIRMATION) {
      payment.confirm(clock.instant());
    }
    if (payment.status() != PaymentStatus.PROCESSING || payment.bankTransferId() != null) {
      return payment;
    }
    payment.submitted(accepted.id());
    deal.bindOperation(accepted.operationKey());
    if (accepted.outcome() != null && accepted.outcome().isFinal()) {
      apply(deal, payment, accepted.outcome(), "carried out by the bank");
    } else {
      queue.checkOutcome(paymentId, 0);
    }
    return payment;
  }

  /** The bank refused the transfer for good: the payment failed with the bank's reason. */
  public void recordRefused(long paymentId, String reason) {
    Deal deal =
        deals.findForUpdate(payments.findById(paymentId).orElseThrow().deal().id()).orElseThrow();
    Payment payment = payments.findForUpdate(paymentId).orElseThrow();
    if (!isUnanswered(payment)) {
      return;
    }
    Instant now = clock.instant();
    payment.fail(reason, now);
    moneyMoved.fire(failed(payment, deal));
  }

  /**
   * The bank did not take the code (wrong, expired, locked): the payment waits for a code again,
   * and may be replaced, cancelled or abandoned with its deal.
   */
  public void recordCodeNotTaken(long paymentId) {
    deals.findForUpdate(payments.findById(paymentId).orElseThrow().deal().id()).orElseThrow();
    Payment payment = payments.findForUpdate(paymentId).orElseThrow();
    if (payment.status() == PaymentStatus.AWAITING_CONFIRMATION) {
      payment.codeNotTaken();
    }
  }

  /**
   * A re-sent transfer was refused. For a payment whose code was handed over that means the bank
   * never took the code (the transfer, sent without it, finds the authorization unverified): the
   * payment waits for its code again. For a confirmed payment it failed for good.
   */
  public void recordSubmissionRefused(long paymentId, String reason) {
    Payment payment = payments.findById(paymentId).orElseThrow();
    if (payment.status() == PaymentStatus.AWAITING_CONFIRMATION) {
      recordCodeNotTaken(paymentId);
    } else {
      recordRefused(paymentId, reason);
    }
  }

  /**
   * Asks the bank how the payment's transfer ended and applies it. The bank is asked outside any
   * transaction; the answer is applied in one of its own on the locked deal and payment.
   *
   * @return whether the payment has reached a final state (no need to ask again)
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean applyOutcome(long paymentId) {
    Optional<Payment> found = payments.findById(paymentId);
    if (found.isEmpty() || found.get().status() != PaymentStatus.PROCESSING) {
      return true;
    }
    if (found.get().bankTransferId() == null) {
      self.submitAgain(paymentId);
      return true;
    }
    TransferOutcome state = bank.transfer(found.get().bankTransferId());
    if (!state.isFinal()) {
      return false;
    }
    self.applyPolled(paymentId, state);
    return true;
  }

  /** A payment whose submission was lost is sent again (the same key: the same transfer). */
  public void submitAgain(long paymentId) {
    queue.submit(paymentId, 0);
  }

  /** The final state the bank answered to a poll, on the locked deal and payment. */
  public void applyPolled(long paymentId, TransferOutcome state) {
    Deal deal =
        deals.findForUpdate(payments.findById(paymentId).orElseThrow().deal().id()).orElseThrow();
    Payment payment = payments.findForUpdate(paymentId).orElseThrow();
    if (payment.status() == PaymentStatus.PROCESSING) {
      apply(deal, payment, state, "carried out by the bank");
    }
  }

  /** What the bank's signed callback reported, once the callback has been checked. */
  public record Reported(
      String eventId,
      String transferId,
      String idempotencyKey,
      String operationKey,
      TransferOutcome state) {}

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
            reported.state().status().name(),
            payment.id(),
            now));
    if (payment.status() == PaymentStatus.AWAITING_CONFIRMATION) {
      // the bank took the code and the answer was lost: the transfer says the payment was confirmed
      payment.confirm(now);
    }
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
  private void apply(Deal deal, Payment payment, TransferOutcome state, String how) {
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
