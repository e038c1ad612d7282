package dev.escrow.marketplace.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Moves what this node's broker gave up on from its dead-letter queue into the shared database, in
 * the same transaction as the message's consumption: each dead message is recorded once, and a node
 * that dies takes none of them along.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/DLQ"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
public class DeadLetterRecorder implements MessageListener {

  @Inject DeadLetters deadLetters;

  @Override
  public void onMessage(Message message) {
    try {
      deadLetters.record(message, System.getProperty("jboss.node.name", "node"));
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable dead letter", e);
    }
  }
}
