import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part 5, the seed: the server started on RUNS fresh databases, the demo seed's own log line says
 * how long it took; the last start is the server the other parts measure.
 */
final class Seed {

  private static final Pattern SEED_LINE = Pattern.compile("and (\\d+) accounts .* in (\\d+) ms");

  private final Settings settings;
  private final BenchServer server;
  private final Results results;

  Seed(Settings settings, BenchServer server, Results results) {
    this.settings = settings;
    this.server = server;
    this.results = results;
  }

  void run() throws Exception {
    List<Double> seconds = new ArrayList<>();
    for (int run = 1; run <= settings.runs; run++) {
      if (run > 1) {
        server.stop();
      }
      server.freshDatabase(settings.databasePrefix + "_" + run);
      Path log = settings.serverHome.resolve("standalone/log/bench-console-" + run + ".log");
      Instant t = Instant.now();
      server.start(log);
      String line = server.awaitLog("Demo seed: ", Duration.ofMinutes(5));
      Matcher m = SEED_LINE.matcher(line);
      if (!m.find()) {
        throw new IllegalStateException("unexpected seed line: " + line);
      }
      int accounts = Integer.parseInt(m.group(1));
      double s = Long.parseLong(m.group(2)) / 1000.0;
      seconds.add(s);
      Bench.say(
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
    results.put(
        "seed",
        "s",
        seconds,
        "≤ 20",
        Results.median(seconds) <= 20,
        "100 005 accounts at 10 banks");
  }
}
