import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The catalogue's OFFERS ACTIVE offers of the sellers, filled by SQL once, when the payments or the
 * catalogue first need them (100 000 offers through the API would take longer than the rest of the
 * run), and handed out to the buyers in a shuffled order.
 */
final class Offers {

  static final String[] WORDS = {
    "lamp", "chair", "table", "camera", "guitar", "bicycle", "watch", "sofa", "kettle", "drone",
    "tent", "piano", "laptop", "mirror", "clock", "vase", "rug", "heater", "radio", "scooter"
  };

  private final Settings settings;
  private final BenchServer server;
  private final Population population;
  private final Random random;
  private final AtomicInteger nextOffer = new AtomicInteger();
  private volatile List<Long> offerIds;

  Offers(Settings settings, BenchServer server, Population population, Random random) {
    this.settings = settings;
    this.server = server;
    this.population = population;
    this.random = random;
  }

  /** The id of an offer no buyer has had yet. */
  long next() throws Exception {
    if (offerIds == null) {
      fill();
    }
    return offerIds.get(nextOffer.getAndIncrement());
  }

  /**
   * OFFERS ACTIVE offers of the sellers, by SQL (moderated, commission 5 %, a day to pay), each
   * title a word of twenty and a number: a search for one word finds one offer in twenty.
   */
  synchronized void fill() throws Exception {
    if (offerIds != null) {
      return;
    }
    Instant t = Instant.now();
    StringBuilder ids = new StringBuilder();
    for (String[] seller : population.sellers) {
      ids.append(ids.length() == 0 ? "" : ",").append("'").append(seller[0]).append("'");
    }
    StringBuilder words = new StringBuilder();
    for (String word : WORDS) {
      words.append(words.length() == 0 ? "" : ",").append("'").append(word).append("'");
    }
    server.sql(
        "INSERT INTO marketplace.offer (seller_id, title, description, price, payment_window_seconds,"
            + " status, published, commission_percent, created_at, updated_at, version)"
            + " SELECT s.ids[1 + n % array_length(s.ids, 1)],"
            + " initcap((ARRAY["
            + words
            + "])[1 + n % "
            + WORDS.length
            + "]) || ' no. ' || n,"
            + " 'A well kept ' || (ARRAY["
            + words
            + "])[1 + n % "
            + WORDS.length
            + "] || ', lot ' || n || '; pick-up or delivery.',"
            + " 100 + (n * 37) % 4900, 86400, 'ACTIVE', TRUE, 5.00, now() - n * interval '1 second', now(), 0"
            + " FROM generate_series(1, "
            + settings.offers
            + ") n,"
            + " (SELECT array_agg(id ORDER BY id) ids FROM marketplace.app_user WHERE login IN ("
            + ids
            + ")) s");
    server.sql("ANALYZE marketplace.offer");
    List<Long> found = new ArrayList<>();
    for (String id :
        server
            .sql("SELECT id FROM marketplace.offer WHERE status = 'ACTIVE' ORDER BY id")
            .split("\n")) {
      found.add(Long.parseLong(id.strip()));
    }
    Collections.shuffle(found, random);
    offerIds = found;
    Bench.say(
        "catalogue: "
            + settings.offers
            + " ACTIVE offers inserted in "
            + Duration.between(t, Instant.now()).toSeconds()
            + " s");
  }
}
