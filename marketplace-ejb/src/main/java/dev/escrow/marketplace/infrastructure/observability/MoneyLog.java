package dev.escrow.marketplace.infrastructure.observability;

import static jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS;

import dev.escrow.marketplace.application.deal.MoneyMoved.DealCompleted;
import dev.escrow.marketplace.application.deal.MoneyMoved.DealExpired;
import dev.escrow.marketplace.application.deal.MoneyMoved.OperationReversed;
import dev.escrow.marketplace.application.deal.MoneyMoved.OperationSettled;
import dev.escrow.marketplace.application.deal.MoneyMoved.PaymentFailed;
import dev.escrow.marketplace.application.deal.MoneyMoved.PaymentSucceeded;
import dev.escrow.marketplace.application.deal.MoneyMoved.PayoutRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * One INFO line for each movement of money, written once its transaction has committed, with the
 * ids that follow it through both products (deal, payment, the bank's transfer and operation key)
 * and the amounts; the same events move the meters. The lines are {@code key=value}, in the
 * category {@value #CATEGORY}, so that an operator can route or grep them.
 */
@ApplicationScoped
public class MoneyLog {

  public static final String CATEGORY = "dev.escrow.marketplace.money";

  private static final Logger LOG = Logger.getLogger(CATEGORY);

  @Inject MarketplaceMeters meters;

  void paymentSucceeded(@Observes(during = AFTER_SUCCESS) PaymentSucceeded p) {
    LOG.info(
        "payment succeeded: payment="
            + p.paymentId()
            + " deal="
            + p.dealId()
            + " transfer="
            + p.transferId()
            + " amount="
            + p.amount()
            + " fee="
            + p.fee()
            + " latencyMs="
            + p.latency().toMillis());
    meters.payment("succeeded", p.latency());
  }

  void paymentFailed(@Observes(during = AFTER_SUCCESS) PaymentFailed p) {
    LOG.info(
        "payment failed: payment="
            + p.paymentId()
            + " deal="
            + p.dealId()
            + " transfer="
            + p.transferId()
            + " amount="
            + p.amount()
            + " reason=\""
            + p.reason()
            + "\" latencyMs="
            + p.latency().toMillis());
    meters.payment("failed", p.latency());
  }

  void dealCompleted(@Observes(during = AFTER_SUCCESS) DealCompleted d) {
    LOG.info(
        "deal completed: deal="
            + d.dealId()
            + " operation="
            + d.operationKey()
            + " price="
            + d.price()
            + " commission="
            + d.commission());
    meters.deal("completed");
  }

  void dealExpired(@Observes(during = AFTER_SUCCESS) DealExpired d) {
    LOG.info(
        "deal expired: deal="
            + d.dealId()
            + " operation="
            + d.operationKey()
            + " price="
            + d.price()
            + " paid="
            + d.paid());
    meters.deal("expired");
  }

  void settled(@Observes(during = AFTER_SUCCESS) OperationSettled s) {
    LOG.info(
        "operation settled: deal="
            + s.dealId()
            + " operation="
            + s.operationKey()
            + " price="
            + s.price()
            + " commission="
            + s.commission()
            + " toSeller="
            + s.price().minus(s.commission())
            + " commissionAccount="
            + s.commissionAccount());
    meters.payout("settled");
  }

  void reversed(@Observes(during = AFTER_SUCCESS) OperationReversed r) {
    LOG.info(
        "operation reversed: deal="
            + r.dealId()
            + " operation="
            + r.operationKey()
            + " payments="
            + r.payments()
            + " returned="
            + r.returned());
    meters.payout("reversed");
  }

  /** Logged once per refusal (the deal keeps it, and a refused payout is not re-driven). */
  void payoutRefused(@Observes(during = AFTER_SUCCESS) PayoutRefused r) {
    LOG.warning(
        "payout refused by the bank: deal="
            + r.dealId()
            + " operation="
            + r.operationKey()
            + " kind="
            + r.kind()
            + " reason=\""
            + r.reason()
            + "\" (waits for the administrator)");
    meters.payout("refused-" + r.kind());
  }
}
