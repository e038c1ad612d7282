import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's driver (compiled and run by {@code bench/run.sh} with the shared {@code
 * tools/driver}: no build, no dependencies). Everything goes through the public HTTP APIs, as a
 * client would; the database is only read (to take the server's own timestamps) and, for the
 * catalogue, filled with offers by SQL (100 000 offers through the API would take longer than the
 * rest of the run), and for the sweep, its deals' deadlines are moved into the past (waiting for
 * them would take a day).
 *
 * <p>This class is the run's order: the seed, the set-up, the phases PHASES picks, the memory and
 * the report. Each part has a class of its own ({@link Seed}, {@link Population}, {@link
 * Transfers}, {@link PgBench}, {@link Payments}, {@link Catalogue}, {@link Sweep}, {@link Report}).
 */
public class Bench {

  static final String BANK_A = "044525042";
  static final String BANK_B = "044030117";
  static final String ADMIN_PASSWORD = "bench-admin-password";
  static final String OPERATOR_PASSWORD = "bench-operator-password";
  static final String API_KEY = "bench-bank-api-key-0123456789abcdef";

  final Settings settings = new Settings();
  final Driver driver = new Driver(settings.base, Duration.ofSeconds(60));
  final BenchServer server = new BenchServer(settings, driver);
  final Results results = new Results();

  /** One seed for the run's made-up names, amounts and the order the offers are bought in. */
  final Random random = new Random(20261126);

  public static void main(String[] args) throws Exception {
    Bench bench = new Bench();
    Runtime.getRuntime().addShutdownHook(new Thread(bench.server::stop));
    try (SmtpSink mail = new SmtpSink(bench.settings.smtpPort)) {
      bench.run();
      say("the bank sent " + mail.mails() + " mails");
    } finally {
      bench.server.stop();
    }
  }

  void run() throws Exception {
    Instant begin = Instant.now();
    say(
        "benchmark on "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + settings.runs
            + " runs per figure (median), PostgreSQL "
            + server.sqlOn("postgres", "SHOW server_version"));
    new Seed(settings, server, results).run();
    Population population = new Population(settings, driver, random);
    population.setUp();
    Offers offers = new Offers(settings, server, population, random);
    Payments payments = new Payments(settings, driver, server, population, offers, results);
    Transfers transfers = new Transfers(settings, driver, server, population, results, random);
    if (phase("transfers")) {
      transfers.single();
    }
    if (phase("batch")) {
      transfers.batched();
    }
    if (phase("pgbench")) {
      new PgBench(settings, server, results).run();
    }
    if (phase("payments")) {
      payments.run();
    }
    if (phase("catalogue")) {
      new Catalogue(settings, driver, server, population, offers, results).run();
    }
    if (phase("sweep")) {
      new Sweep(settings, driver, server, payments, results).run();
    }
    memory();
    new Report(settings, results).write(Duration.between(begin, Instant.now()));
    if (Boolean.parseBoolean(env("HOLD", "false"))) {
      say(
          "HOLD: the server stays up (database "
              + server.database()
              + ", "
              + settings.base
              + ") until this is stopped");
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  /**
   * PHASES (comma-separated: transfers, batch, pgbench, payments, catalogue, sweep) picks what
   * runs.
   */
  static boolean phase(String name) {
    String phases = env("PHASES", "all");
    return phases.equals("all") || List.of(phases.split(",")).contains(name);
  }

  // ---------------------------------------------------------------- 6. memory

  void memory() throws Exception {
    double mib = server.residentMib();
    results.put(
        "resident memory",
        "MiB",
        List.of(mib),
        "≤ 1536",
        mib <= 1536,
        "the server's RSS at the end");
  }

  static String env(String name, String fallback) {
    return Driver.env(name, fallback);
  }

  static synchronized void say(String line) {
    System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + line);
    System.out.flush();
  }
}
