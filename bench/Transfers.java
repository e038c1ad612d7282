import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Parts 1 and 1b, bank transfers through the partner API, one to a request or in batches. Each run:
 * the codes are asked for and verified first (not measured: that is the holder's part), then
 * TRANSFER_CLIENTS clients submit the transfers as fast as the bank accepts them and the bank
 * carries them out from its queue. The figure is transfers / (last completion − first acceptance),
 * both the bank's own timestamps.
 */
final class Transfers {

  /** Items per request of the batch phase (the partner API's maximum). */
  static final int BATCH = 100;

  private final Settings settings;
  private final Driver driver;
  private final BenchServer server;
  private final Population population;
  private final Results results;
  private final Random random;
  private final Outbox outbox;

  Transfers(
      Settings settings,
      Driver driver,
      BenchServer server,
      Population population,
      Results results,
      Random random) {
    this.settings = settings;
    this.driver = driver;
    this.server = server;
    this.population = population;
    this.results = results;
    this.random = random;
    this.outbox = new Outbox(driver, 100);
  }

  /** Part 1: POST /partner/transfers, one transfer a request. */
  void single() throws Exception {
    Bench.say(
        "bank transfers: warm-up (300), then "
            + settings.runs
            + " runs of "
            + settings.transfers
            + ", "
            + settings.transferClients
            + " clients");
    List<Double> perSecond = runs("warm", "r", false);
    results.put(
        "bank transfers",
        "transfers/s",
        perSecond,
        "≥ 0.30 × pgbench",
        false,
        settings.transferClients + " clients submitting, all in flight; accepted → COMPLETED");
  }

  /** Part 1b: the same transfers, submitted 100 to a request (batch API). */
  void batched() throws Exception {
    Bench.say(
        "bank transfers in batches of "
            + BATCH
            + ": warm-up (300), then "
            + settings.runs
            + " runs of "
            + settings.transfers
            + ", "
            + settings.transferClients
            + " clients");
    List<Double> perSecond = runs("bwarm", "b", true);
    results.put(
        "bank transfers, batches of " + BATCH,
        "transfers/s",
        perSecond,
        "(its own line)",
        true,
        settings.transferClients
            + " clients submitting POST /partner/transfers/batch, "
            + BATCH
            + " a request; accepted → COMPLETED");
  }

  /** A warm-up of 300 transfers, then RUNS runs of TRANSFERS; answers each run's transfers/s. */
  private List<Double> runs(String warmUp, String prefix, boolean batched) throws Exception {
    run(warmUp, 300, batched);
    List<Double> perSecond = new ArrayList<>();
    for (int run = 1; run <= settings.runs; run++) {
      perSecond.add(run(prefix + run, settings.transfers, batched));
    }
    return perSecond;
  }

  /** One run of count transfers; answers transfers/s. */
  private double run(String run, int count, boolean batched) throws Exception {
    List<String[]> ready = Collections.synchronizedList(new ArrayList<>());
    List<String[]> payers = population.payers;
    List<String> payees = population.payees;
    Instant t = Instant.now();
    Parallel.run(
        count,
        settings.transferClients,
        i -> {
          String[] payer = payers.get(i % payers.size());
          String payee = payees.get((i * 7 + 3) % payees.size());
          String reference = "bench-" + run + "-" + i;
          String amount = BigDecimal.valueOf(100 + random.nextInt(100_000), 2).toPlainString();
          Reply auth =
              partner(
                  "POST",
                  "/bank/api/v1/partner/authorizations",
                  "{\"accountNumber\":\""
                      + payer[0]
                      + "\",\"purpose\":\"PAYMENT\",\"amount\":\""
                      + amount
                      + "\",\"payeeAccount\":\""
                      + payee
                      + "\",\"reference\":\""
                      + reference
                      + "\"}",
                  null);
          Reply.expect(auth, 201);
          String id = Reply.field(auth.body(), "id");
          String code = outbox.code(payer[1], reference);
          Reply.expect(
              partner(
                  "POST",
                  "/bank/api/v1/partner/authorizations/" + id + "/verification",
                  "{\"code\":\"" + code + "\"}",
                  null),
              200);
          ready.add(
              new String[] {
                "{\"authorizationId\":\""
                    + id
                    + "\",\"payerAccount\":\""
                    + payer[0]
                    + "\",\"payeeAccount\":\""
                    + payee
                    + "\",\"amount\":\""
                    + amount
                    + "\",\"fee\":\""
                    + Reply.field(auth.body(), "fee")
                    + "\",\"groupReference\":\""
                    + reference
                    + "\"}",
                reference
              });
        });
    Bench.say(
        "  "
            + run
            + ": "
            + count
            + " codes verified in "
            + Duration.between(t, Instant.now()).toSeconds()
            + " s; submitting");
    ConcurrentLinkedQueue<String[]> queue = new ConcurrentLinkedQueue<>(ready);
    if (batched) {
      int requests = (count + BATCH - 1) / BATCH;
      Parallel.run(
          requests,
          settings.transferClients,
          i -> {
            StringBuilder body = new StringBuilder("{\"transfers\":[");
            int items = 0;
            for (String[] one; items < BATCH && (one = queue.poll()) != null; items++) {
              body.append(items == 0 ? "" : ",")
                  .append("{\"idempotencyKey\":\"")
                  .append(one[1])
                  .append("\",")
                  .append(one[0].substring(1));
            }
            Reply answer =
                partner(
                    "POST",
                    "/bank/api/v1/partner/transfers/batch",
                    body.append("]}").toString(),
                    null);
            Reply.expect(answer, 200);
            int accepted = answer.body().split("\"status\":202", -1).length - 1;
            if (accepted != items) {
              throw new IOException(
                  "a batch of " + items + " had " + accepted + " accepted: " + answer.body());
            }
          });
    } else {
      Parallel.run(
          count,
          settings.transferClients,
          i -> {
            String[] one = queue.poll();
            Reply.expect(partner("POST", "/bank/api/v1/partner/transfers", one[0], one[1]), 202);
          });
    }
    String where = "idempotency_key LIKE 'bench-" + run + "-%'";
    server.awaitSql(
        "SELECT count(*) FROM bank.transfer WHERE " + where + " AND status = 'ACCEPTED'",
        "0",
        Duration.ofMinutes(10));
    String[] figures =
        server
            .sql(
                "SELECT count(*) FILTER (WHERE status = 'COMPLETED'), count(*),"
                    + " extract(epoch FROM max(completed_at) - min(accepted_at))"
                    + " FROM bank.transfer WHERE "
                    + where)
            .split("\\|");
    int completed = Integer.parseInt(figures[0]);
    double seconds = Double.parseDouble(figures[2]);
    double rate = completed / seconds;
    Bench.say(
        String.format(
            Locale.ROOT,
            "  %s: %d of %s transfers COMPLETED in %.2f s: %.1f transfers/s",
            run,
            completed,
            figures[1],
            seconds,
            rate));
    if (completed != count) {
      throw new IllegalStateException(
          "not every transfer completed: " + figures[0] + " of " + count);
    }
    return rate;
  }

  private Reply partner(String method, String path, String body, String key) throws IOException {
    return driver.send(method, path, null, null, body, key, Map.of("X-Api-Key", Bench.API_KEY));
  }
}
