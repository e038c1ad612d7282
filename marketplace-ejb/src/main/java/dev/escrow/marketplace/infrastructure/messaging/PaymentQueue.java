package dev.escrow.marketplace.infrastructure.messaging;

import dev.escrow.marketplace.application.deal.PaymentWork;
import dev.escrow.marketplace.infrastructure.bank.BankCallbackSecret;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Queue;

/**
 * The marketplace's background steps, as JMS messages. They are sent in the caller's transaction
 * (the injected context joins it), so a step is queued exactly when the state that asks for it is
 * committed. Retries back off: the n-th attempt waits min(2^n, 60) seconds.
 */
@ApplicationScoped
public class PaymentQueue implements PaymentWork {

  public static final String KIND = "kind";
  public static final String SUBMIT = "SUBMIT";
  public static final String OUTCOME = "OUTCOME";
  public static final String PAYOUT = "PAYOUT";
  public static final String ID = "id";
  public static final String ATTEMPT = "attempt";

  @Inject JMSContext jms;
  @Inject BankCallbackSecret callbacks;

  @Resource(lookup = "java:/jms/queue/MarketplacePayments")
  Queue payments;

  @Resource(lookup = "java:/jms/queue/MarketplaceOutcomes")
  Queue outcomes;

  /** Send a payment's transfer to the bank again (its answer was never recorded). */
  @Override
  public void submit(long paymentId, int attempt) {
    send(payments, SUBMIT, paymentId, attempt);
  }

  /** Ask the bank how the payment's transfer ended, after a growing delay (the bank was away). */
  @Override
  public void checkOutcome(long paymentId, int attempt) {
    send(outcomes, OUTCOME, paymentId, attempt);
  }

  /**
   * Ask again soon: the bank answered, but has not carried the transfer out yet. A bank that
   * answers is asked after 0.25, 0.5, 1, 2, 4 and then every 5 seconds; the back-off for a bank
   * that is away (up to a minute) would make a payment wait far longer than the bank did. When the
   * bank calls back with the outcome ({@link BankCallbackSecret#callbacksOn()}), asking is only the
   * fallback for a callback that never came: after 30 s, then every minute.
   */
  public void checkOutcomeSoon(long paymentId, int attempt) {
    MapMessage message = message(OUTCOME, paymentId, attempt);
    jms.createProducer().setDeliveryDelay(pollDelayMillis(attempt)).send(outcomes, message);
  }

  /** Settle or return a closed deal's money. */
  @Override
  public void payout(long dealId) {
    send(outcomes, PAYOUT, dealId, 0);
  }

  public void payout(long dealId, int attempt) {
    send(outcomes, PAYOUT, dealId, attempt);
  }

  private void send(Queue queue, String kind, long id, int attempt) {
    MapMessage message = message(kind, id, attempt);
    long delay =
        attempt == 0 ? (OUTCOME.equals(kind) ? pollDelayMillis(0) : 0) : delayMillis(attempt);
    jms.createProducer().setDeliveryDelay(delay).send(queue, message);
  }

  private MapMessage message(String kind, long id, int attempt) {
    MapMessage message = jms.createMapMessage();
    try {
      message.setString(KIND, kind);
      message.setLong(ID, id);
      message.setInt(ATTEMPT, attempt);
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
    return message;
  }

  private long pollDelayMillis(int attempt) {
    return callbacks.callbacksOn() ? fallbackDelayMillis(attempt) : pendingDelayMillis(attempt);
  }

  static long pendingDelayMillis(int attempt) {
    return Math.min(250L << Math.min(attempt, 5), 5000L);
  }

  static long fallbackDelayMillis(int attempt) {
    return attempt == 0 ? 30_000L : 60_000L;
  }

  /**
   * The step a message asks for. A message of any other shape (not a map, or without kind, id and
   * attempt) is not dropped: it fails every delivery, ends in the dead-letter queue after the last
   * one and the admin sees it there ({@link DeadLetters}).
   */
  static MapMessage step(Message message) throws JMSException {
    if (message instanceof MapMessage map
        && map.itemExists(KIND)
        && map.itemExists(ID)
        && map.itemExists(ATTEMPT)) {
      return map;
    }
    throw new IllegalArgumentException(
        "Message "
            + message.getJMSMessageID()
            + " (delivery "
            + (message.propertyExists("JMSXDeliveryCount")
                ? message.getIntProperty("JMSXDeliveryCount")
                : "?")
            + ") is not a marketplace step: "
            + DeadLetters.describe(message));
  }

  static long delayMillis(int attempt) {
    return Math.min(1L << Math.min(attempt, 6), 60L) * 1000L / (attempt == 0 ? 2 : 1);
  }
}
