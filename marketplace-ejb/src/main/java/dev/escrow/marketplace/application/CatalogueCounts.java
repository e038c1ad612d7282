package dev.escrow.marketplace.application;

import dev.escrow.marketplace.domain.offer.OfferWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The catalogue's match counts ({@code X-Total-Count}, the page's paginator), kept for a moment:
 * counting 100 000 active offers costs the database far more than reading a page of them, and every
 * catalogue request asks for the count.
 *
 * <p>A count is exact for what this server changed: any offer written ({@link OfferWritten})
 * (persisted, updated, removed) moves a generation on once its transaction has ended, and a count
 * is only used while the generation it was read under is still the current one (it was read before
 * the query, so a count can never outlive a commit it did not see). What others wrote straight into
 * the database (a bulk SQL load, another server on the same database) shows after at most {@link
 * #TTL}.
 */
@ApplicationScoped
public class CatalogueCounts {

  static final Duration TTL = Duration.ofSeconds(10);
  static final int MAX_ENTRIES = 1_000;

  private final AtomicLong generation = new AtomicLong();

  private record Key(String text, Long excludedSeller) {}

  private record Counted(long generation, long count, long readAtNanos) {}

  private final Map<Key, Counted> counts = new ConcurrentHashMap<>();

  /** The count for this search, from the store if still good, else from {@code query}. */
  public long count(String text, Long excludedSeller, LongSupplier query) {
    Key key =
        new Key(
            text == null || text.isBlank() ? "" : text.strip().toLowerCase(Locale.ROOT),
            excludedSeller);
    long current = generation.get();
    long now = System.nanoTime();
    Counted known = counts.get(key);
    if (known != null
        && known.generation() == current
        && now - known.readAtNanos() < TTL.toNanos()) {
      return known.count();
    }
    long count = query.getAsLong();
    if (counts.size() >= MAX_ENTRIES) {
      counts.clear(); // many different searches: start again rather than grow
    }
    counts.put(key, new Counted(current, count, now));
    return count;
  }

  /**
   * A written offer outdates every count once its transaction has ended (at once when there is
   * none), whether it committed or not: a count read meanwhile may have seen it.
   */
  void offerWritten(@Observes(during = TransactionPhase.AFTER_COMPLETION) OfferWritten written) {
    generation.incrementAndGet();
  }
}
