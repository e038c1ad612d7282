package dev.escrow.marketplace.application.deal;

import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.deal.DealRepository;
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
import java.util.List;

/**
 * Expires one overdue deal in its own transaction: never while a payment confirmed in time is still
 * being processed (the timing rule: it may yet be carried out, and then it counts). The expiry
 * commits the duty to return the money ({@code REVERSE_DUE}); the sweep then carries it out in
 * batches ({@link Payouts#reverseDue}), and every sweep asks again for what is still due, so a
 * crash between the two loses nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RefundSweep {

  /** What happened to one overdue deal. */
  public enum Outcome {
    EXPIRED,
    WAITING_FOR_BANK,
    ALREADY_CLOSED
  }

  @Inject DealRepository deals;
  @Inject PaymentRepository payments;
  @Inject PaymentWork queue;
  @Inject Clock clock;
  @Inject Event<MoneyMoved> moneyMoved;

  public Outcome expireIfOverdue(long dealId) {
    Deal deal = deals.findForUpdate(dealId).orElseThrow();
    Instant now = clock.instant();
    if (!deal.isOverdueAt(now)) {
      return Outcome.ALREADY_CLOSED;
    }
    List<Payment> processing = payments.withStatus(dealId, PaymentStatus.PROCESSING);
    if (!processing.isEmpty()) {
      processing.forEach(p -> queue.checkOutcome(p.id(), 0));
      return Outcome.WAITING_FOR_BANK;
    }
    List<Payment> waiting = payments.withStatus(dealId, PaymentStatus.AWAITING_CONFIRMATION);
    if (waiting.stream().anyMatch(Payment::isConfirming)) {
      // its code is with the bank, which may take it: the bank's answer (or the re-drive) decides
      return Outcome.WAITING_FOR_BANK;
    }
    for (Payment payment : waiting) {
      payment.abandonWithDeal(now);
    }
    deal.expire(now);
    moneyMoved.fire(
        new MoneyMoved.DealExpired(dealId, deal.operationKey(), deal.price(), deal.paidAmount()));
    return Outcome.EXPIRED;
  }

  /**
   * Re-drives what a lost message or answer may have left behind: stuck payments, codes handed to
   * the bank whose answer was never recorded, and due settlements (due reversals are the sweep's
   * own work, asked again at every sweep).
   */
  public int redriveStuckWork(Instant confirmedBefore, Instant handedOverBefore) {
    List<Long> stuck = payments.processingSince(confirmedBefore, 500);
    stuck.forEach(id -> queue.checkOutcome(id, 0));
    // The bank is asked (the transfer again, without the code) whether it took the code.
    List<Long> unanswered = payments.confirmingSince(handedOverBefore, 500);
    unanswered.forEach(id -> queue.submit(id, 0));
    List<Long> due = deals.withSettlementDue(500);
    due.forEach(queue::payout);
    return stuck.size() + unanswered.size() + due.size();
  }

  /**
   * Overdue deals of one partition: those whose id modulo {@code partitions} is {@code partition}.
   */
  public List<Long> overdueDeals(int max, int partition, int partitions) {
    return deals.overdue(clock.instant(), max, partition, partitions);
  }
}
