package dev.escrow.it.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's table of the last benchmark run says what the committed report
 * (docs/benchmark/last-run.json) measured: a figure copied by hand cannot drift from it.
 */
class ReadmeFiguresTest {

  private static final Path ROOT = Path.of("..");

  /** The README row (by the start of its first cell) and the report's figures it cites. */
  private static final Map<String, List<String>> ROWS = new LinkedHashMap<>();

  static {
    ROWS.put("bank transfers carried out", List.of("bank transfers"));
    ROWS.put("pgbench", List.of("pgbench tpcb-like"));
    ROWS.put("**transfers / pgbench**", List.of("transfers / pgbench"));
    ROWS.put("marketplace payments end to end", List.of("marketplace payments"));
    ROWS.put(
        "payment latency, confirmation → SUCCEEDED, 8 buyers",
        List.of(
            "payment latency p50, 8 buyers",
            "payment latency p95, 8 buyers",
            "payment latency p99, 8 buyers"));
    ROWS.put(
        "catalogue, first page",
        List.of(
            "catalogue first page rps", "catalogue first page p50", "catalogue first page p99"));
    ROWS.put(
        "catalogue, page",
        List.of("catalogue deep page rps", "catalogue deep page p50", "catalogue deep page p99"));
    ROWS.put(
        "the floor",
        List.of(
            "floor: GET /api/v1/me rps", "floor: GET /api/v1/me p50", "floor: GET /api/v1/me p99"));
    ROWS.put("refund sweep", List.of("refund sweep"));
    ROWS.put("seed", List.of("seed"));
    ROWS.put("server's resident memory", List.of("resident memory"));
  }

  @Test
  void theLastRunTableCitesTheCommittedReport() throws IOException {
    Map<String, JsonObject> report = report();
    List<String> rows = lastRunRows();
    assertFalse(rows.isEmpty(), "README has no table under '### The last run'");
    for (Map.Entry<String, List<String>> row : ROWS.entrySet()) {
      String line =
          rows.stream()
              .filter(r -> r.startsWith("| " + row.getKey()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("README's last-run table has no row " + row));
      List<BigDecimal> written = numbers(line);
      for (String name : row.getValue()) {
        JsonObject figure = report.get(name);
        assertTrue(figure != null, "the report has no figure '" + name + "'");
        BigDecimal median = figure.getJsonNumber("median").bigDecimalValue();
        assertTrue(
            written.stream().anyMatch(w -> sameAsWritten(median, w)),
            "README row '"
                + row.getKey()
                + "' does not cite "
                + name
                + " = "
                + median
                + " of docs/benchmark/last-run.json: "
                + line);
      }
    }
  }

  @Test
  void theDeepPageNamedIsTheOneMeasured() throws IOException {
    String what = report().get("catalogue deep page rps").getString("what");
    Matcher page = Pattern.compile("page=(\\d+)").matcher(what);
    assertTrue(page.find(), what);
    String measured = page.group(1);
    for (String line : lastRunRows()) {
      Matcher named = Pattern.compile("page (\\d+) of").matcher(line);
      if (named.find() && !named.group(1).equals(measured)) {
        fail("README names page " + named.group(1) + "; the run measured page " + measured);
      }
    }
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertTrue(
        readme.contains("page " + measured + " in the last run"),
        "README's description of the catalogue part does not name page " + measured);
  }

  /** A median equals a written figure when rounded to the figure's decimals (34.74 as 34.7). */
  private static boolean sameAsWritten(BigDecimal median, BigDecimal written) {
    return median.setScale(Math.max(written.scale(), 0), RoundingMode.HALF_UP).compareTo(written)
        == 0;
  }

  /**
   * Numbers of a line (not "p50"), with thin-space or space thousands grouping ("4 038", "1 047").
   */
  private static List<BigDecimal> numbers(String line) {
    List<BigDecimal> found = new ArrayList<>();
    Matcher m =
        Pattern.compile(
                "(?<![\\w.])(?:\\d{1,3}(?:[ \u202f\u00a0]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)")
            .matcher(line);
    while (m.find()) {
      found.add(new BigDecimal(m.group().replaceAll("[ \u202f\u00a0]", "")));
    }
    return found;
  }

  private static List<String> lastRunRows() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    List<String> rows = new ArrayList<>();
    boolean in = false;
    for (String line : lines) {
      if (line.startsWith("### The last run")) {
        in = true;
      } else if (in && line.startsWith("#")) {
        break;
      } else if (in && line.startsWith("| ")) {
        rows.add(line);
      }
    }
    return rows;
  }

  private static Map<String, JsonObject> report() throws IOException {
    try (JsonReader reader =
        Json.createReader(Files.newBufferedReader(ROOT.resolve("docs/benchmark/last-run.json")))) {
      Map<String, JsonObject> byName = new LinkedHashMap<>();
      reader
          .readObject()
          .getJsonArray("results")
          .forEach(r -> byName.put(r.asJsonObject().getString("name"), r.asJsonObject()));
      return byName;
    }
  }
}
