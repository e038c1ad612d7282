import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash test's driver (compiled and run by {@code reliability/crash-test.sh} with the shared
 * {@code tools/driver}: no build, no dependencies). It starts the prepared server on PostgreSQL or
 * on its embedded H2 databases ({@code DB_KIND}), sets up clients, accounts and offers through the
 * public APIs, drives payments from many concurrent clients, kills the server with SIGKILL at
 * random moments and restarts it, waits until nothing is in flight, and then checks the money: the
 * bank's audit, final states, no double ledger movements, deals against payments, the bank's
 * operations against the deals, every bound account to the kopeck. Exits 1 when any discrepancy is
 * found.
 */
public class CrashTest {

  static final String BANK_A = "044525042";
  static final String BANK_B = "044030117";
  static final String ADMIN_PASSWORD = "crash-admin-password";
  static final String OPERATOR_PASSWORD = "crash-operator-password";

  final Path server;
  final String database;
  final int offset;
  final String base;
  final int payments;
  final int kills;
  final int clients;
  final Path log;
  final String dbKind;
  final H2Files h2;
  final Driver driver;
  final BackOffice backOffice;
  final Marketplace marketplace;
  final Outbox outbox;
  final Random random = new Random(Long.getLong("seed", System.nanoTime()));

  volatile boolean up;
  volatile long javaPid = -1;
  final Object serverLock = new Object();
  final AtomicInteger started = new AtomicInteger();
  final AtomicInteger confirmed = new AtomicInteger();
  final AtomicInteger killed = new AtomicInteger();
  final AtomicInteger clientErrors = new AtomicInteger();
  final AtomicInteger lostConfirmations = new AtomicInteger();
  final AtomicInteger deals = new AtomicInteger();
  final Set<String> accepted = ConcurrentHashMap.newKeySet();
  final List<String> sellers = Collections.synchronizedList(new ArrayList<>());
  final Map<String, String> sellerPasswords = new ConcurrentHashMap<>();

  CrashTest() {
    server = Path.of(env("SERVER_DIR", "reliability/target/server"));
    database = env("POSTGRESQL_DATABASE", "escrow_rel");
    offset = Integer.parseInt(env("PORT_OFFSET", "400"));
    // The cluster test (ClusterCrashTest) drives the balancer instead of one server.
    base = env("BASE_URL", "http://127.0.0.1:" + (8080 + offset));
    driver = new Driver(base, Duration.ofSeconds(30));
    backOffice = new BackOffice(driver, OPERATOR_PASSWORD);
    marketplace = new Marketplace(driver, ADMIN_PASSWORD);
    outbox = new Outbox(driver, 200);
    payments = Integer.parseInt(env("PAYMENTS", "300"));
    kills = Integer.parseInt(env("KILLS", "3"));
    clients = Integer.parseInt(env("CLIENTS", "12"));
    log = server.resolve("standalone/log/crash-console.log");
    dbKind = env("DB_KIND", "postgresql");
    h2 =
        "h2".equals(dbKind)
            ? new H2Files(
                server.resolve("standalone/data"), Path.of("reliability/target/h2-copies"))
            : null;
  }

  static String env(String name, String fallback) {
    return Driver.env(name, fallback);
  }

  public static void main(String[] args) throws Exception {
    CrashTest test = new CrashTest();
    Runtime.getRuntime().addShutdownHook(new Thread(test::stopServer));
    int discrepancies;
    try {
      discrepancies = test.run();
    } finally {
      test.stopServer();
    }
    System.exit(discrepancies == 0 ? 0 : 1);
  }

