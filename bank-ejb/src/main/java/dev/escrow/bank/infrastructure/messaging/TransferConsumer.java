package dev.escrow.bank.infrastructure.messaging;

import dev.escrow.bank.application.TransferExecution;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Turns a queued transfer into its execution; nothing else. */
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

  @Inject TransferExecution execution;

  @Override
  public void onMessage(Message message) {
    try {
      execution.carryOut(message.getLongProperty(TransferQueue.TRANSFER_ID));
    } catch (JMSException e) {
      throw new IllegalStateException("A transfer message without a transfer id", e);
    }
  }
}
