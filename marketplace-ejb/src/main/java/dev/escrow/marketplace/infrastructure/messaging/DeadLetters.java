package dev.escrow.marketplace.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * What redelivery gave up on: the messages in the broker's dead-letter queue ({@code
 * java:/jms/queue/DLQ}), read with a {@link QueueBrowser} (nothing is consumed). Every queue ends
 * there after its last delivery (see {@code messaging.cli}), so an admin sees each step that could
 * not be carried out, with the queue it came from and what it was about.
 */
@Stateless
public class DeadLetters {

  /** One dead message: where it came from, what kind of step, about which id. */
  public record DeadLetter(
      String messageId,
      String queue,
      String kind,
      String subjectId,
      Integer attempt,
      Integer deliveries,
      Instant sentAt) {}

  @Inject JMSContext jms;

  @Resource(lookup = "java:/jms/queue/DLQ")
  Queue deadLetters;

  /** The oldest {@code max} dead messages (the queue's own order). */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<DeadLetter> list(int max) {
    List<DeadLetter> found = new ArrayList<>();
    try (QueueBrowser browser = jms.createBrowser(deadLetters)) {
      Enumeration<?> messages = browser.getEnumeration();
      while (messages.hasMoreElements() && found.size() < max) {
        found.add(of((Message) messages.nextElement()));
      }
    } catch (JMSException e) {
      throw new IllegalStateException("The dead-letter queue cannot be read", e);
    }
    return Collections.unmodifiableList(found);
  }

  /** How many messages the dead-letter queue holds (counted up to {@code limit}). */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int count(int limit) {
    return list(limit).size();
  }

  private static DeadLetter of(Message message) throws JMSException {
    String queue = property(message, "_AMQ_ORIG_QUEUE");
    if (queue == null) {
      queue = property(message, "_AMQ_ORIG_ADDRESS");
    }
    String kind = null;
    String subject = null;
    Integer attempt = null;
    if (message instanceof MapMessage map) {
      kind = map.itemExists(PaymentQueue.KIND) ? map.getString(PaymentQueue.KIND) : null;
      subject =
          map.itemExists(PaymentQueue.ID) ? String.valueOf(map.getObject(PaymentQueue.ID)) : null;
      attempt = map.itemExists(PaymentQueue.ATTEMPT) ? map.getInt(PaymentQueue.ATTEMPT) : null;
    }
    Integer deliveries =
        message.propertyExists("JMSXDeliveryCount")
            ? message.getIntProperty("JMSXDeliveryCount")
            : null;
    long timestamp = message.getJMSTimestamp();
    return new DeadLetter(
        message.getJMSMessageID(),
        queue,
        kind,
        subject,
        attempt,
        deliveries,
        timestamp > 0 ? Instant.ofEpochMilli(timestamp) : null);
  }

  private static String property(Message message, String name) throws JMSException {
    return message.propertyExists(name) ? String.valueOf(message.getObjectProperty(name)) : null;
  }
}
