import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench tpcb-like on the same PostgreSQL server, the physical limit the transfers are measured
 * against: its median tps, and the transfers' and the batches' ratios to it (the headline).
 */
final class PgBench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

  private final Settings settings;
  private final BenchServer server;
  private final Results results;

  PgBench(Settings settings, BenchServer server, Results results) {
    this.settings = settings;
    this.server = server;
    this.results = results;
  }

  void run() throws Exception {
    String db = settings.databasePrefix + "_pgbench";
    int clients = settings.transferClients;
    server.sqlOn("postgres", "CREATE DATABASE " + db);
    int scale = Math.max(clients, 10);
    pgbench("-i", "-q", "-s", Integer.toString(scale), db);
    Bench.say(
        "pgbench tpcb-like: scale "
            + scale
            + ", "
            + clients
            + " clients, warm-up 5 s, then "
            + settings.runs
            + " runs of 20 s");
    tpcbLike(clients, 5, db);
    List<Double> tps = new ArrayList<>();
    for (int run = 1; run <= settings.runs; run++) {
      String output = tpcbLike(clients, 20, db);
      Matcher m = TPS.matcher(output);
      if (!m.find()) {
        throw new IllegalStateException("no tps in " + output);
      }
      tps.add(Double.parseDouble(m.group(1)));
      Bench.say("  r" + run + ": " + m.group(1) + " tps");
    }
    server.sqlOn("postgres", "DROP DATABASE " + db + " WITH (FORCE)");
    results.put(
        "pgbench tpcb-like",
        "tps",
        tps,
        "(the limit)",
        true,
        clients + " clients, scale " + scale + ", same server");
    ratios(Results.median(tps));
  }

  /** The transfers' figures beside pgbench's, when their parts ran. */
  private void ratios(double pgbenchTps) {
    String batchesName = "bank transfers, batches of " + Transfers.BATCH;
    Results.Result batches = results.get(batchesName);
    if (batches != null) {
      results.put(
          new Results.Result(
              "batches / pgbench",
              "ratio",
              batches.value() / pgbenchTps,
              List.of(),
              "(its own line)",
              true,
              "transfers submitted " + Transfers.BATCH + " a request"));
    }
    Results.Result ours = results.get("bank transfers");
    if (ours == null) {
      return;
    }
    double ratio = ours.value() / pgbenchTps;
    results.put(
        new Results.Result(
            ours.name(),
            ours.unit(),
            ours.value(),
            ours.runs(),
            ours.target(),
            ratio >= 0.30,
            ours.note()));
    results.put(
        new Results.Result(
            "transfers / pgbench",
            "ratio",
            ratio,
            List.of(),
            "≥ 0.30",
            ratio >= 0.30,
            "the headline"));
  }

  private String tpcbLike(int clients, int seconds, String db) throws Exception {
    return pgbench(
        "-b",
        "tpcb-like",
        "-c",
        Integer.toString(clients),
        "-j",
        "2",
        "-T",
        Integer.toString(seconds),
        db);
  }

  /** pgbench with these arguments on the configured PostgreSQL server; its output. */
  private static String pgbench(String... arguments) throws Exception {
    List<String> full = new ArrayList<>();
    full.add("pgbench");
    full.addAll(
        List.of(
            "-h",
            Bench.env("POSTGRESQL_HOST", "127.0.0.1"),
            "-p",
            Bench.env("POSTGRESQL_PORT", "5432"),
            "-U",
            Bench.env("POSTGRESQL_USER", "postgres")));
    full.addAll(List.of(arguments));
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", full) + ": " + output);
    }
    return output;
  }
}
