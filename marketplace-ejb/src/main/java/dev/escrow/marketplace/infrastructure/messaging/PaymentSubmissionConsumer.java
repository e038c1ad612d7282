package dev.escrow.marketplace.infrastructure.messaging;

import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.application.deal.PaymentProcessing;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Sends payments' transfers to the bank again when no answer was recorded; while the bank is away,
 * tries again later.
 */
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
public class PaymentSubmissionConsumer extends PaymentStepConsumer {

  private static final Logger LOG = Logger.getLogger(PaymentSubmissionConsumer.class.getName());

  @Inject PaymentProcessing processing;

  public PaymentSubmissionConsumer() {
    super("MarketplacePayments");
  }

  @Override
  void handle(String kind, long paymentId, int attempt) {
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
  }
}
