package dev.escrow.bank.infrastructure.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bank's own meters, in the server's Micrometer registry (scraped at the management interface's
 * {@code /metrics}; names in docs/operations.md), made with the registry's {@code counter(name,
 * tags)} and {@code gauge(...)}: the only ones WildFly's per-deployment registry forwards to the
 * exported one (see the marketplace's MarketplaceMeters).
 */
@ApplicationScoped
public class BankMeters {

  /**
   * The audit's last result: 1 consistent, 0 not, -1 not audited since the start. Static: the
   * registry keeps only a weak reference to a gauge's object, and a field of this bean was
   * collected (the gauge read NaN) although the bean is application-scoped.
   */
  private static final AtomicInteger AUDIT_CONSISTENT = new AtomicInteger(-1);

  private final Map<Tags, Counter> counters = new ConcurrentHashMap<>();

  @Inject MeterRegistry registry;

  /** Made at start, so that the audit's gauge is there (at -1) before the first audit. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    AUDIT_CONSISTENT.get();
  }

  @PostConstruct
  void gauges() {
    registry.gauge("bank.audit.consistent", Tags.empty(), AUDIT_CONSISTENT, AtomicInteger::get);
  }

  public void transfer(boolean completed) {
    count("bank.transfers", "outcome", completed ? "completed" : "failed");
  }

  /** An operation ended: {@code settled} or {@code reversed}. */
  public void operation(String outcome) {
    count("bank.operations", "outcome", outcome);
  }

  public void audited(boolean consistent) {
    AUDIT_CONSISTENT.set(consistent ? 1 : 0);
  }

  public void redelivered(String queue) {
    count("bank.messages.redelivered", "queue", queue);
  }

  public void deadLettered(String queue) {
    count("bank.messages.dead.lettered", "queue", queue);
  }

  private void count(String name, String... tags) {
    counters
        .computeIfAbsent(
            Tags.of("name", name).and(tags), key -> registry.counter(name, Tags.of(tags)))
        .increment();
  }
}
