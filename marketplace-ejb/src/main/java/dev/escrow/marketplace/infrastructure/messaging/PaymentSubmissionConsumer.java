package dev.escrow.marketplace.infrastructure.messaging;

import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.application.deal.PaymentProcessing;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/** Submits confirmed payments to the bank; while the bank is away, tries again later. */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/MarketplacePayments"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
    })
public class PaymentSubmissionConsumer implements MessageListener {

  private static final String QUEUE = "MarketplacePayments";

  private static final Logger LOG = Logger.getLogger(PaymentSubmissionConsumer.class.getName());

  @Inject PaymentProcessing processing;
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
      long paymentId = map.getLong(PaymentQueue.ID);
      int attempt = map.getInt(PaymentQueue.ATTEMPT);
      try {
        processing.submit(paymentId);
      } catch (BankUnavailableException away) {
        LOG.warning(
            "Payment "
                + paymentId
                + " waits for the bank (attempt "
                + attempt
                + "): "
                + away.getMessage());
        queue.submit(paymentId, attempt + 1);
      }
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable payment message", e);
    }
  }
}
