package dev.escrow.bank.infrastructure.observability;

import dev.escrow.bank.application.AuditMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
public class BankMeters implements AuditMeter {

  private static final String AUDIT_GAUGE = "bank.audit.consistent";

  /** The audit's last result: 1 consistent, 0 not, -1 not audited since the start. */
  private final AtomicInteger auditConsistent = new AtomicInteger(-1);

  private Gauge auditGauge;

  private final Map<Tags, Counter> counters = new ConcurrentHashMap<>();

  @Inject MeterRegistry registry;

  /** Made at start, so that the audit's gauge is there (at -1) before the first audit. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    auditConsistent.get();
  }

  /**
   * The server's registry outlives a deployment and keeps its meters: a gauge left by an earlier
   * deployment would go on reading that deployment's holder (the registry finds it by name and
   * hands it back instead of the new one), so it is replaced, and removed when this one ends.
   */
  @PostConstruct
  void gauges() {
    Gauge stale = registry.find(AUDIT_GAUGE).gauge();
    if (stale != null) {
      registry.remove(stale);
    }
    registry.gauge(AUDIT_GAUGE, Tags.empty(), auditConsistent, AtomicInteger::get);
    auditGauge = registry.find(AUDIT_GAUGE).gauge();
  }

  @PreDestroy
  void removeGauges() {
    if (auditGauge != null) {
      registry.remove(auditGauge);
    }
  }

  public void transfer(boolean completed) {
    count("bank.transfers", "outcome", completed ? "completed" : "failed");
  }

  /** An operation ended: {@code settled} or {@code reversed}. */
  public void operation(String outcome) {
    count("bank.operations", "outcome", outcome);
  }

  @Override
  public void audited(boolean consistent) {
    auditConsistent.set(consistent ? 1 : 0);
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
