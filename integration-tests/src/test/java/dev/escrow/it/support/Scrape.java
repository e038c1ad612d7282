package dev.escrow.it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/** One scrape of the server's Prometheus endpoint (management interface, {@code /metrics}). */
public record Scrape(String text) {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static Scrape now() {
    try {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(Api.managementUrl() + "/metrics"))
                  .header("Accept", "text/plain")
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new AssertionError("/metrics answered " + answer.statusCode() + ": " + answer.body());
      }
      return new Scrape(answer.body());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException("/metrics cannot be read", e);
    }
  }

  /**
   * The sum of the samples named {@code name} whose labels include every {@code label="value"}
   * given; 0 when there is none (a counter not yet incremented is not exported).
   */
  public double value(String name, String... labels) {
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String sample = brace >= 0 ? line.substring(0, brace) : line.substring(0, space);
      String labelText = brace >= 0 ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
      if (sample.equals(name) && Arrays.stream(labels).allMatch(labelText::contains)) {
        sum += Double.parseDouble(line.substring(space + 1));
      }
    }
    return sum;
  }

  public boolean has(String name) {
    return text.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "));
  }

  /** The lines about these meters, for a report. */
  public String linesOf(String... prefixes) {
    StringBuilder out = new StringBuilder();
    text.lines()
        .filter(l -> !l.startsWith("#") && Arrays.stream(prefixes).anyMatch(l::startsWith))
        .forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }
}
