package dev.escrow.marketplace.infrastructure.messaging;

import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.application.deal.PaymentProcessing;
import dev.escrow.marketplace.application.deal.Payouts;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Learns transfers' outcomes and carries out payouts; asks again later while the bank is busy or
 * away.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/MarketplaceOutcomes"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
    })
public class PaymentOutcomeConsumer extends PaymentStepConsumer {

  private static final Logger LOG = Logger.getLogger(PaymentOutcomeConsumer.class.getName());

  @Inject PaymentProcessing processing;
  @Inject Payouts payouts;

  public PaymentOutcomeConsumer() {
    super("MarketplaceOutcomes");
  }

  @Override
  void handle(String kind, long id, int attempt) {
    try {
      if (PaymentQueue.PAYOUT.equals(kind)) {
        if (!payouts.payOut(id)) {
          queue.payout(id, attempt + 1);
        }
      } else if (!processing.applyOutcome(id)) {
        queue.checkOutcomeSoon(id, attempt + 1);
      }
    } catch (BankUnavailableException away) {
      LOG.warning(
          kind + " " + id + " waits for the bank (attempt " + attempt + "): " + away.getMessage());
      if (PaymentQueue.PAYOUT.equals(kind)) {
        queue.payout(id, attempt + 1);
      } else {
        queue.checkOutcome(id, attempt + 1);
      }
    }
  }
}
