package dev.escrow.marketplace.infrastructure.messaging;

import dev.escrow.marketplace.infrastructure.observability.MarketplaceMeters;
import dev.escrow.marketplace.infrastructure.observability.MoneyLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import java.util.logging.Logger;

/**
 * What the consumers tell about each delivery: a redelivery is counted, and a failed last delivery
 * (after which the broker moves the message to the dead-letter queue) is counted and logged with
 * what the message was about, in the money log.
 */
@ApplicationScoped
public class Deliveries {

  /** The queues' max-delivery-attempts (wildfly-config messaging.cli). */
  static final int LAST_DELIVERY = 10;

  private static final Logger MONEY = Logger.getLogger(MoneyLog.CATEGORY);

  @Inject MarketplaceMeters meters;

  /**
   * @return which delivery of the message this is (1 for the first)
   */
  int arrived(String queue, Message message) {
    int delivery = deliveryOf(message);
    if (delivery > 1) {
      meters.redelivered(queue);
    }
    return delivery;
  }

  /** The delivery failed with {@code cause}; the caller rethrows it. */
  void failed(String queue, Message message, int delivery, RuntimeException cause) {
    if (delivery < LAST_DELIVERY) {
      return;
    }
    meters.deadLettered(queue);
    MONEY.warning(
        "message dead-lettered: queue="
            + queue
            + " message="
            + idOf(message)
            + " step="
            + item(message, PaymentQueue.KIND)
            + " id="
            + item(message, PaymentQueue.ID)
            + " deliveries="
            + delivery
            + " cause=\""
            + cause
            + "\"");
  }

  private static int deliveryOf(Message message) {
    try {
      return message.propertyExists("JMSXDeliveryCount")
          ? message.getIntProperty("JMSXDeliveryCount")
          : 1;
    } catch (JMSException e) {
      return 1;
    }
  }

  private static String idOf(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return "?";
    }
  }

  private static String item(Message message, String name) {
    try {
      return message instanceof MapMessage map && map.itemExists(name)
          ? String.valueOf(map.getObject(name))
          : "-";
    } catch (JMSException e) {
      return "?";
    }
  }
}
