import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk against one path of the server: its requests/s and latency percentiles from --latency. */
final class Wrk {

  /** What one wrk run measured. */
  record Figures(double requestsPerSecond, double p50Millis, double p99Millis) {}

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern P50 = Pattern.compile("50%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern P99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)");

  private final String base;
  private final int connections;

  Wrk(String base, int connections) {
    this.base = base;
    this.connections = connections;
  }

  /** wrk on 2 threads for that long, signed in with that Authorization header. */
  Figures run(String path, String authorization, int seconds) throws Exception {
    Process p =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "-H",
                "Authorization: " + authorization,
                "-H",
                "Accept: application/json",
                base + path)
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return parse(output);
  }

  /** wrk's report; any answer other than 2xx stops the benchmark. */
  static Figures parse(String output) {
    if (output.contains("Non-2xx")) {
      throw new IllegalStateException("wrk got errors: " + output);
    }
    Matcher rps = RPS.matcher(output);
    Matcher p50 = P50.matcher(output);
    Matcher p99 = P99.matcher(output);
    if (!rps.find() || !p50.find() || !p99.find()) {
      throw new IllegalStateException("unexpected wrk output: " + output);
    }
    return new Figures(Double.parseDouble(rps.group(1)), millis(p50), millis(p99));
  }

  private static double millis(Matcher m) {
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }
}
