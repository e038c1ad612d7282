import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The benchmark's driver (compiled and run by {@code bench/run.sh} with the shared {@code
 * tools/driver}: no build, no dependencies). Everything goes through the public HTTP APIs, as a
 * client would; the database is only read (to take the server's own timestamps) and, for the
 * catalogue, filled with offers by SQL (100 000 offers through the API would take longer than the
 * rest of the run), and for the sweep, its deals' deadlines are moved into the past (waiting for
 * them would take a day).
 */
public class Bench {

  static final String BANK_A = "044525042";
  static final String BANK_B = "044030117";
  static final String ADMIN_PASSWORD = "bench-admin-password";
  static final String OPERATOR_PASSWORD = "bench-operator-password";
  static final String API_KEY = "bench-bank-api-key-0123456789abcdef";
  static final String[] WORDS = {
    "lamp", "chair", "table", "camera", "guitar", "bicycle", "watch", "sofa", "kettle", "drone",
    "tent", "piano", "laptop", "mirror", "clock", "vase", "rug", "heater", "radio", "scooter"
  };

  final Path server = Path.of(env("SERVER_DIR", "bench/target/server"));
  final Path out = Path.of("bench/target/bench");
  final String prefix = env("DATABASE_PREFIX", "escrow_bench");
  final int offset = Integer.parseInt(env("PORT_OFFSET", "500"));
  final String base = "http://127.0.0.1:" + (8080 + offset);
  final int runs = Integer.parseInt(env("RUNS", "3"));
  final int transfers = Integer.parseInt(env("TRANSFERS", "2000"));
  final int transferClients = Integer.parseInt(env("TRANSFER_CLIENTS", "16"));
  final int payments = Integer.parseInt(env("PAYMENTS", "1000"));
  final int buyerCount = Integer.parseInt(env("BUYERS", "32"));
  final int offers = Integer.parseInt(env("OFFERS", "100000"));
  final int catalogueClients = Integer.parseInt(env("CATALOGUE_CLIENTS", "32"));
  final int wrkSeconds = Integer.parseInt(env("WRK_SECONDS", "15"));
  final int sweepDeals = Integer.parseInt(env("SWEEP_DEALS", "10000"));
  final Driver driver = new Driver(base, Duration.ofSeconds(60));
  final BackOffice backOffice = new BackOffice(driver, OPERATOR_PASSWORD);
  final Marketplace marketplace = new Marketplace(driver, ADMIN_PASSWORD);
  final Random random = new Random(20261126);

  String database;
  long javaPid = -1;
  Path log;

  /** name → figures (medians and each run), in the order measured. */
  final Map<String, Result> results = new LinkedHashMap<>();

  record Result(
      String name,
      String unit,
      double value,
      List<Double> runs,
      String target,
      boolean met,
      String note) {}

  Bench() {}

  static String env(String name, String fallback) {
    return Driver.env(name, fallback);
  }

  public static void main(String[] args) throws Exception {
    Bench bench = new Bench();
    Runtime.getRuntime().addShutdownHook(new Thread(bench::stopServer));
    try (SmtpSink mail = new SmtpSink(Integer.parseInt(env("SMTP_SINK_PORT", "2626")))) {
      bench.run();
      say("the bank sent " + mail.mails() + " mails");
    } finally {
      bench.stopServer();
    }
  }

