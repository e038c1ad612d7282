package dev.escrow.marketplace.infrastructure.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The marketplace's own meters, in the server's Micrometer registry (scraped at the management
 * interface's {@code /metrics}; names in docs/operations.md). Queue depths and the dead-letter
 * queue's size come from the server itself ({@code messaging_activemq_message_count}).
 *
 * <p>Meters are made with the registry's {@code counter(name, tags)} and {@code timer(name, tags)}:
 * WildFly hands each deployment a registry that forwards only those to the exported one (a meter
 * made with {@code Counter.builder(...).register(registry)} stays in the deployment's own registry
 * and is never scraped), so no descriptions and no histogram buckets.
 */
@ApplicationScoped
public class MarketplaceMeters {

  @Inject MeterRegistry registry;

  private final Map<Tags, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

  /** A confirmed payment reached its final state, {@code latency} after its code was accepted. */
  public void payment(String outcome, Duration latency) {
    count("marketplace.payments", "outcome", outcome);
    latencies
        .computeIfAbsent(
            outcome, o -> registry.timer("marketplace.payment.latency", Tags.of("outcome", o)))
        .record(latency.isNegative() ? Duration.ZERO : latency);
  }

  /** A deal closed: {@code completed} (paid in full) or {@code expired}. */
  public void deal(String outcome) {
    count("marketplace.deals", "outcome", outcome);
  }

  /** The bank carried out a closed deal's payout: {@code settled} or {@code reversed}. */
  public void payout(String kind) {
    count("marketplace.payouts", "kind", kind);
  }

  /** A batch job's execution ended. */
  public void jobRun(String job, String outcome) {
    count("marketplace.job.runs", "job", job, "outcome", outcome);
  }

  /** A message came again after a failed delivery. */
  public void redelivered(String queue) {
    count("marketplace.messages.redelivered", "queue", queue);
  }

  /** The last delivery of a message failed: the broker moves it to the dead-letter queue. */
  public void deadLettered(String queue) {
    count("marketplace.messages.dead.lettered", "queue", queue);
  }

  private void count(String name, String... tags) {
    counters
        .computeIfAbsent(
            Tags.of("name", name).and(tags), key -> registry.counter(name, Tags.of(tags)))
        .increment();
  }
}
