package dev.escrow.marketplace.infrastructure.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.escrow.marketplace.infrastructure.bank.BankCallbackSecret;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The delays the marketplace's steps are queued with (docs/payment.md, docs/design.md): a bank that
 * is away is asked again after 2, 4, 8 ... up to 60 s; a transfer the bank has not carried out yet
 * is polled after 0.25, 0.5, 1, 2, 4, then every 5 s; when the bank calls back, only after 30 s,
 * then every minute.
 */
class PaymentQueueDelaysTest {

  /** What the queue handed to JMS: which queue, the delivery delay, the message's map. */
  record Sent(String queue, long delayMillis, Map<String, Object> body) {}

  final List<Sent> sent = new ArrayList<>();
  boolean callbacksOn;
  final PaymentQueue queue = recordingQueue();

  @Test
  void aBankThatIsAwayIsAskedAgainAfterADoublingDelayOfAtMostAMinute() {
    assertEquals(
        List.of(2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L, 60_000L),
        IntStream.rangeClosed(1, 8).mapToObj(PaymentQueue::delayMillis).toList());
    assertEquals(500L, PaymentQueue.delayMillis(0));
    assertEquals(60_000L, PaymentQueue.delayMillis(1_000));
    assertEquals(60_000L, PaymentQueue.delayMillis(Integer.MAX_VALUE));
  }

  @Test
  void aTransferNotCarriedOutYetIsPolledAfterADoublingDelayOfAtMostFiveSeconds() {
    assertEquals(
        List.of(250L, 500L, 1_000L, 2_000L, 4_000L, 5_000L, 5_000L, 5_000L),
        IntStream.rangeClosed(0, 7).mapToObj(PaymentQueue::pendingDelayMillis).toList());
    assertEquals(5_000L, PaymentQueue.pendingDelayMillis(Integer.MAX_VALUE));
  }

  @Test
  void aSubmissionGoesAtOnceThenBacksOffWhileTheBankIsAway() {
    // PaymentSubmissionConsumer: submit(id, attempt + 1) each time the bank cannot be reached
    chain(attempt -> queue.submit(41, attempt), 8);
    assertEquals(List.of(0L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L), delays());
    sent.forEach(s -> assertEquals("MarketplacePayments", s.queue()));
    assertEquals(Map.of("kind", "SUBMIT", "id", 41L, "attempt", 7), sent.get(7).body());
  }

  @Test
  void theOutcomeIsPolledAfterAQuarterSecondThenBacksOffToFiveSeconds() {
    // PaymentProcessing: checkOutcome(id, 0) once submitted; PaymentOutcomeConsumer:
    // checkOutcomeSoon(id, attempt + 1) while the bank answers "not carried out yet"
    queue.checkOutcome(42, 0);
    for (int attempt = 1; attempt <= 7; attempt++) {
      queue.checkOutcomeSoon(42, attempt);
    }
    assertEquals(List.of(250L, 500L, 1_000L, 2_000L, 4_000L, 5_000L, 5_000L, 5_000L), delays());
    sent.forEach(s -> assertEquals("MarketplaceOutcomes", s.queue()));
    assertEquals(Map.of("kind", "OUTCOME", "id", 42L, "attempt", 3), sent.get(3).body());
  }

  @Test
  void whenTheBankCallsBackTheOutcomeIsPolledOnlyAsAFallback() {
    callbacksOn = true;
    queue.checkOutcome(45, 0);
    for (int attempt = 1; attempt <= 3; attempt++) {
      queue.checkOutcomeSoon(45, attempt);
    }
    assertEquals(List.of(30_000L, 60_000L, 60_000L, 60_000L), delays());
    // A bank that is away is still asked again with the same back-off.
    queue.checkOutcome(45, 4);
    assertEquals(16_000L, sent.get(4).delayMillis());
  }

  @Test
  void anOutcomeCheckTheBankWasAwayForBacksOffUpToAMinute() {
    chain(attempt -> queue.checkOutcome(43, attempt), 8);
    assertEquals(
        List.of(250L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L), delays());
  }

  @Test
  void aPayoutGoesAtOnceThenBacksOffUpToAMinute() {
    queue.payout(44);
    for (int attempt = 1; attempt <= 7; attempt++) {
      queue.payout(44, attempt);
    }
    assertEquals(List.of(0L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L), delays());
    sent.forEach(s -> assertEquals("MarketplaceOutcomes", s.queue()));
    assertEquals(Map.of("kind", "PAYOUT", "id", 44L, "attempt", 0), sent.get(0).body());
  }

  private static void chain(IntConsumer step, int times) {
    for (int attempt = 0; attempt < times; attempt++) {
      step.accept(attempt);
    }
  }

  private List<Long> delays() {
    return sent.stream().map(Sent::delayMillis).toList();
  }

  /** The real PaymentQueue over a JMS context that records instead of sending. */
  private PaymentQueue recordingQueue() {
    PaymentQueue recording = new PaymentQueue();
    recording.jms = proxy(JMSContext.class, this::context);
    recording.payments = queueNamed("MarketplacePayments");
    recording.outcomes = queueNamed("MarketplaceOutcomes");
    recording.callbacks =
        new BankCallbackSecret() {
          @Override
          public Optional<String> secret() {
            return callbacksOn ? Optional.of("shared") : Optional.empty();
          }
        };
    return recording;
  }

  private Object context(String method, Object[] args) {
    return switch (method) {
      case "createMapMessage" -> mapMessage();
      case "createProducer" -> producer();
      default -> throw new UnsupportedOperationException(method);
    };
  }

  private JMSProducer producer() {
    long[] delay = {0};
    JMSProducer[] self = new JMSProducer[1];
    self[0] =
        proxy(
            JMSProducer.class,
            (method, args) -> {
              switch (method) {
                case "setDeliveryDelay" -> delay[0] = (Long) args[0];
                case "send" -> {
                  Map<String, Object> body = new HashMap<>();
                  MapMessage message = (MapMessage) args[1];
                  for (String name :
                      List.of(PaymentQueue.KIND, PaymentQueue.ID, PaymentQueue.ATTEMPT)) {
                    body.put(name, message.getObject(name));
                  }
                  sent.add(new Sent(((Queue) args[0]).getQueueName(), delay[0], body));
                }
                default -> throw new UnsupportedOperationException(method);
              }
              return self[0];
            });
    return self[0];
  }

  private static MapMessage mapMessage() {
    Map<String, Object> items = new HashMap<>();
    return proxy(
        MapMessage.class,
        (method, args) ->
            switch (method) {
              case "setString", "setLong", "setInt" -> {
                items.put((String) args[0], args[1]);
                yield null;
              }
              case "getObject" -> items.get((String) args[0]);
              default -> throw new UnsupportedOperationException(method);
            });
  }

  private static Queue queueNamed(String name) {
    return proxy(
        Queue.class,
        (method, args) -> {
          if (method.equals("getQueueName")) {
            return name;
          }
          throw new UnsupportedOperationException(method);
        });
  }

  interface Handler {
    Object handle(String method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) ->
                switch (method.getName()) {
                  case "toString" -> type.getSimpleName() + " (recording)";
                  case "hashCode" -> System.identityHashCode(self);
                  case "equals" -> self == args[0];
                  default -> handler.handle(method.getName(), args);
                }));
  }
}
