package dev.escrow.marketplace.infrastructure.messaging;

import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.application.deal.PaymentProcessing;
import dev.escrow.marketplace.application.deal.Payouts;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
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
public class PaymentOutcomeConsumer implements MessageListener {

  private static final String QUEUE = "MarketplaceOutcomes";

  private static final Logger LOG = Logger.getLogger(PaymentOutcomeConsumer.class.getName());

  @Inject PaymentProcessing processing;
  @Inject Payouts payouts;
  @Inject PaymentQueue queue;
  @Inject Deliveries deliveries;

  @Override
  public void onMessage(Message message) {
    int delivery = deliveries.arrived(QUEUE, message);
    try {
      handle(message);
    } catch (RuntimeException e) {
      deliveries.failed(QUEUE, message, delivery, e);
      throw e;
    }
  }

  private void handle(Message message) {
    try {
      MapMessage map = PaymentQueue.step(message);
      String kind = map.getString(PaymentQueue.KIND);
      long id = map.getLong(PaymentQueue.ID);
      int attempt = map.getInt(PaymentQueue.ATTEMPT);
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
            kind
                + " "
                + id
                + " waits for the bank (attempt "
                + attempt
                + "): "
                + away.getMessage());
        if (PaymentQueue.PAYOUT.equals(kind)) {
          queue.payout(id, attempt + 1);
        } else {
          queue.checkOutcome(id, attempt + 1);
        }
      }
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable outcome message", e);
    }
  }
}
