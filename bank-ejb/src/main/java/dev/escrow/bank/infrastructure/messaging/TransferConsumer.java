package dev.escrow.bank.infrastructure.messaging;

import dev.escrow.bank.application.TransferExecution;
import dev.escrow.bank.infrastructure.observability.BankMeters;
import dev.escrow.bank.infrastructure.observability.MoneyLog;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * Turns a queued transfer into its execution. A failed attempt is redelivered (the queue's bounded
 * redelivery); on the last delivery a failure fails the transfer instead.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/BankTransfers"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
    })
public class TransferConsumer implements MessageListener {

  /** The queue's max-delivery-attempts (wildfly-config messaging.cli). */
  static final int LAST_DELIVERY = 10;

  private static final String QUEUE = "BankTransfers";

  private static final Logger MONEY = Logger.getLogger(MoneyLog.CATEGORY);

  @Inject TransferExecution execution;
  @Inject BankMeters meters;

  @Override
  public void onMessage(Message message) {
    long transferId;
    int delivery;
    try {
      transferId = message.getLongProperty(TransferQueue.TRANSFER_ID);
      delivery = message.getIntProperty("JMSXDeliveryCount");
    } catch (JMSException e) {
      throw new IllegalStateException("A transfer message without a transfer id", e);
    }
    if (delivery > 1) {
      meters.redelivered(QUEUE);
    }
    try {
      execution.carryOut(transferId);
    } catch (EJBException e) {
      if (delivery < LAST_DELIVERY) {
        throw e;
      }
      try {
        execution.giveUp(transferId, "the bank could not carry it out");
      } catch (RuntimeException lastFailure) {
        // Nothing could be written: the broker moves the message to the DLQ.
        meters.deadLettered(QUEUE);
        MONEY.warning(
            "message dead-lettered: queue="
                + QUEUE
                + " transferRow="
                + transferId
                + " deliveries="
                + delivery
                + " cause=\""
                + lastFailure
                + "\"");
        throw lastFailure;
      }
    }
  }
}
