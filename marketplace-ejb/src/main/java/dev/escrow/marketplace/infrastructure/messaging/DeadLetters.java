package dev.escrow.marketplace.infrastructure.messaging;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What redelivery gave up on. Every queue ends in its broker's dead-letter queue ({@code
 * java:/jms/queue/DLQ}) after its last delivery (see {@code messaging.cli}); {@link
 * DeadLetterRecorder} moves each such message into the table {@code dead_letter} of the shared
 * database, so an admin sees every step that could not be carried out, on whichever node it died,
 * with the queue it came from and what it was about, from any node.
 */
@Stateless
public class DeadLetters {

  /**
   * One dead message: where it came from, what kind of step, about which id, on which node; {@code
   * content} says what the message holds (its type, map items and own properties), which matters
   * for a message that is no step at all.
   */
  public record DeadLetter(
      String messageId,
      String queue,
      String kind,
      String subjectId,
      Integer attempt,
      Integer deliveries,
      Instant sentAt,
      String content,
      String node) {}

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  @Inject Clock clock;

  /** The oldest {@code max} dead messages, in the order they were recorded. */
  public List<DeadLetter> list(int max) {
    List<?> rows =
        em.createNativeQuery(
                "select message_id, queue, kind, subject_id, attempt, deliveries, sent_at, content,"
                    + " node from dead_letter order by recorded_at, message_id")
            .setMaxResults(max)
            .getResultList();
    List<DeadLetter> found = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] c = (Object[]) row;
      found.add(
          new DeadLetter(
              (String) c[0],
              (String) c[1],
              (String) c[2],
              (String) c[3],
              c[4] == null ? null : ((Number) c[4]).intValue(),
              c[5] == null ? null : ((Number) c[5]).intValue(),
              instant(c[6]),
              (String) c[7],
              (String) c[8]));
    }
    return Collections.unmodifiableList(found);
  }

  /** How many messages have been dead-lettered (counted up to {@code limit}). */
  public int count(int limit) {
    return list(limit).size();
  }

  /**
   * Records {@code message}, which its broker has given up on, as dead on {@code node}; a message
   * recorded already (a redelivery of the recorder's own message) is left as it is.
   */
  public void record(Message message, String node) throws JMSException {
    String id = message.getJMSMessageID();
    if (!em.createNativeQuery("select 1 from dead_letter where message_id = ?1")
        .setParameter(1, id)
        .getResultList()
        .isEmpty()) {
      return;
    }
    DeadLetter letter = of(message);
    em.createNativeQuery(
            "insert into dead_letter (message_id, queue, kind, subject_id, attempt, deliveries,"
                + " sent_at, recorded_at, node, content) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                + " ?9, ?10)")
        .setParameter(1, id)
        .setParameter(2, cut(letter.queue(), 200))
        .setParameter(3, cut(letter.kind(), 50))
        .setParameter(4, cut(letter.subjectId(), 100))
        .setParameter(5, letter.attempt())
        .setParameter(6, letter.deliveries())
        .setParameter(
            7,
            letter.sentAt() == null
                ? null
                : OffsetDateTime.ofInstant(letter.sentAt(), ZoneOffset.UTC))
        .setParameter(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .setParameter(9, cut(node, 100))
        .setParameter(10, letter.content())
        .executeUpdate();
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
        describe(message),
        null);
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof java.sql.Timestamp time) {
      return time.toInstant();
    }
    if (value instanceof Instant time) {
      return time;
    }
    throw new IllegalStateException("Unexpected time column: " + value.getClass());
  }

  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
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