  void run() throws Exception {
    Instant begin = Instant.now();
    say(
        "benchmark on "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + runs
            + " runs per figure (median), PostgreSQL "
            + sqlOn("postgres", "SHOW server_version"));
    seed();
    setUp();
    if (phase("transfers")) {
      bankTransfers();
    }
    if (phase("batch")) {
      bankBatches();
    }
    if (phase("pgbench")) {
      pgbench();
    }
    if (phase("payments")) {
      marketplacePayments();
    }
    if (phase("catalogue")) {
      catalogue();
    }
    if (phase("sweep")) {
      sweep();
    }
    memory();
    report(Duration.between(begin, Instant.now()));
    if (Boolean.parseBoolean(env("HOLD", "false"))) {
      say(
          "HOLD: the server stays up (database "
              + database
              + ", "
              + base
              + ") until this is stopped");
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  /**
   * PHASES (comma-separated: transfers, batch, pgbench, payments, catalogue, sweep) picks what
   * runs.
   */
  boolean phase(String name) {
    String phases = env("PHASES", "all");
    return phases.equals("all") || List.of(phases.split(",")).contains(name);
  }

  // ---------------------------------------------------------------- 5. the seed, server start

  /** Starts the server on RUNS fresh databases; the seed's own log line says how long it took. */
  void seed() throws Exception {
    List<Double> seconds = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      if (run > 1) {
        stopServer();
      }
      database = prefix + "_" + run;
      sqlOn("postgres", "CREATE DATABASE " + database);
      deleteTree(server.resolve("standalone/data"));
      log = server.resolve("standalone/log/bench-console-" + run + ".log");
      Instant t = Instant.now();
      startServer();
      String line = awaitLog("Demo seed: ", Duration.ofMinutes(5));
      Matcher m = Pattern.compile("and (\\d+) accounts .* in (\\d+) ms").matcher(line);
      if (!m.find()) {
        throw new IllegalStateException("unexpected seed line: " + line);
      }
      int accounts = Integer.parseInt(m.group(1));
      double s = Long.parseLong(m.group(2)) / 1000.0;
      seconds.add(s);
      say(
          "seed run "
              + run
              + ": "
              + accounts
              + " accounts in "
              + s
              + " s (server ready "
              + Duration.between(t, Instant.now()).toSeconds()
              + " s after start)");
      if (accounts < 100_000) {
        throw new IllegalStateException("the seed made " + accounts + " accounts, not 100 000");
      }
    }
    put("seed", "s", seconds, "≤ 20", median(seconds) <= 20, "100 005 accounts at 10 banks");
  }

  void startServer() throws Exception {
    javaPid =
        new Server(server, offset)
            .start(
                Map.of(
                    "POSTGRESQL_DATABASE", database,
                    "MARKETPLACE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "BANK_OPERATOR_PASSWORD", OPERATOR_PASSWORD,
                    "BANK_API_KEY", API_KEY,
                    "MARKETPLACE_BANK_API_KEY", API_KEY,
                    "DEMO_MODE", "true",
                    "BANK_DEMO_ACCOUNTS_PER_CUSTOMER", "100",
                    "SMTP_HOST", "127.0.0.1",
                    "SMTP_PORT", env("SMTP_SINK_PORT", "2626")),
                log,
                this::ready);
  }

  static void check(Instant deadline, String message) {
    if (Instant.now().isAfter(deadline)) {
      throw new IllegalStateException(message);
    }
  }

  boolean ready() {
    try {
      return driver.get("/api/v1/me", "admin", ADMIN_PASSWORD).status() == 200
          && driver.get("/bank/api/v1/backoffice/audit", "operator", OPERATOR_PASSWORD).status()
              == 200;
    } catch (IOException e) {
      return false;
    }
  }

  String awaitLog(String marker, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (line.contains(marker)) {
          return line;
        }
      }
      check(deadline, "no '" + marker + "' in " + log);
      Thread.sleep(500);
    }
  }

  void stopServer() {
    long pid = javaPid;
    javaPid = -1;
    Server.stop(pid);
  }

  // ---------------------------------------------------------------- set-up

  final Map<String, String> marketplaceBanks = new LinkedHashMap<>();
  final List<String[]> sellers = new ArrayList<>();
  final List<String[]> buyers = new ArrayList<>();
  final List<String[]> payers = new ArrayList<>();
  final List<String> payees = new ArrayList<>();

  /**
   * The marketplace's id of the bank with this requisite: the demo seed registers all ten banks (a
   * few seconds after the start), so it is looked up first and registered only when missing.
   */
  String marketplaceBank(String requisite) throws IOException {
    Pattern bank = Pattern.compile("\\{[^{}]*\"requisite\"\\s*:\\s*\"" + requisite + "\"[^{}]*\\}");
    Matcher m = bank.matcher(driver.get("/api/v1/banks", "admin", ADMIN_PASSWORD).body());
    if (m.find()) {
      return Reply.field(m.group(), "id");
    }
    Reply created =
        driver.post(
            "/api/v1/admin/banks",
            "admin",
            ADMIN_PASSWORD,
            "{\"name\":\"Bank " + requisite + "\",\"requisite\":\"" + requisite + "\"}",
            null);
    if (created.status() == 409) { // the seed registered it meanwhile
      m = bank.matcher(driver.get("/api/v1/banks", "admin", ADMIN_PASSWORD).body());
      if (m.find()) {
        return Reply.field(m.group(), "id");
      }
    }
    Reply.expect(created, 201);
    return Reply.field(created.body(), "id");
  }

  void setUp() throws Exception {
    Instant t = Instant.now();
    Reply.expect(
        driver.send(
            "PUT",
            "/bank/api/v1/backoffice/settings",
            "operator",
            OPERATOR_PASSWORD,
            "{\"processingDelaySeconds\":0}",
            null),
        200);
    for (String requisite : List.of(BANK_A, BANK_B)) {
      marketplaceBanks.put(requisite, marketplaceBank(requisite));
    }
    String finance = backOffice.customer("Marketplace finance", "finance@bench.example");
    String settlement = backOffice.account(finance, BANK_A);
    Reply.expect(
        driver.send(
            "PUT",
            "/api/v1/admin/settings/settlement-account",
            "admin",
            ADMIN_PASSWORD,
            "{\"number\":\""
                + settlement
                + "\",\"bankId\":\""
                + marketplaceBanks.get(BANK_A)
                + "\"}",
            null),
        200);
    awaitJob("fee-refresh");
    parallel(
        8,
        8,
        i -> {
          String[] seller = client("seller" + i, i % 2 == 0 ? BANK_A : BANK_B, null);
          synchronized (sellers) {
            sellers.add(seller);
          }
        });
    parallel(
        buyerCount,
        8,
        i -> {
          String[] buyer = client("buyer" + i, i % 3 == 0 ? BANK_B : BANK_A, "100000000.00");
          synchronized (buyers) {
            buyers.add(buyer);
          }
        });
    // Bank customers of their own for the transfers: payers with money, payees at both banks.
    parallel(
        64,
        8,
        i -> {
          String email = "payer" + i + "@bench.example";
          String number =
              backOffice.account(
                  backOffice.customer("Payer " + i, email), i % 2 == 0 ? BANK_A : BANK_B);
          backOffice.deposit(number, "100000000.00");
          String payee =
              backOffice.account(
                  backOffice.customer("Payee " + i, "payee" + i + "@bench.example"),
                  i % 3 == 0 ? BANK_A : BANK_B);
          synchronized (payers) {
            payers.add(new String[] {number, email});
            payees.add(payee);
          }
        });
    say(
        "set up in "
            + Duration.between(t, Instant.now()).toSeconds()
            + " s: 2 marketplace banks, 8 sellers, "
            + buyers.size()
            + " buyers, 64 payers and 64 payees at the bank, fee cache refreshed");
  }

  /** login, password, email, account number, account id, bank requisite */
  String[] client(String name, String bank, String deposit) throws IOException {
    String login = name + "-" + Long.toHexString(random.nextLong() & 0xffffffL);
    String email = login + "@bench.example";
    String number = backOffice.account(backOffice.customer("Client " + login, email), bank);
    if (deposit != null) {
      backOffice.deposit(number, deposit);
    }
    String password = "pw-" + login + "-secret";
    String accountId = marketplace.client(login, password, number, marketplaceBanks.get(bank));
    return new String[] {login, password, email, number, accountId, bank};
  }

  void awaitJob(String name) throws Exception {
    Reply job = driver.post("/api/v1/admin/jobs/" + name, "admin", ADMIN_PASSWORD, "{}", null);
    Reply.expect(job, 202);
    String execution = Reply.field(job.body(), "executionId");
    for (int i = 0; i < 600; i++) {
      String status =
          Reply.field(
              driver.get("/api/v1/admin/jobs/" + execution, "admin", ADMIN_PASSWORD).body(),
              "status");
      if ("COMPLETED".equals(status)) {
        return;
      }
      if ("FAILED".equals(status) || "ABANDONED".equals(status)) {
        throw new IllegalStateException(name + " " + status);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " did not complete");
  }

  // ---------------------------------------------------------------- 1. bank transfers

  /**
   * Each run: the codes are asked for and verified first (not measured: that is the holder's part),
   * then TRANSFER_CLIENTS clients submit the transfers as fast as the bank accepts them and the
   * bank carries them out from its queue. The figure is transfers / (last completion − first
   * acceptance), both the bank's own timestamps.
   */
  void bankTransfers() throws Exception {
    say(
        "bank transfers: warm-up (300), then "
            + runs
            + " runs of "
            + transfers
            + ", "
            + transferClients
            + " clients");
    transferRun("warm", 300);
    List<Double> perSecond = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      perSecond.add(transferRun("r" + run, transfers));
    }
    put(
        "bank transfers",
        "transfers/s",
        perSecond,
        "≥ 0.30 × pgbench",
        false,
        transferClients + " clients submitting, all in flight; accepted → COMPLETED");
  }

  /** Items per request of the batch phase (the partner API's maximum). */
  static final int BATCH = 100;

  /** The same transfers as {@link #bankTransfers}, submitted 100 to a request (batch API). */
  void bankBatches() throws Exception {
    say(
        "bank transfers in batches of "
            + BATCH
            + ": warm-up (300), then "
            + runs
            + " runs of "
            + transfers
            + ", "
            + transferClients
            + " clients");
    transferRun("bwarm", 300, true);
    List<Double> perSecond = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      perSecond.add(transferRun("b" + run, transfers, true));
    }
    put(
        "bank transfers, batches of " + BATCH,
        "transfers/s",
        perSecond,
        "(its own line)",
        true,
        transferClients
            + " clients submitting POST /partner/transfers/batch, "
            + BATCH
            + " a request; accepted → COMPLETED");
  }

  double transferRun(String run, int count) throws Exception {
    return transferRun(run, count, false);
  }

  double transferRun(String run, int count, boolean batched) throws Exception {
    List<String[]> ready = Collections.synchronizedList(new ArrayList<>());
    Instant t = Instant.now();
    parallel(
        count,
        transferClients,
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
          String code = code(payer[1], reference);
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
    say(
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
      parallel(
          requests,
          transferClients,
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
      parallel(
          count,
          transferClients,
          i -> {
            String[] one = queue.poll();
            Reply.expect(partner("POST", "/bank/api/v1/partner/transfers", one[0], one[1]), 202);
          });
    }
    String where = "idempotency_key LIKE 'bench-" + run + "-%'";
    awaitSql(
        "SELECT count(*) FROM bank.transfer WHERE " + where + " AND status = 'ACCEPTED'",
        "0",
        Duration.ofMinutes(10));
    String[] figures =
        sql("SELECT count(*) FILTER (WHERE status = 'COMPLETED'), count(*),"
                + " extract(epoch FROM max(completed_at) - min(accepted_at))"
                + " FROM bank.transfer WHERE "
                + where)
            .split("\\|");
    int completed = Integer.parseInt(figures[0]);
    double seconds = Double.parseDouble(figures[2]);
    double rate = completed / seconds;
    say(
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

  Reply partner(String method, String path, String body, String key) throws IOException {
    return driver.send(method, path, null, null, body, key, Map.of("X-Api-Key", API_KEY));
  }

  String code(String email, String reference) throws IOException {
    for (int i = 0; i < 100; i++) {
      Reply outbox =
          driver.get(
              "/bank/api/v1/demo/outbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
              null,
              null);
      Matcher m = Pattern.compile("\\{[^{}]*\\}").matcher(outbox.body());
      while (m.find()) {
        String mail = m.group();
        if (mail.contains(reference + ")")
            || mail.contains(reference + " ")
            || mail.contains(reference + "\\n")
            || mail.contains(reference + ".")) {
          return Reply.field(mail, "code");
        }
      }
      Driver.sleep(100);
    }
    throw new IOException("no code for " + reference + " in the outbox of " + email);
  }

  // ---------------------------------------------------------------- pgbench

  void pgbench() throws Exception {
    String db = prefix + "_pgbench";
    sqlOn("postgres", "CREATE DATABASE " + db);
    int scale = Math.max(transferClients, 10);
    shell("pgbench", "-i", "-q", "-s", Integer.toString(scale), db);
    say(
        "pgbench tpcb-like: scale "
            + scale
            + ", "
            + transferClients
            + " clients, warm-up 5 s, then "
            + runs
            + " runs of 20 s");
    shell(
        "pgbench",
        "-b",
        "tpcb-like",
        "-c",
        Integer.toString(transferClients),
        "-j",
        "2",
        "-T",
        "5",
        db);
    List<Double> tps = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      String output =
          shell(
              "pgbench",
              "-b",
              "tpcb-like",
              "-c",
              Integer.toString(transferClients),
              "-j",
              "2",
              "-T",
              "20",
              db);
      Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(output);
      if (!m.find()) {
        throw new IllegalStateException("no tps in " + output);
      }
      tps.add(Double.parseDouble(m.group(1)));
      say("  r" + run + ": " + m.group(1) + " tps");
    }
    sqlOn("postgres", "DROP DATABASE " + db + " WITH (FORCE)");
    put(
        "pgbench tpcb-like",
        "tps",
        tps,
        "(the limit)",
        true,
        transferClients + " clients, scale " + scale + ", same server");
    Result batches = results.get("bank transfers, batches of " + BATCH);
    if (batches != null) {
      results.put(
          "batches / pgbench",
          new Result(
              "batches / pgbench",
              "ratio",
              batches.value / median(tps),
              List.of(),
              "(its own line)",
              true,
              "transfers submitted " + BATCH + " a request"));
    }
    Result ours = results.get("bank transfers");
    if (ours == null) {
      return;
    }
    double ratio = ours.value / median(tps);
    results.put(
        "bank transfers",
        new Result(
            ours.name, ours.unit, ours.value, ours.runs, ours.target, ratio >= 0.30, ours.note));
    results.put(
        "transfers / pgbench",
        new Result(
            "transfers / pgbench",
            "ratio",
            ratio,
            List.of(),
            "≥ 0.30",
            ratio >= 0.30,
            "the headline"));
  }

  String shell(String... command) throws Exception {
    List<String> full = new ArrayList<>(List.of(command));
    full.addAll(
        1,
        List.of(
            "-h",
            env("POSTGRESQL_HOST", "127.0.0.1"),
            "-p",
            env("POSTGRESQL_PORT", "5432"),
            "-U",
            env("POSTGRESQL_USER", "postgres")));
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", full) + ": " + output);
    }
    return output;
  }

  // ---------------------------------------------------------------- 2. marketplace payments

  final AtomicInteger nextOffer = new AtomicInteger();
  volatile List<Long> offerIds;

  /**
   * At each concurrency of PAYMENT_LEVELS (buyers), RUNS runs of PAYMENTS payments: each buyer in a
   * loop buys an offer, quotes, starts a payment of half the price (the deal stays open: the sweep
   * returns it later), reads the code from the demo outbox and confirms. The figure is payments /
   * (last SUCCEEDED − first started), the latency SUCCEEDED − confirmed, both the marketplace's own
   * timestamps. The headline is the best concurrency's median: past it, the buyers' requests take
   * the CPU from the background steps and payments wait longer without going any faster.
   */
  void marketplacePayments() throws Exception {
    List<Integer> levels = new ArrayList<>();
    for (String level : env("PAYMENT_LEVELS", "4,8,16,32").split(",")) {
      levels.add(Integer.parseInt(level.strip()));
    }
    say(
        "marketplace payments: warm-up (200, 8 buyers), then "
            + runs
            + " runs of "
            + payments
            + " at "
            + levels
            + " buyers");
    paymentRun("warm", 200, 8);
    double best = 0;
    int bestLevel = 0;
    for (int level : levels) {
      List<Double> perSecond = new ArrayList<>();
      List<Double> p50 = new ArrayList<>();
      List<Double> p95 = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        double[] figures = paymentRun("c" + level + "r" + run, payments, level);
        perSecond.add(figures[0]);
        p50.add(figures[1]);
        p95.add(figures[2]);
        p99.add(figures[3]);
      }
      String what = level + " buyers: buy, quote, start, code, confirm; until SUCCEEDED";
      put("payments, " + level + " buyers", "payments/s", perSecond, "", true, what);
      String latency = "confirmation → SUCCEEDED, " + level + " buyers";
      put("payment latency p50, " + level + " buyers", "ms", p50, "", true, latency);
      put("payment latency p95, " + level + " buyers", "ms", p95, "", true, latency);
      put("payment latency p99, " + level + " buyers", "ms", p99, "", true, latency);
      if (median(perSecond) > best) {
        best = median(perSecond);
        bestLevel = level;
      }
    }
    results.put(
        "marketplace payments",
        new Result(
            "marketplace payments",
            "payments/s",
            best,
            List.of(),
            "≥ 50",
            best >= 50,
            "the best of the concurrencies above: " + bestLevel + " buyers"));
  }

  double[] paymentRun(String run, int count) throws Exception {
    return paymentRun(run, count, 8);
  }

  double[] paymentRun(String run, int count, int clients) throws Exception {
    long firstPayment =
        Long.parseLong(sql("SELECT coalesce(max(id), 0) FROM marketplace.payment")) + 1;
    AtomicInteger refused = new AtomicInteger();
    Instant t = Instant.now();
    parallel(
        count,
        clients,
        i -> {
          String[] buyer = buyers.get(i % buyers.size());
          pay(buyer, refused);
        });
    long lastPayment = Long.parseLong(sql("SELECT coalesce(max(id), 0) FROM marketplace.payment"));
    String where = "id BETWEEN " + firstPayment + " AND " + lastPayment;
    awaitSql(
        "SELECT count(*) FROM marketplace.payment WHERE "
            + where
            + " AND status IN ('PROCESSING', 'AWAITING_CONFIRMATION')",
        "0",
        Duration.ofMinutes(10));
    String[] f =
        sql("SELECT count(*) FILTER (WHERE status = 'SUCCEEDED'), count(*),"
                + " extract(epoch FROM max(resolved_at) - min(created_at)),"
                + " percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP"
                + " (ORDER BY extract(epoch FROM resolved_at - paid_at) * 1000)"
                + " FROM marketplace.payment WHERE status = 'SUCCEEDED' AND "
                + where)
            .split("\\|");
    int succeeded = Integer.parseInt(f[0]);
    double seconds = Double.parseDouble(f[2]);
    String[] percentiles = f[3].replaceAll("[{}]", "").split(",");
    double rate = succeeded / seconds;
    int deals =
        Integer.parseInt(
            sql(
                "SELECT count(DISTINCT p.deal_id) FROM marketplace.payment p JOIN marketplace.deal d ON d.id = p.deal_id"
                    + " WHERE p."
                    + where.replace("id BETWEEN", "id BETWEEN")
                    + " AND d.paid_amount > 0 AND d.status = 'IN_PROGRESS'"));
    say(
        String.format(
            Locale.ROOT,
            "  %s: %d payments SUCCEEDED (of %d; %d refused) in %.2f s (client side %d s): %.1f payments/s;"
                + " latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms; %d deals IN_PROGRESS with the payment counted;"
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
      Double.parseDouble(percentiles[2])
    };
  }

  void pay(String[] buyer, AtomicInteger refused) throws Exception {
    if (offerIds == null) {
      fillCatalogue();
    }
    long offer = offerIds.get(nextOffer.getAndIncrement());
    Reply bought = driver.post("/api/v1/offers/" + offer + "/buy", buyer[0], buyer[1], "", null);
    Reply.expect(bought, 201);
    String deal = Reply.field(bought.body(), "id");
    BigDecimal price = new BigDecimal(Reply.field(bought.body(), "price"));
    String amount =
        price.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN).toPlainString();
    Reply.expect(
        driver.get(
            "/api/v1/deals/" + deal + "/quote?accountId=" + buyer[4] + "&amount=" + amount,
            buyer[0],
            buyer[1]),
        200);
    String key = java.util.UUID.randomUUID().toString();
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
    String code = code(buyer[2], "payment-" + payment);
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

  final AtomicInteger busy = new AtomicInteger();

  interface Call {
    Reply run() throws IOException;
  }

  /**
   * As a client should: a 503 (the marketplace could not reach the bank in time: it changed
   * nothing) is asked again after its Retry-After, up to five times; each is counted and reported.
   */
  Reply patiently(Call call) throws IOException {
    Reply reply = call.run();
    for (int attempt = 1; reply.status() == 503 && attempt <= 5; attempt++) {
      busy.incrementAndGet();
      Driver.sleep(1000);
      reply = call.run();
    }
    return reply;
  }

  /**
   * OFFERS ACTIVE offers of the sellers, by SQL (moderated, commission 5 %, a day to pay), each
   * title a word of twenty and a number: a search for one word finds one offer in twenty.
   */
  synchronized void fillCatalogue() throws Exception {
    if (offerIds != null) {
      return;
    }
    Instant t = Instant.now();
    StringBuilder ids = new StringBuilder();
    for (String[] seller : sellers) {
      ids.append(ids.length() == 0 ? "" : ",").append("'").append(seller[0]).append("'");
    }
    StringBuilder words = new StringBuilder();
    for (String word : WORDS) {
      words.append(words.length() == 0 ? "" : ",").append("'").append(word).append("'");
    }
    sql(
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
            + offers
            + ") n,"
            + " (SELECT array_agg(id ORDER BY id) ids FROM marketplace.app_user WHERE login IN ("
            + ids
            + ")) s");
    sql("ANALYZE marketplace.offer");
    List<Long> found = new ArrayList<>();
    for (String id :
        sql("SELECT id FROM marketplace.offer WHERE status = 'ACTIVE' ORDER BY id").split("\n")) {
      found.add(Long.parseLong(id.strip()));
    }
    Collections.shuffle(found, random);
    offerIds = found;
    say(
        "catalogue: "
            + offers
            + " ACTIVE offers inserted in "
            + Duration.between(t, Instant.now()).toSeconds()
            + " s");
  }

  // ---------------------------------------------------------------- 3. the catalogue

  void catalogue() throws Exception {
    fillCatalogue();
    String[] buyer = buyers.get(0);
    String auth = Driver.basic(buyer[0], buyer[1]);
    int found =
        Integer.parseInt(
            sql(
                "SELECT count(*) FROM marketplace.offer WHERE status = 'ACTIVE' AND lower(title) LIKE '%lamp%'"));
    int deep = Math.max(0, found / 20 - 5);
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put("catalogue first page", "/api/v1/offers?q=lamp");
    endpoints.put("catalogue deep page", "/api/v1/offers?q=lamp&page=" + deep);
    endpoints.put("floor: GET /api/v1/me", "/api/v1/me");
    say(
        "catalogue: "
            + sql("SELECT count(*) FROM marketplace.offer WHERE status = 'ACTIVE'")
            + " ACTIVE offers, 'lamp' finds "
            + found
            + "; wrk "
            + catalogueClients
            + " connections, 2 threads, warm-up 10 s, then "
            + runs
            + " runs of "
            + wrkSeconds
            + " s");
    for (Map.Entry<String, String> e : endpoints.entrySet()) {
      Reply probe = driver.get(e.getValue(), buyer[0], buyer[1]);
      Reply.expect(probe, 200);
      wrk(e.getValue(), auth, 10);
      List<Double> rps = new ArrayList<>();
      List<Double> p50 = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        double[] f = wrk(e.getValue(), auth, wrkSeconds);
        rps.add(f[0]);
        p50.add(f[1]);
        p99.add(f[2]);
        say(
            String.format(
                Locale.ROOT,
                "  %s r%d: %.0f requests/s, p50 %.1f ms, p99 %.1f ms (%d bytes a page)",
                e.getKey(),
                run,
                f[0],
                f[1],
                f[2],
                probe.body().length()));
      }
      boolean floor = e.getKey().startsWith("floor");
      put(e.getKey() + " rps", "requests/s", rps, "", true, e.getValue());
      put(e.getKey() + " p50", "ms", p50, "", true, e.getValue());
      put(
          e.getKey() + " p99",
          "ms",
          p99,
          floor ? "" : "≤ 50",
          floor || median(p99) <= 50,
          e.getValue());
    }
  }

  /** requests/s, p50 ms, p99 ms */
  double[] wrk(String path, String auth, int seconds) throws Exception {
    Process p =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c" + catalogueClients,
                "-d" + seconds + "s",
                "--latency",
                "-H",
                "Authorization: " + auth,
                "-H",
                "Accept: application/json",
                base + path)
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    if (output.contains("Non-2xx")) {
      throw new IllegalStateException("wrk got errors: " + output);
    }
    Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
    Matcher p50 = Pattern.compile("50%\\s+([0-9.]+)(us|ms|s)").matcher(output);
    Matcher p99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(output);
    if (!rps.find() || !p50.find() || !p99.find()) {
      throw new IllegalStateException("unexpected wrk output: " + output);
    }
    return new double[] {Double.parseDouble(rps.group(1)), millis(p50), millis(p99)};
  }

  static double millis(Matcher m) {
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }

  // ---------------------------------------------------------------- 4. the refund sweep

  /**
   * The open deals the payment runs left (each with a SUCCEEDED payment of half its price) are made
   * overdue at once and the refund-sweep job is started; the figure runs from that moment to the
   * bank's last reversal. Deals are added first (same path as above) if the runs made fewer than
   * SWEEP_DEALS.
   */
  void sweep() throws Exception {
    int open =
        Integer.parseInt(sql("SELECT count(*) FROM marketplace.deal WHERE status = 'IN_PROGRESS'"));
    if (open < sweepDeals) {
      say("sweep: " + open + " open deals; adding " + (sweepDeals - open));
      paymentRun("sweep-prep", sweepDeals - open);
    }
    String overdue =
        sql("UPDATE marketplace.deal SET due_at = now() - interval '1 second' WHERE status = 'IN_PROGRESS' RETURNING 1")
                .split("\n")
                .length
            + "";
    double t0 = Double.parseDouble(sql("SELECT extract(epoch FROM now())"));
    say("sweep: " + overdue + " deals overdue; starting refund-sweep");
    Reply job = driver.post("/api/v1/admin/jobs/refund-sweep", "admin", ADMIN_PASSWORD, "{}", null);
    if (job.status() != 202 && job.status() != 409) {
      Reply.expect(job, 202);
    }
    awaitSql(
        "SELECT count(*) FROM marketplace.deal WHERE status = 'IN_PROGRESS' OR payout = 'REVERSE_DUE'",
        "0",
        Duration.ofMinutes(30));
    String[] f =
        sql("SELECT count(*), extract(epoch FROM max(closed_at)) FROM bank.operation WHERE status = 'REVERSED'")
            .split("\\|");
    double seconds = Double.parseDouble(f[1]) - t0;
    String refunded = sql("SELECT count(*) FROM marketplace.payment WHERE status = 'REFUNDED'");
    say(
        String.format(
            Locale.ROOT,
            "  %s deals expired, %s operations REVERSED, %s payments REFUNDED in %.1f s",
            overdue,
            f[0],
            refunded,
            seconds));
    put(
        "refund sweep",
        "s",
        List.of(seconds),
        "≤ 60",
        seconds <= 60,
        overdue + " overdue deals, one run (each needs its own 10 000 deals)");
  }

  // ---------------------------------------------------------------- 6. memory

  void memory() throws Exception {
    String status = Files.readString(Path.of("/proc/" + javaPid + "/status"));
    Matcher m = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
    m.find();
    double mib = Long.parseLong(m.group(1)) / 1024.0;
    put(
        "resident memory",
        "MiB",
        List.of(mib),
        "≤ 1536",
        mib <= 1536,
        "the server's RSS at the end");
  }

  // ---------------------------------------------------------------- report

  void report(Duration took) throws Exception {
    StringBuilder md = new StringBuilder();
    md.append("| figure | median | unit | runs | target | met | what |\n");
    md.append("| --- | ---: | --- | --- | --- | --- | --- |\n");
    StringBuilder json =
        new StringBuilder("{\n  \"cores\": ")
            .append(Runtime.getRuntime().availableProcessors())
            .append(",\n  \"runs\": ")
            .append(runs)
            .append(",\n  \"seconds\": ")
            .append(took.toSeconds())
            .append(",\n  \"results\": [\n");
    int i = 0;
    for (Result r : results.values()) {
      String runsText =
          r.runs.size() > 1
              ? r.runs.stream().map(Bench::format).reduce((a, b) -> a + ", " + b).orElse("")
              : "";
      md.append("| ")
          .append(r.name)
          .append(" | ")
          .append(format(r.value))
          .append(" | ")
          .append(r.unit)
          .append(" | ")
          .append(runsText)
          .append(" | ")
          .append(r.target)
          .append(" | ")
          .append(r.target.isEmpty() ? "" : r.met ? "yes" : "no")
          .append(" | ")
          .append(r.note)
          .append(" |\n");
      json.append(i++ == 0 ? "" : ",\n")
          .append("    {\"name\": \"")
          .append(r.name)
          .append("\", \"unit\": \"")
          .append(r.unit)
          .append("\", \"median\": ")
          .append(format(r.value))
          .append(", \"runs\": ")
          .append(r.runs.stream().map(Bench::format).toList())
          .append(", \"target\": \"")
          .append(r.target)
          .append("\", \"met\": ")
          .append(r.target.isEmpty() ? "null" : r.met)
          .append(", \"what\": \"")
          .append(r.note.replace("\"", "'"))
          .append("\"}");
    }
    json.append("\n  ]\n}\n");
    Files.createDirectories(out);
    Files.writeString(
        out.resolve("bench.md"),
        "# Benchmark (" + Instant.now() + ", " + took.toSeconds() + " s)\n\n" + md);
    Files.writeString(out.resolve("bench.json"), json);
    chart();
    System.out.println();
    System.out.print(md);
    say(
        "written: "
            + out.resolve("bench.md")
            + ", bench.json, bench.png; the whole run took "
            + took.toSeconds()
            + " s");
  }

  static String format(double v) {
    if (v < 1) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** One bar per figure with a target: the share of the target reached (100 % = met). */
  void chart() throws IOException {
    List<Result> targeted =
        results.values().stream()
            .filter(
                r -> !r.target.isEmpty() && !r.target.startsWith("(") && !r.target.contains("×"))
            .toList();
    int w = 900, row = 44, h = 90 + row * targeted.size();
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.DARK_GRAY);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(
        "Benchmark: each figure against its target (bar to the line = target met)", 20, 30);
    int left = 260, barMax = 520;
    int targetX = left + barMax * 2 / 3;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    int y = 60;
    for (Result r : targeted) {
      double share = share(r);
      int len = (int) Math.min(barMax, share * (barMax * 2 / 3.0));
      g.setColor(Color.DARK_GRAY);
      g.drawString(r.name, 20, y + 20);
      g.setColor(r.met ? new Color(60, 150, 80) : new Color(200, 80, 60));
      g.fillRect(left, y + 6, Math.max(2, len), 22);
      g.setColor(Color.DARK_GRAY);
      g.drawString(
          format(r.value) + " " + r.unit + " (" + r.target + ")",
          left + Math.max(2, len) + 8,
          y + 22);
      y += row;
    }
    g.setColor(Color.GRAY);
    g.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {5, 5}, 0));
    g.drawLine(targetX, 45, targetX, h - 20);
    g.drawString("target", targetX - 18, h - 6);
    g.dispose();
    ImageIO.write(img, "png", out.resolve("bench.png").toFile());
  }

  /** How far towards its target a figure is (1 = exactly the target), for "≥" and "≤" targets. */
  static double share(Result r) {
    Matcher m = Pattern.compile("([≥≤])\\s*([0-9.]+)").matcher(r.target);
    if (!m.find()) {
      return r.met ? 1 : 0.5;
    }
    double target = Double.parseDouble(m.group(2));
    if (r.name.equals("bank transfers")) {
      return r.met ? 1 : 0.5;
    }
    return m.group(1).equals("≥") ? r.value / target : target / Math.max(r.value, 1e-9);
  }

  void put(String name, String unit, List<Double> runs, String target, boolean met, String note) {
    results.put(name, new Result(name, unit, median(runs), runs, target, met, note));
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  // ---------------------------------------------------------------- helpers

  interface Task {
    void run(int i) throws Exception;
  }

  /** Runs count tasks on threads threads; the first failure stops the benchmark. */
  void parallel(int count, int threads, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      work.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  task.run(i);
                }
                return null;
              }));
    }
    try {
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  void awaitSql(String query, String expected, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    String last = "";
    while (!(last = sql(query)).equals(expected)) {
      check(deadline, "waited " + timeout + " for " + query + " = " + expected + ", last " + last);
      Thread.sleep(200);
    }
  }

  String sql(String query) {
    return sqlOn(database, query);
  }

  String sqlOn(String db, String query) {
    return Driver.psql(db, query);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static synchronized void say(String line) {
    System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + line);
    System.out.flush();
  }
}
