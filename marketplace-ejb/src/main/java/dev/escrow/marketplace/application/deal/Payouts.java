package dev.escrow.marketplace.application.deal;

import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.deal.DealRepository;
import dev.escrow.marketplace.domain.deal.Payout;
import dev.escrow.marketplace.domain.payment.Payment;
import dev.escrow.marketplace.domain.payment.PaymentRepository;
import dev.escrow.marketplace.domain.payment.PaymentStatus;
import dev.escrow.marketplace.domain.settings.MarketplaceSettings;
import dev.escrow.marketplace.domain.settings.SettingsRepository;
import dev.escrow.marketplace.infrastructure.bank.BankClient;
import dev.escrow.platform.money.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Carries out what a closed deal owes: settle the held money to the seller less the commission
 * (which goes to the marketplace's settlement account), or return every payment. The bank's settle
 * and reverse are idempotent, so a repeat after a crash is harmless.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Payouts {

  private static final Logger LOG = Logger.getLogger(Payouts.class.getName());

  @Inject DealRepository deals;
  @Inject PaymentRepository payments;
  @Inject SettingsRepository settings;
  @Inject BankClient bank;
  @Inject Clock clock;
  @Inject Event<MoneyMoved> moneyMoved;

  /**
   * @return whether nothing is left to do for this deal
   */
  public boolean payOut(long dealId) {
    Deal deal = deals.findForUpdate(dealId).orElseThrow();
    if (deal.payout() == Payout.SETTLE_DUE) {
      MarketplaceSettings own = settings.current();
      if (!own.hasSettlementAccount()) {
        LOG.warning(
            "Deal " + dealId + " is paid but no settlement account is set: its payout waits");
        return false;
      }
      bank.settle(deal.operationKey(), deal.commission(), own.settlementAccountNumber());
      deal.payoutDone();
      moneyMoved.fire(
          new MoneyMoved.OperationSettled(
              dealId,
              deal.operationKey(),
              deal.price(),
              deal.commission(),
              own.settlementAccountNumber()));
      return true;
    }
    if (deal.payout() == Payout.REVERSE_DUE) {
      bank.reverse(deal.operationKey());
      deal.payoutDone();
      Instant now = clock.instant();
      int returned = 0;
      Money total = Money.ZERO;
      for (Payment payment : payments.withStatus(dealId, PaymentStatus.SUCCEEDED)) {
        payment.refund(now);
        returned++;
        total = total.plus(payment.total());
      }
      moneyMoved.fire(
          new MoneyMoved.OperationReversed(dealId, deal.operationKey(), returned, total));
      return true;
    }
    return true;
  }
}
