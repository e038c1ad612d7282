package dev.escrow.marketplace.domain.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The catalogue's match counts ({@code X-Total-Count}, the page's paginator), kept for a moment:
 * counting 100 000 active offers costs the database far more than reading a page of them, and every
 * catalogue request asks for the count.
 *
 * <p>A count is exact for what this server changed: any offer written (persisted, updated, removed)
 * moves a generation on once its transaction has ended, and a count is only used while the
 * generation it was read under is still the current one (it was read before the query, so a count
 * can never outlive a commit it did not see). What others wrote straight into the database (a bulk
 * SQL load, another server on the same database) shows after at most {@link #TTL}.
 */
@ApplicationScoped
public class CatalogueCounts {

  static final Duration TTL = Duration.ofSeconds(10);
  static final int MAX_ENTRIES = 1_000;

  private static final AtomicLong GENERATION = new AtomicLong();
  private static final String REGISTERED = CatalogueCounts.class.getName();

  private record Key(String text, Long excludedSeller) {}

  private record Counted(long generation, long count, long readAtNanos) {}

  private final Map<Key, Counted> counts = new ConcurrentHashMap<>();

  /** The count for this search, from the store if still good, else from {@code query}. */
  public long count(String text, Long excludedSeller, LongSupplier query) {
    Key key =
        new Key(
            text == null || text.isBlank() ? "" : text.strip().toLowerCase(Locale.ROOT),
            excludedSeller);
    long generation = GENERATION.get();
    long now = System.nanoTime();
    Counted known = counts.get(key);
    if (known != null
        && known.generation() == generation
        && now - known.readAtNanos() < TTL.toNanos()) {
      return known.count();
    }
    long count = query.getAsLong();
    if (counts.size() >= MAX_ENTRIES) {
      counts.clear(); // many different searches: start again rather than grow
    }
    counts.put(key, new Counted(generation, count, now));
    return count;
  }

  /**
   * The entity listener of {@link Offer}: a written offer outdates every count once its transaction
   * has ended (at once when there is none).
   */
  public static class OfferChanges {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Offer offer) {
      TransactionSynchronizationRegistry transaction = registry();
      if (transaction == null || transaction.getTransactionStatus() != Status.STATUS_ACTIVE) {
        GENERATION.incrementAndGet();
        return;
      }
      if (transaction.getResource(REGISTERED) == null) {
        transaction.putResource(REGISTERED, Boolean.TRUE);
        transaction.registerInterposedSynchronization(
            new Synchronization() {
              @Override
              public void beforeCompletion() {
                // nothing: only the end matters
              }

              @Override
              public void afterCompletion(int status) {
                GENERATION.incrementAndGet();
              }
            });
      }
    }

    private static TransactionSynchronizationRegistry registry() {
      try {
        return (TransactionSynchronizationRegistry)
            new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
      } catch (NamingException notInAServer) {
        return null;
      }
    }
  }
}
