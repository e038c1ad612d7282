import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Part 3, the catalogue: wrk on a search's first page, a deep page five before its last, and the
 * server's floor ({@code GET /api/v1/me}: the same sign-in, JAX-RS, EJB, one query, JSON).
 */
final class Catalogue {

  private final Settings settings;
  private final Driver driver;
  private final BenchServer server;
  private final Population population;
  private final Offers offers;
  private final Results results;
  private final Wrk wrk;

  Catalogue(
      Settings settings,
      Driver driver,
      BenchServer server,
      Population population,
      Offers offers,
      Results results) {
    this.settings = settings;
    this.driver = driver;
    this.server = server;
    this.population = population;
    this.offers = offers;
    this.results = results;
    this.wrk = new Wrk(settings.base, settings.catalogueClients);
  }

  void run() throws Exception {
    offers.fill();
    String[] buyer = population.buyers.get(0);
    String auth = Driver.basic(buyer[0], buyer[1]);
    int found =
        Integer.parseInt(
            server.sql(
                "SELECT count(*) FROM marketplace.offer WHERE status = 'ACTIVE' AND lower(title) LIKE '%lamp%'"));
    int deep = Math.max(0, found / 20 - 5);
    // The floor first: each page's p99 is held against it (target: first page ≤ 2 × the floor).
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put("floor: GET /api/v1/me", "/api/v1/me");
    endpoints.put("catalogue first page", "/api/v1/offers?q=lamp");
    endpoints.put("catalogue deep page", "/api/v1/offers?q=lamp&page=" + deep);
    double floorP99 = Double.NaN;
    Bench.say(
        "catalogue: "
            + server.sql("SELECT count(*) FROM marketplace.offer WHERE status = 'ACTIVE'")
            + " ACTIVE offers, 'lamp' finds "
            + found
            + "; wrk "
            + settings.catalogueClients
            + " connections, 2 threads, warm-up 10 s, then "
            + settings.runs
            + " runs of "
            + settings.wrkSeconds
            + " s");
    for (Map.Entry<String, String> e : endpoints.entrySet()) {
      Reply probe = driver.get(e.getValue(), buyer[0], buyer[1]);
      Reply.expect(probe, 200);
      wrk.run(e.getValue(), auth, 10);
      List<Double> rps = new ArrayList<>();
      List<Double> p50 = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      for (int run = 1; run <= settings.runs; run++) {
        Wrk.Figures f = wrk.run(e.getValue(), auth, settings.wrkSeconds);
        rps.add(f.requestsPerSecond());
        p50.add(f.p50Millis());
        p99.add(f.p99Millis());
        Bench.say(
            String.format(
                Locale.ROOT,
                "  %s r%d: %.0f requests/s, p50 %.1f ms, p99 %.1f ms (%d bytes a page)",
                e.getKey(),
                run,
                f.requestsPerSecond(),
                f.p50Millis(),
                f.p99Millis(),
                probe.body().length()));
      }
      boolean floor = e.getKey().startsWith("floor");
      results.put(e.getKey() + " rps", "requests/s", rps, "", true, e.getValue());
      results.put(e.getKey() + " p50", "ms", p50, "", true, e.getValue());
      results.put(e.getKey() + " p99", "ms", p99, "", true, e.getValue());
      if (floor) {
        floorP99 = Results.median(p99);
      } else {
        boolean first = e.getKey().endsWith("first page");
        double ratio = Results.median(p99) / floorP99;
        results.put(
            e.getKey() + " p99 / floor p99",
            "ratio",
            List.of(ratio),
            first ? "≤ 2" : "(nearer 2)",
            !first || ratio <= 2,
            "median p99 against the floor's, " + String.format(Locale.ROOT, "%.1f ms", floorP99));
      }
    }
  }
}
