import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under test and its database: the shared {@link Server} started with the benchmark's
 * passwords, API key, demo seed and SMTP sink, its console log, its resident memory, and the SQL
 * the parts read the server's own timestamps with.
 */
final class BenchServer {

  private final Settings settings;
  private final Driver driver;
  private String database;
  private Path log;
  private volatile long javaPid = -1;

  BenchServer(Settings settings, Driver driver) {
    this.settings = settings;
    this.driver = driver;
  }

  /** A new database of that name for the next start, and no data left from the last. */
  void freshDatabase(String database) throws IOException {
    this.database = database;
    sqlOn("postgres", "CREATE DATABASE " + database);
    deleteTree(settings.serverHome.resolve("standalone/data"));
  }

  /** Starts the server on the fresh database, its console to log, and waits until it answers. */
  void start(Path log) throws Exception {
    this.log = log;
    javaPid =
        new Server(settings.serverHome, settings.offset)
            .start(
                Map.of(
                    "POSTGRESQL_DATABASE",
                    database,
                    "MARKETPLACE_ADMIN_PASSWORD",
                    Bench.ADMIN_PASSWORD,
                    "BANK_OPERATOR_PASSWORD",
                    Bench.OPERATOR_PASSWORD,
                    "BANK_API_KEY",
                    Bench.API_KEY,
                    "MARKETPLACE_BANK_API_KEY",
                    Bench.API_KEY,
                    "DEMO_MODE",
                    "true",
                    "BANK_DEMO_ACCOUNTS_PER_CUSTOMER",
                    "100",
                    "SMTP_HOST",
                    "127.0.0.1",
                    "SMTP_PORT",
                    Integer.toString(settings.smtpPort)),
                log,
                this::ready);
  }

  private boolean ready() {
    try {
      return driver.get("/api/v1/me", "admin", Bench.ADMIN_PASSWORD).status() == 200
          && driver
                  .get("/bank/api/v1/backoffice/audit", "operator", Bench.OPERATOR_PASSWORD)
                  .status()
              == 200;
    } catch (IOException e) {
      return false;
    }
  }

  void stop() {
    long pid = javaPid;
    javaPid = -1;
    Server.stop(pid);
  }

  String database() {
    return database;
  }

  /** The first line of the console log with that marker, once the server has written it. */
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

  /** The server's resident set (VmRSS), in MiB. */
  double residentMib() throws IOException {
    String status = Files.readString(Path.of("/proc/" + javaPid + "/status"));
    Matcher m = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
    m.find();
    return Long.parseLong(m.group(1)) / 1024.0;
  }

  /** One statement on the server's database (psql's unaligned output). */
  String sql(String query) {
    return sqlOn(database, query);
  }

  String sqlOn(String db, String query) {
    return Driver.psql(db, query);
  }

  /** Waits until the query answers expected. */
  void awaitSql(String query, String expected, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    String last = "";
    while (!(last = sql(query)).equals(expected)) {
      check(deadline, "waited " + timeout + " for " + query + " = " + expected + ", last " + last);
      Thread.sleep(200);
    }
  }

  private static void check(Instant deadline, String message) {
    if (Instant.now().isAfter(deadline)) {
      throw new IllegalStateException(message);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