  int run() throws Exception {
    Instant begin = Instant.now();
    say(
        "crash test: "
            + payments
            + " payments, "
            + clients
            + " concurrent clients, "
            + kills
            + " kills, database "
            + (h2 == null ? database : "embedded H2 in " + server.resolve("standalone/data")));
    startServer();
    setUp();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      int n = i;
      work.add(pool.submit(() -> buyerLoop(n)));
    }
    Thread killer = new Thread(this::killerLoop, "killer");
    killer.start();
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    killer.join();
    while (killed.get() < kills) {
      // The load was quicker than the kills: kill while the background work is in flight.
      killAndRestart();
    }
    say(
        "load done: "
            + started.get()
            + " payments started, "
            + accepted.size()
            + " confirmed (accepted), "
            + deals.get()
            + " deals, "
            + killed.get()
            + " kills, "
            + clientErrors.get()
            + " requests cut by a crash, "
            + lostConfirmations.get()
            + " codes used by a confirmation the crash rolled back");
    if (Boolean.parseBoolean(env("KILL_IN_FLIGHT", "true"))) {
      // One more kill while the background work (submissions, outcomes, payouts) is in flight.
      say("in flight before the extra kill: " + busy());
      killAndRestart();
    }
    awaitQuiet();
    int found = check();
    say(summary(found, Duration.between(begin, Instant.now())));
    return found;
  }

  /** The last line the test prints. */
  String summary(int found, Duration took) {
    return "SUMMARY db="
        + dbKind
        + " payments="
        + accepted.size()
        + " started="
        + started.get()
        + " deals="
        + deals.get()
        + " kills="
        + killed.get()
        + " discrepancies="
        + found
        + " seconds="
        + took.toSeconds();
  }

  // ---------------------------------------------------------------- server

  void startServer() throws Exception {
    synchronized (serverLock) {
      javaPid =
          new Server(server, offset)
              .start(
                  Map.ofEntries(
                      Map.entry("DB_KIND", dbKind),
                      Map.entry("POSTGRESQL_DATABASE", database),
                      Map.entry("MARKETPLACE_ADMIN_PASSWORD", ADMIN_PASSWORD),
                      Map.entry("BANK_OPERATOR_PASSWORD", OPERATOR_PASSWORD),
                      Map.entry("BANK_API_KEY", "crash-test-bank-api-key"),
                      Map.entry("MARKETPLACE_BANK_API_KEY", "crash-test-bank-api-key"),
                      Map.entry("DEMO_MODE", "true"),
                      Map.entry("BANK_DEMO_ACCOUNTS_PER_CUSTOMER", "1"),
                      Map.entry("SMTP_HOST", "127.0.0.1"),
                      // nobody listens: demo mode keeps the codes in the outbox
                      Map.entry("SMTP_PORT", "1")),
                  log,
                  this::ready);
      up = true;
      serverLock.notifyAll();
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

  void kill() throws Exception {
    synchronized (serverLock) {
      up = false;
      long pid = javaPid;
      new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
      ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
      killed.incrementAndGet();
    }
  }

  void killAndRestart() {
    try {
      say(
          "kill -9 #"
              + (killed.get() + 1)
              + " of the server (pid "
              + javaPid
              + ") after "
              + confirmed.get()
              + " confirmations");
      Instant t = Instant.now();
      kill();
      say("  at the kill: " + sql(WINDOWS));
      // Read from the files as the kill left them (on H2 through its recovery, on a copy): a
      // disagreement here was made by the crash, not by what ran after the restart.
      say("  accounts that disagree with their ledger: " + sql(LEDGER_VS_ACCOUNTS_DETAIL));
      startServer();
      say("  restarted in " + Duration.between(t, Instant.now()).toSeconds() + " s");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  void stopServer() {
    Server.stop(javaPid);
  }

  void awaitUp() {
    synchronized (serverLock) {
      while (!up) {
        try {
          serverLock.wait(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  void killerLoop() {
    for (int k = 1; k <= kills; k++) {
      // The k-th kill at a random point around k/(kills+1) of the confirmations.
      double share = (k - 0.5 + random.nextDouble()) / (kills + 1);
      int at = (int) (payments * share);
      while (confirmed.get() < at && started.get() < payments) {
        Driver.sleep(100);
      }
      if (started.get() >= payments && confirmed.get() < at) {
        return; // the rest happens after the load, while the queues are busy
      }
      Driver.sleep(random.nextInt(1500));
      killAndRestart();
    }
  }

  // ---------------------------------------------------------------- set-up and load

  void setUp() throws Exception {
    put(
        "/bank/api/v1/backoffice/settings",
        "operator",
        OPERATOR_PASSWORD,
        "{\"processingDelaySeconds\":1}",
        200);
    String bankA = marketplace.bank(BANK_A);
    marketplace.bank(BANK_B);
    Reply settings = driver.get("/api/v1/admin/settings", "admin", ADMIN_PASSWORD);
    if (!settings.body().contains("\"number\"")) {
      String customer =
          backOffice.customer("Marketplace", "finance-" + UUID.randomUUID() + "@market.example");
      String number = backOffice.account(customer, BANK_A);
      put(
          "/api/v1/admin/settings/settlement-account",
          "admin",
          ADMIN_PASSWORD,
          "{\"number\":\"" + number + "\",\"bankId\":\"" + bankA + "\"}",
          200);
    }
    Reply job = driver.post("/api/v1/admin/jobs/fee-refresh", "admin", ADMIN_PASSWORD, "{}", null);
    Reply.expect(job, 202);
    String execution = Reply.field(job.body(), "executionId");
    for (int i = 0; i < 120; i++) {
      String status =
          Reply.field(
              driver.get("/api/v1/admin/jobs/" + execution, "admin", ADMIN_PASSWORD).body(),
              "status");
      if ("COMPLETED".equals(status)) {
        break;
      }
      Driver.sleep(500);
    }
    int sellerCount = Math.max(2, clients / 2);
    for (int i = 0; i < sellerCount; i++) {
      String[] seller = client(i % 2 == 0 ? BANK_A : BANK_B, null);
      sellers.add(seller[0]);
      sellerPasswords.put(seller[0], seller[1]);
    }
    say("set up: 2 banks, " + sellerCount + " sellers, fee cache refreshed");
  }

  /** login, password, email, account number, account id */
  String[] client(String bank, String deposit) throws IOException {
    String login = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String email = login + "@crash.example";
    String customer = backOffice.customer("Client " + login, email);
    String number = backOffice.account(customer, bank);
    if (deposit != null) {
      backOffice.deposit(number, deposit);
    }
    String password = "pw-" + login;
    String accountId = marketplace.client(login, password, number, marketplace.bank(bank));
    return new String[] {login, password, email, number, accountId};
  }

  /** One buyer: buys offers and pays them in parts until the run has its payments. */
  void buyerLoop(int n) {
    try {
      String[] buyer = retrying(() -> client(n % 3 == 0 ? BANK_B : BANK_A, "10000000.00"));
      while (started.get() < payments) {
        oneDeal(buyer);
      }
    } catch (Exception e) {
      say("buyer " + n + " stopped: " + e);
      e.printStackTrace();
    }
  }

  void oneDeal(String[] buyer) throws Exception {
    String seller = sellers.get(random.nextInt(sellers.size()));
    String password = sellerPasswords.get(seller);
    boolean shortWindow = random.nextInt(100) < 15;
    BigDecimal price = BigDecimal.valueOf(100_00 + random.nextInt(5000_00), 2);
    String commission = BigDecimal.valueOf(random.nextInt(1000), 2).toPlainString();
    String offer =
        retrying(
            () -> {
              Reply created =
                  driver.post(
                      "/api/v1/me/offers",
                      seller,
                      password,
                      "{\"title\":\"Crash offer\",\"description\":\"x\",\"price\":\""
                          + price
                          + "\",\"paymentWindow\":\""
                          + (shortWindow ? "PT1M" : "PT1H")
                          + "\"}",
                      null);
              Reply.expect(created, 201);
              return Reply.field(created.body(), "id");
            });
    retrying(
        () -> {
          Reply approved =
              driver.post(
                  "/api/v1/admin/offers/" + offer + "/approve",
                  "admin",
                  ADMIN_PASSWORD,
                  "{\"commissionPercent\":\"" + commission + "\"}",
                  null);
          if (approved.status() != 409) {
            Reply.expect(approved, 200);
          }
          return null;
        });
    String deal =
        retrying(
            () -> {
              Reply bought =
                  driver.post("/api/v1/offers/" + offer + "/buy", buyer[0], buyer[1], "", null);
              if (bought.status() == 409) {
                // A crash cut the answer of a buy that happened: find the deal.
                Reply mine = driver.get("/api/v1/me/deals", buyer[0], buyer[1]);
                Matcher m =
                    Pattern.compile(
                            "\"id\"\\s*:\\s*\"(\\d+)\"\\s*,\\s*\"offerId\"\\s*:\\s*\""
                                + offer
                                + "\"")
                        .matcher(mine.body());
                if (m.find()) {
                  return m.group(1);
                }
              }
              Reply.expect(bought, 201);
              return Reply.field(bought.body(), "id");
            });
    deals.incrementAndGet();
    int parts = shortWindow ? 1 : 1 + random.nextInt(3);
    BigDecimal remaining = price;
    for (int part = 1; part <= parts && started.get() < payments; part++) {
      BigDecimal amount =
          part == parts && !shortWindow
              ? remaining
              : remaining
                  .multiply(BigDecimal.valueOf(20 + random.nextInt(50)))
                  .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN);
      if (amount.signum() <= 0) {
        break;
      }
      if (pay(buyer, deal, amount)) {
        remaining = remaining.subtract(amount);
      }
    }
  }

  /** Starts and confirms one payment; true when the marketplace accepted the code. */
  boolean pay(String[] buyer, String deal, BigDecimal amount) throws Exception {
    String key = UUID.randomUUID().toString();
    String body = "{\"accountId\":\"" + buyer[4] + "\",\"amount\":\"" + amount + "\"}";
    started.incrementAndGet();
    Reply start =
        retrying(
            () -> {
              Reply r =
                  driver.post("/api/v1/deals/" + deal + "/payments", buyer[0], buyer[1], body, key);
              if (r.status() == 503) {
                throw new IOException("503");
              }
              return r;
            });
    if (start.status() != 201) {
      return false; // e.g. 400 above what remains while earlier parts are being processed
    }
    String payment = Reply.field(start.body(), "id");
    String code = retrying(() -> outbox.code(buyer[2], "payment-" + payment));
    for (int attempt = 0; attempt < 20; attempt++) {
      awaitUp();
      try {
        Reply confirmation =
            driver.post(
                "/api/v1/payments/" + payment + "/confirmation",
                buyer[0],
                buyer[1],
                "{\"code\":\"" + code + "\"}",
                null);
        if (confirmation.status() == 202) {
          accept(payment);
          return true;
        }
        if (confirmation.status() == 503) {
          Driver.sleep(1000);
          continue;
        }
        // 409: already confirmed (an answer lost in a crash) or the code was used by a
        // confirmation whose marketplace transaction the crash rolled back.
        String status =
            Reply.field(
                driver.get("/api/v1/payments/" + payment, buyer[0], buyer[1]).body(), "status");
        if (!"AWAITING_CONFIRMATION".equals(status) && !"FAILED".equals(status)) {
          accept(payment);
          return true;
        }
        if ("AWAITING_CONFIRMATION".equals(status)) {
          lostConfirmations.incrementAndGet();
        }
        return false;
      } catch (IOException cut) {
        clientErrors.incrementAndGet();
        awaitUp();
      }
    }
    return false;
  }

  void accept(String payment) {
    accepted.add(payment);
    confirmed.incrementAndGet();
  }

  interface Step<T> {
    T run() throws IOException;
  }

  /** Repeats a step cut by a crash (or refused while the server restarts) until it answers. */
  <T> T retrying(Step<T> step) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < 60; attempt++) {
      awaitUp();
      try {
        return step.run();
      } catch (IOException e) {
        last = e;
        clientErrors.incrementAndGet();
        Driver.sleep(500);
      }
    }
    throw last;
  }

  // ---------------------------------------------------------------- settle and check

  void awaitQuiet() {
    Instant deadline = Instant.now().plusSeconds(Long.parseLong(env("QUIET_TIMEOUT", "600")));
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      String now = busy();
      if (!now.equals(last)) {
        say("waiting for the background work: " + now);
        last = now;
      }
      if (now.equals("0 processing, 0 payouts due, 0 overdue open deals")) {
        return;
      }
      Driver.sleep(2000);
    }
    say("the background work did not finish in time: " + last);
  }

  /** The crash windows a kill hit, read from the database while the server is dead. */
  static final String WINDOWS =
      "SELECT (SELECT count(*) FROM marketplace.payment WHERE status = 'PROCESSING') || ' payments processing, '"
          + " || (SELECT count(*) FROM bank.transfer t JOIN marketplace.payment p ON t.idempotency_key = 'payment-' || p.id"
          + "     WHERE p.bank_transfer_id IS NULL) || ' transfers accepted by the bank whose id the marketplace had not stored, '"
          + " || (SELECT count(*) FROM bank.transfer WHERE status = 'ACCEPTED') || ' transfers not yet carried out, '"
          + " || (SELECT count(*) FROM marketplace.deal WHERE payout IN ('SETTLE_DUE','REVERSE_DUE')) || ' payouts due'";

  /** Accounts whose balance or held is not the sum of their ledger rows (FROM and WHERE). */
  static final String LEDGER_VS_ACCOUNTS =
      " FROM bank.account a LEFT JOIN (SELECT account_id,"
          + " sum(CASE WHEN bucket='BALANCE' AND direction='CREDIT' THEN amount WHEN bucket='BALANCE' THEN -amount ELSE 0 END) bal,"
          + " sum(CASE WHEN bucket='HELD' AND direction='CREDIT' THEN amount WHEN bucket='HELD' THEN -amount ELSE 0 END) held"
          + " FROM bank.ledger_entry WHERE account_id IS NOT NULL GROUP BY account_id) l ON l.account_id = a.id"
          + " WHERE a.balance <> coalesce(l.bal, 0) OR a.held <> coalesce(l.held, 0)";

  /** What a disagreeing account looks like, to tell a torn commit from a lost update. */
  static final String LEDGER_VS_ACCOUNTS_DETAIL =
      "SELECT coalesce(string_agg(a.number || ' balance ' || a.balance || ' (ledger ' || coalesce(l.bal, 0)"
          + " || ') held ' || a.held || ' (ledger ' || coalesce(l.held, 0) || ')', '; '), 'none')"
          + LEDGER_VS_ACCOUNTS;

  static final String BUSY =
      "SELECT (SELECT count(*) FROM marketplace.payment WHERE status = 'PROCESSING') || ' processing, '"
          + " || (SELECT count(*) FROM marketplace.deal WHERE payout IN ('SETTLE_DUE','REVERSE_DUE')) || ' payouts due, '"
          + " || (SELECT count(*) FROM marketplace.deal WHERE status IN ('AWAITING_PAYMENT','IN_PROGRESS') AND due_at < now()) || ' overdue open deals'";

  int check() throws IOException {
    Map<String, String> checks = new LinkedHashMap<>();
    Reply audit = driver.get("/bank/api/v1/backoffice/audit", "operator", OPERATOR_PASSWORD);
    say("bank audit: " + audit.body());
    int found = audit.body().replace(" ", "").contains("\"consistent\":true") ? 0 : 1;
    report("bank audit equation deposits = balances + held + fees", found);
    if (h2 != null) {
      // H2's files open in one process at a time: the rest is read with the server stopped.
      stopServer();
      up = false;
    }

    String ids = accepted.isEmpty() ? "-1" : String.join(",", accepted);
    checks.put(
        "accepted payments not in exactly one final state",
        "SELECT count(*) FROM marketplace.payment WHERE id IN ("
            + ids
            + ") AND status NOT IN ('SUCCEEDED','FAILED','REFUNDED')");
    checks.put(
        "accepted payments the marketplace does not know",
        "SELECT "
            + accepted.size()
            + " - count(*) FROM marketplace.payment WHERE id IN ("
            + ids
            + ")");
    checks.put(
        "payments still PROCESSING or payouts still due",
        "SELECT (SELECT count(*) FROM marketplace.payment WHERE status = 'PROCESSING')"
            + " + (SELECT count(*) FROM marketplace.deal WHERE payout IN ('SETTLE_DUE','REVERSE_DUE'))");
    checks.put(
        "ledger movements recorded twice (same transfer/operation, kind, bucket, side, account)",
        "SELECT count(*) FROM (SELECT 1 FROM bank.ledger_entry WHERE kind <> 'DEPOSIT'"
            + " GROUP BY kind, bucket, direction, account_id, bank_id, transfer_id, operation_id, reverses_entry_id"
            + " HAVING count(*) > 1) d");
    checks.put(
        "ledger rows that disagree with their account's balance or held",
        "SELECT count(*)" + LEDGER_VS_ACCOUNTS);
    checks.put(
        "bank transfers of one payment more than one",
        "SELECT count(*) FROM (SELECT idempotency_key FROM bank.transfer GROUP BY api_client_id, idempotency_key HAVING count(*) > 1) d");
    checks.put(
        "payments whose bank transfer disagrees (SUCCEEDED=COMPLETED, REFUNDED=REVERSED, FAILED=none/FAILED)",
        "SELECT count(*) FROM marketplace.payment p LEFT JOIN bank.transfer t ON t.idempotency_key = 'payment-' || p.id"
            + " WHERE p.status IN ('SUCCEEDED','FAILED','REFUNDED') AND NOT ("
            + " (p.status = 'SUCCEEDED' AND t.status = 'COMPLETED' AND t.amount = p.amount AND t.fee = p.fee)"
            + " OR (p.status = 'REFUNDED' AND t.status = 'REVERSED' AND t.amount = p.amount)"
            + " OR (p.status = 'FAILED' AND (t.id IS NULL OR t.status = 'FAILED')))");
    checks.put(
        "bank transfers that moved money for no succeeded/refunded payment",
        "SELECT count(*) FROM bank.transfer t LEFT JOIN marketplace.payment p ON t.idempotency_key = 'payment-' || p.id"
            + " WHERE t.status IN ('COMPLETED','REVERSED') AND (p.id IS NULL OR p.status NOT IN ('SUCCEEDED','REFUNDED'))");
    checks.put(
        "deals whose paid amount is not the sum of their carried-out payments",
        "SELECT count(*) FROM marketplace.deal d LEFT JOIN (SELECT deal_id,"
            + " sum(amount) FILTER (WHERE status = 'SUCCEEDED') ok, sum(amount) FILTER (WHERE status = 'REFUNDED') back"
            + " FROM marketplace.payment GROUP BY deal_id) p ON p.deal_id = d.id"
            + " WHERE (d.status <> 'EXPIRED' AND (d.paid_amount <> coalesce(p.ok, 0) OR coalesce(p.back, 0) <> 0))"
            + " OR (d.status = 'EXPIRED' AND (d.paid_amount <> coalesce(p.back, 0) OR coalesce(p.ok, 0) <> 0))"
            + " OR (d.status = 'COMPLETED' AND d.paid_amount <> d.price) OR d.paid_amount > d.price");
    checks.put(
        "deals whose bank operation disagrees (open=OPEN, completed=SETTLED with the commission, expired=REVERSED; held amounts)",
        "SELECT count(*) FROM marketplace.deal d LEFT JOIN bank.operation o ON o.group_reference = 'deal-' || d.id"
            + " LEFT JOIN (SELECT operation_id, sum(amount) FILTER (WHERE status = 'COMPLETED') done,"
            + " sum(amount) FILTER (WHERE status = 'REVERSED') back FROM bank.transfer GROUP BY operation_id) t ON t.operation_id = o.id"
            + " WHERE (d.paid_amount > 0 AND (o.id IS NULL OR d.operation_key IS DISTINCT FROM o.operation_key))"
            + " OR (o.id IS NOT NULL AND NOT ("
            + " (d.status IN ('AWAITING_PAYMENT','IN_PROGRESS') AND o.status = 'OPEN' AND coalesce(t.done, 0) = d.paid_amount)"
            + " OR (d.status = 'COMPLETED' AND o.status = 'SETTLED' AND coalesce(t.done, 0) = d.paid_amount"
            + "     AND coalesce(o.commission_amount, 0) = round(d.price * d.commission_percent / 100, 2))"
            + " OR (d.status = 'EXPIRED' AND (o.status = 'REVERSED' OR (o.status = 'OPEN' AND t.done IS NULL))"
            + "     AND coalesce(t.back, 0) = d.paid_amount AND coalesce(t.done, 0) = 0)))");
    checks.put(
        "bound accounts whose balance or held differs to the kopeck from deposits, payments and payouts",
        "WITH acc AS (SELECT DISTINCT number FROM marketplace.client_account"
            + " UNION SELECT settlement_account_number FROM marketplace.marketplace_settings WHERE settlement_account_number IS NOT NULL),"
            + " spent AS (SELECT ca.number, sum(p.total) s FROM marketplace.payment p JOIN marketplace.client_account ca ON ca.id = p.account_id"
            + "   WHERE p.status = 'SUCCEEDED' GROUP BY ca.number),"
            + " sold AS (SELECT ca.number, sum(d.paid_amount - round(d.price * d.commission_percent / 100, 2)) FILTER (WHERE d.status = 'COMPLETED') got,"
            + "   sum(d.paid_amount) FILTER (WHERE d.status IN ('AWAITING_PAYMENT','IN_PROGRESS')) held"
            + "   FROM marketplace.deal d JOIN marketplace.client_account ca ON ca.id = d.seller_account_id GROUP BY ca.number),"
            + " comm AS (SELECT sum(round(price * commission_percent / 100, 2)) c FROM marketplace.deal WHERE status = 'COMPLETED'),"
            + " dep AS (SELECT account_id, sum(amount) d FROM bank.ledger_entry WHERE kind = 'DEPOSIT' GROUP BY account_id)"
            + " SELECT count(*) FROM acc JOIN bank.account a ON a.number = acc.number"
            + " LEFT JOIN dep ON dep.account_id = a.id LEFT JOIN spent ON spent.number = acc.number"
            + " LEFT JOIN sold ON sold.number = acc.number"
            + " WHERE a.balance <> coalesce(dep.d, 0) - coalesce(spent.s, 0) + coalesce(sold.got, 0)"
            + "   + CASE WHEN acc.number = (SELECT settlement_account_number FROM marketplace.marketplace_settings LIMIT 1)"
            + "     THEN (SELECT coalesce(c, 0) FROM comm) ELSE 0 END"
            + " OR a.held <> coalesce(sold.held, 0)");
    for (Map.Entry<String, String> c : checks.entrySet()) {
      int n;
      try {
        n = Integer.parseInt(sql(c.getValue()));
      } catch (RuntimeException e) {
        say("check failed to run: " + c.getKey() + ": " + e.getMessage());
        n = 1;
      }
      report(c.getKey(), n);
      found += n;
    }
    say("accounts that disagree with their ledger: " + sql(LEDGER_VS_ACCOUNTS_DETAIL));
    say(
        "payment states: "
            + sql(
                "SELECT string_agg(status || '=' || n, ', ' ORDER BY status) FROM"
                    + " (SELECT status, count(*) n FROM marketplace.payment GROUP BY status) s"));
    say(
        "deal states: "
            + sql(
                "SELECT string_agg(status || '=' || n, ', ' ORDER BY status) FROM"
                    + " (SELECT status, count(*) n FROM marketplace.deal GROUP BY status) s"));
    say(
        "bank: "
            + sql(
                "SELECT (SELECT count(*) FROM bank.transfer) || ' transfers, '"
                    + " || (SELECT count(*) FROM bank.ledger_entry) || ' ledger rows, '"
                    + " || (SELECT count(*) FROM bank.operation WHERE status = 'SETTLED') || ' operations settled, '"
                    + " || (SELECT count(*) FROM bank.operation WHERE status = 'REVERSED') || ' reversed'"));
    return found;
  }

  void report(String what, int n) {
    say((n == 0 ? "  ok   " : "  FAIL ") + what + ": " + n);
  }

  /** A statement on the database; on H2 only while the server is down (its files are locked). */
  String sql(String query) {
    if (h2 == null) {
      return Driver.psql(database, query);
    }
    if (up) {
      throw new IllegalStateException("H2 is read only while the server is down");
    }
    return h2.query(query);
  }

  /** What is still in flight, as {@link #BUSY} says it: from SQL, or from the admin API on H2. */
  String busy() {
    if (h2 == null) {
      return sql(BUSY);
    }
    try {
      int processing = 0;
      for (String page : adminPages("/api/v1/admin/payments")) {
        processing += count(page, "\"status\"\\s*:\\s*\"PROCESSING\"");
      }
      int payouts = 0;
      int overdue = 0;
      Instant now = Instant.now();
      for (String page : adminPages("/api/v1/admin/deals")) {
        payouts += count(page, "\"payout\"\\s*:\\s*\"(SETTLE_DUE|REVERSE_DUE)\"");
        for (String deal : page.split("\\{\\s*\"deal\"\\s*:")) {
          Matcher due = Pattern.compile("\"dueAt\"\\s*:\\s*\"([^\"]+)\"").matcher(deal);
          Matcher status =
              Pattern.compile("\"status\"\\s*:\\s*\\{\\s*\"code\"\\s*:\\s*\"([A-Z_]+)\"")
                  .matcher(deal);
          if (due.find()
              && status.find()
              && Set.of("AWAITING_PAYMENT", "IN_PROGRESS").contains(status.group(1))
              && Instant.parse(due.group(1)).isBefore(now)) {
            overdue++;
          }
        }
      }
      return processing
          + " processing, "
          + payouts
          + " payouts due, "
          + overdue
          + " overdue open deals";
    } catch (IOException e) {
      return "the server did not answer: " + e.getMessage();
    }
  }

  /** Every page of an admin list (newest first, 500 a page). */
  List<String> adminPages(String path) throws IOException {
    List<String> pages = new ArrayList<>();
    for (int first = 0; ; first += 500) {
      Reply page = driver.get(path + "?first=" + first + "&max=500", "admin", ADMIN_PASSWORD);
      Reply.expect(page, 200);
      pages.add(page.body());
      if (!page.body().contains("\"id\"") || count(page.body(), "\"paidAt\"|\"payout\"") < 500) {
        return pages;
      }
    }
  }

  static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  // ---------------------------------------------------------------- HTTP and JSON

  void put(String path, String user, String password, String body, int expected)
      throws IOException {
    Reply.expect(driver.send("PUT", path, user, password, body, null), expected);
  }

  static synchronized void say(String line) {
    System.out.println("[crash-test " + Instant.now().toString().substring(11, 19) + "] " + line);
    System.out.flush();
  }
}
