import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Part 2, marketplace payments end to end and their latency from confirmation to SUCCEEDED. The
 * payments' runs also leave the open deals (each with a payment of half its price) the sweep
 * returns.
 */
final class Payments {

  private final Settings settings;
  private final Driver driver;
  private final BenchServer server;
  private final Population population;
  private final Offers offers;
  private final Results results;
  private final Outbox outbox;

  /** The 503s asked again so far. */
  private final AtomicInteger busy = new AtomicInteger();

  Payments(
      Settings settings,
      Driver driver,
      BenchServer server,
      Population population,
      Offers offers,
      Results results) {
    this.settings = settings;
    this.driver = driver;
    this.server = server;
    this.population = population;
    this.offers = offers;
    this.results = results;
    this.outbox = new Outbox(driver, 100);
  }

  /**
   * At each concurrency of PAYMENT_LEVELS (buyers), RUNS runs of PAYMENTS payments: each buyer in a
   * loop buys an offer, quotes, starts a payment of half the price (the deal stays open: the sweep
   * returns it later), reads the code from the demo outbox and confirms. The figure is payments /
   * (last SUCCEEDED − first started), the latency SUCCEEDED − confirmed, both the marketplace's own
   * timestamps. The headline is the best concurrency's median: past it, the buyers' requests take
   * the CPU from the background steps and payments wait longer without going any faster.
   */
  void run() throws Exception {
    List<Integer> levels = new ArrayList<>();
    for (String level : Bench.env("PAYMENT_LEVELS", "4,8,16,32").split(",")) {
      levels.add(Integer.parseInt(level.strip()));
    }
    Bench.say(
        "marketplace payments: warm-up (200, 8 buyers), then "
            + settings.runs
            + " runs of "
            + settings.payments
            + " at "
            + levels
            + " buyers");
    run("warm", 200, 8);
    double best = 0;
    int bestLevel = 0;
    for (int level : levels) {
      List<Double> perSecond = new ArrayList<>();
      List<Double> p50 = new ArrayList<>();
      List<Double> p95 = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      List<List<Double>> legs = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (int run = 1; run <= settings.runs; run++) {
        double[] figures = run("c" + level + "r" + run, settings.payments, level);
        perSecond.add(figures[0]);
        p50.add(figures[1]);
        p95.add(figures[2]);
        p99.add(figures[3]);
        for (int leg = 0; leg < LEGS.length; leg++) {
          legs.get(leg).add(figures[4 + leg]);
        }
      }
      String what = level + " buyers: buy, quote, start, code, confirm; until SUCCEEDED";
      results.put("payments, " + level + " buyers", "payments/s", perSecond, "", true, what);
      String latency = "confirmation → SUCCEEDED, " + level + " buyers";
      results.put("payment latency p50, " + level + " buyers", "ms", p50, "", true, latency);
      results.put("payment latency p95, " + level + " buyers", "ms", p95, "", true, latency);
      results.put("payment latency p99, " + level + " buyers", "ms", p99, "", true, latency);
      for (int leg = 0; leg < LEGS.length; leg++) {
        results.put(
            "payment latency p50 leg " + LEGS[leg] + ", " + level + " buyers",
            "ms",
            legs.get(leg),
            "",
            true,
            "the latency's legs, from the bank's and the marketplace's timestamps");
      }
      if (Results.median(perSecond) > best) {
        best = Results.median(perSecond);
        bestLevel = level;
      }
    }
    results.put(
        new Results.Result(
            "marketplace payments",
            "payments/s",
            best,
            List.of(),
            "≥ 50",
            best >= 50,
            "the best of the concurrencies above: " + bestLevel + " buyers"));
  }

  /**
   * The legs of the latency, each a median over the run's payments: the confirmation (the bank took
   * the code) to the bank's acceptance of the transfer (the marketplace's commit, its queued
   * submission and the request); the acceptance to the transfer carried out (the bank's wake-up and
   * batch); carried out to SUCCEEDED at the marketplace (the callback).
   */
  static final String[] LEGS = {
    "confirmation → transfer accepted", "accepted → carried out", "carried out → SUCCEEDED"
  };

  /** count payments at 8 buyers (the sweep's deals). */
  double[] run(String run, int count) throws Exception {
    return run(run, count, 8);
  }

