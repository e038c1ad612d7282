package dev.escrow.marketplace.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What redelivery gave up on: the messages in the broker's dead-letter queue ({@code
 * java:/jms/queue/DLQ}), read with a {@link QueueBrowser} (nothing is consumed). Every queue ends
 * there after its last delivery (see {@code messaging.cli}), so an admin sees each step that could
 * not be carried out, with the queue it came from and what it was about.
 */
@Stateless
public class DeadLetters {

  /**
   * One dead message: where it came from, what kind of step, about which id; {@code content} says
   * what the message holds (its type, map items and own properties), which matters for a message
   * that is no step at all.
   */
  public record DeadLetter(
      String messageId,
      String queue,
      String kind,
      String subjectId,
      Integer attempt,
      Integer deliveries,
      Instant sentAt,
      String content) {}

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
        timestamp > 0 ? Instant.ofEpochMilli(timestamp) : null,
        describe(message));
  }

  /**
   * A short account of a message for people: its JMS type, the names of its map items and its own
   * properties (not the broker's {@code _AMQ_*} and {@code JMSX*} ones), at most 300 characters.
   */
  public static String describe(Message message) throws JMSException {
    StringBuilder text = new StringBuilder(type(message));
    if (message instanceof MapMessage map) {
      text.append(" items ").append(Collections.list((Enumeration<?>) map.getMapNames()));
    }
    Map<String, Object> properties = new TreeMap<>();
    for (Object name : Collections.list((Enumeration<?>) message.getPropertyNames())) {
      String key = String.valueOf(name);
      if (!key.startsWith("_AMQ") && !key.startsWith("JMSX") && !key.startsWith("__AMQ")) {
        properties.put(key, message.getObjectProperty(key));
      }
    }
    if (!properties.isEmpty()) {
      text.append(" properties ").append(properties);
    }
    return text.length() <= 300 ? text.toString() : text.substring(0, 300) + "...";
  }

  private static String type(Message message) {
    for (Class<?> kind :
        List.of(
            MapMessage.class,
            TextMessage.class,
            BytesMessage.class,
            ObjectMessage.class,
            StreamMessage.class)) {
      if (kind.isInstance(message)) {
        return kind.getSimpleName();
      }
    }
    return "Message";
  }

  private static String property(Message message, String name) throws JMSException {
    return message.propertyExists(name) ? String.valueOf(message.getObjectProperty(name)) : null;
  }
}
