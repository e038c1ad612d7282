package dev.escrow.marketplace.infrastructure.messaging;

import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * What the consumers of the marketplace's step queues share: every delivery counted, and a failed
 * one recorded, by {@link Deliveries}; the step read from its {@link MapMessage} (kind, id,
 * attempt). Each consumer names its queue in its own {@code @MessageDriven} and says what a step
 * does.
 */
abstract class PaymentStepConsumer implements MessageListener {

  private final String queueName;

  @Inject PaymentQueue queue;
  @Inject Deliveries deliveries;

  PaymentStepConsumer(String queueName) {
    this.queueName = queueName;
  }

  @Override
  public void onMessage(Message message) {
    int delivery = deliveries.arrived(queueName, message);
    try {
      MapMessage step = PaymentQueue.step(message);
      handle(
          step.getString(PaymentQueue.KIND),
          step.getLong(PaymentQueue.ID),
          step.getInt(PaymentQueue.ATTEMPT));
    } catch (JMSException e) {
      IllegalStateException unreadable =
          new IllegalStateException("Unreadable message on " + queueName, e);
      deliveries.failed(queueName, message, delivery, unreadable);
      throw unreadable;
    } catch (RuntimeException e) {
      deliveries.failed(queueName, message, delivery, e);
      throw e;
    }
  }

  /** Carries out one step; a step that must wait is sent again through {@link #queue}. */
  abstract void handle(String kind, long id, int attempt);
}