  /**
   * count payments at that many buyers; answers payments/s, latency p50, p95, p99 and the legs'
   * p50s (ms).
   */
  private double[] run(String run, int count, int clients) throws Exception {
    long firstPayment =
        Long.parseLong(server.sql("SELECT coalesce(max(id), 0) FROM marketplace.payment")) + 1;
    AtomicInteger refused = new AtomicInteger();
    Instant t = Instant.now();
    List<String[]> buyers = population.buyers;
    Parallel.run(
        count,
        clients,
        i -> {
          String[] buyer = buyers.get(i % buyers.size());
          pay(buyer, refused);
        });
    long lastPayment =
        Long.parseLong(server.sql("SELECT coalesce(max(id), 0) FROM marketplace.payment"));
    String where = "id BETWEEN " + firstPayment + " AND " + lastPayment;
    server.awaitSql(
        "SELECT count(*) FROM marketplace.payment WHERE "
            + where
            + " AND status IN ('PROCESSING', 'AWAITING_CONFIRMATION')",
        "0",
        Duration.ofMinutes(10));
    String[] f =
        server
            .sql(
                "SELECT count(*) FILTER (WHERE status = 'SUCCEEDED'), count(*),"
                    + " extract(epoch FROM max(resolved_at) - min(created_at)),"
                    + " percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP"
                    + " (ORDER BY extract(epoch FROM resolved_at - paid_at) * 1000)"
                    + " FROM marketplace.payment WHERE status = 'SUCCEEDED' AND "
                    + where)
            .split("\\|");
    // the transfer of payment p is the one keyed payment-p (Idempotency-Key, docs/payment.md)
    String[] legs =
        server
            .sql(
                "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.accepted_at - p.paid_at) * 1000),"
                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.completed_at - t.accepted_at) * 1000),"
                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.resolved_at - t.completed_at) * 1000)"
                    + " FROM marketplace.payment p JOIN bank.transfer t ON t.idempotency_key = 'payment-' || p.id"
                    + " WHERE p.status = 'SUCCEEDED' AND p."
                    + where)
            .split("\\|");
    int succeeded = Integer.parseInt(f[0]);
    double seconds = Double.parseDouble(f[2]);
    String[] percentiles = f[3].replaceAll("[{}]", "").split(",");
    double rate = succeeded / seconds;
    int deals =
        Integer.parseInt(
            server.sql(
                "SELECT count(DISTINCT p.deal_id) FROM marketplace.payment p JOIN marketplace.deal d ON d.id = p.deal_id"
                    + " WHERE p."
                    + where
                    + " AND d.paid_amount > 0 AND d.status = 'IN_PROGRESS'"));
    Bench.say(
        String.format(
            Locale.ROOT,
            "  %s: %d payments SUCCEEDED (of %d; %d refused) in %.2f s (client side %d s): %.1f payments/s;"
                + " latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (p50 legs: %s %.0f ms, %s %.0f ms, %s %.0f ms);"
                + " %d deals IN_PROGRESS with the payment counted;"
                + " %d answers 503 so far (asked again)",
            run,
            succeeded,
            count,
            refused.get(),
            seconds,
            Duration.between(t, Instant.now()).toSeconds(),
            rate,
            Double.parseDouble(percentiles[0]),
            Double.parseDouble(percentiles[1]),
            Double.parseDouble(percentiles[2]),
            LEGS[0],
            Double.parseDouble(legs[0]),
            LEGS[1],
            Double.parseDouble(legs[1]),
            LEGS[2],
            Double.parseDouble(legs[2]),
            deals,
            busy.get()));
    if (succeeded != count || deals != count) {
      throw new IllegalStateException(
          run + ": " + succeeded + " succeeded, " + deals + " deals updated, of " + count);
    }
    return new double[] {
      rate,
      Double.parseDouble(percentiles[0]),
      Double.parseDouble(percentiles[1]),
      Double.parseDouble(percentiles[2]),
      Double.parseDouble(legs[0]),
      Double.parseDouble(legs[1]),
      Double.parseDouble(legs[2])
    };
  }

  /** One buyer's payment: buy, quote, start half the price, the code, confirm. */
  private void pay(String[] buyer, AtomicInteger refused) throws Exception {
    long offer = offers.next();
    Reply bought = driver.post("/api/v1/offers/" + offer + "/buy", buyer[0], buyer[1], "", null);
    Reply.expect(bought, 201);
    String deal = Reply.field(bought.body(), "id");
    BigDecimal price = new BigDecimal(Reply.field(bought.body(), "price"));
    String amount = price.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN).toPlainString();
    Reply.expect(
        driver.get(
            "/api/v1/deals/" + deal + "/quote?accountId=" + buyer[4] + "&amount=" + amount,
            buyer[0],
            buyer[1]),
        200);
    String key = UUID.randomUUID().toString();
    Reply start =
        patiently(
            () ->
                driver.post(
                    "/api/v1/deals/" + deal + "/payments",
                    buyer[0],
                    buyer[1],
                    "{\"accountId\":\"" + buyer[4] + "\",\"amount\":\"" + amount + "\"}",
                    key));
    Reply.expect(start, 201);
    String payment = Reply.field(start.body(), "id");
    String code = outbox.code(buyer[2], "payment-" + payment);
    Reply confirmation =
        patiently(
            () ->
                driver.post(
                    "/api/v1/payments/" + payment + "/confirmation",
                    buyer[0],
                    buyer[1],
                    "{\"code\":\"" + code + "\"}",
                    null));
    if (confirmation.status() != 202) {
      refused.incrementAndGet();
      throw new IOException(
          "confirmation answered " + confirmation.status() + ": " + confirmation.body());
    }
  }

  private interface Call {
    Reply run() throws IOException;
  }

  /**
   * As a client should: a 503 (the marketplace could not reach the bank in time: it changed
   * nothing) is asked again after its Retry-After, up to five times; each is counted and reported.
   */
  private Reply patiently(Call call) throws IOException {
    Reply reply = call.run();
    for (int attempt = 1; reply.status() == 503 && attempt <= 5; attempt++) {
      busy.incrementAndGet();
      Driver.sleep(1000);
      reply = call.run();
    }
    return reply;
  }
}
