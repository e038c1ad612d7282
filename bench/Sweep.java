import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Part 4, the refund sweep. The open deals the payment runs left (each with a SUCCEEDED payment of
 * half its price) are made overdue at once and the refund-sweep job is started; the figure runs
 * from that moment to the bank's last reversal. Deals are added first (same path as the payments)
 * if the runs made fewer than SWEEP_DEALS.
 */
final class Sweep {

  private final Settings settings;
  private final Driver driver;
  private final BenchServer server;
  private final Payments payments;
  private final Results results;

  Sweep(Settings settings, Driver driver, BenchServer server, Payments payments, Results results) {
    this.settings = settings;
    this.driver = driver;
    this.server = server;
    this.payments = payments;
    this.results = results;
  }

  void run() throws Exception {
    int open =
        Integer.parseInt(
            server.sql("SELECT count(*) FROM marketplace.deal WHERE status = 'IN_PROGRESS'"));
    if (open < settings.sweepDeals) {
      Bench.say("sweep: " + open + " open deals; adding " + (settings.sweepDeals - open));
      payments.run("sweep-prep", settings.sweepDeals - open);
    }
    String overdue =
        server
                .sql(
                    "UPDATE marketplace.deal SET due_at = now() - interval '1 second' WHERE status = 'IN_PROGRESS' RETURNING 1")
                .split("\n")
                .length
            + "";
    double t0 = Double.parseDouble(server.sql("SELECT extract(epoch FROM now())"));
    Bench.say("sweep: " + overdue + " deals overdue; starting refund-sweep");
    Reply job =
        driver.post("/api/v1/admin/jobs/refund-sweep", "admin", Bench.ADMIN_PASSWORD, "{}", null);
    if (job.status() != 202 && job.status() != 409) {
      Reply.expect(job, 202);
    }
    server.awaitSql(
        "SELECT count(*) FROM marketplace.deal WHERE status = 'IN_PROGRESS' OR payout = 'REVERSE_DUE'",
        "0",
        Duration.ofMinutes(30));
    String[] f =
        server
            .sql(
                "SELECT count(*), extract(epoch FROM max(closed_at)) FROM bank.operation WHERE status = 'REVERSED'")
            .split("\\|");
    double seconds = Double.parseDouble(f[1]) - t0;
    String refunded =
        server.sql("SELECT count(*) FROM marketplace.payment WHERE status = 'REFUNDED'");
    Bench.say(
        String.format(
            Locale.ROOT,
            "  %s deals expired, %s operations REVERSED, %s payments REFUNDED in %.1f s",
            overdue,
            f[0],
            refunded,
            seconds));
    results.put(
        "refund sweep",
        "s",
        List.of(seconds),
        "≤ 60",
        seconds <= 60,
        overdue + " overdue deals, one run (each needs its own 10 000 deals)");
  }
}
