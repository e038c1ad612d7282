import java.nio.file.Path;

/** The benchmark's knobs, from the environment run.sh passes on (README, "Benchmark"). */
final class Settings {

  final Path serverHome = Path.of(Bench.env("SERVER_DIR", "bench/target/server"));
  final Path out = Path.of("bench/target/bench");
  final String databasePrefix = Bench.env("DATABASE_PREFIX", "escrow_bench");
  final int offset = Integer.parseInt(Bench.env("PORT_OFFSET", "500"));
  final String base = "http://127.0.0.1:" + (8080 + offset);
  final int smtpPort = Integer.parseInt(Bench.env("SMTP_SINK_PORT", "2626"));
  final int runs = Integer.parseInt(Bench.env("RUNS", "3"));
  final int transfers = Integer.parseInt(Bench.env("TRANSFERS", "2000"));
  final int transferClients = Integer.parseInt(Bench.env("TRANSFER_CLIENTS", "16"));
  final int payments = Integer.parseInt(Bench.env("PAYMENTS", "1000"));
  final int buyerCount = Integer.parseInt(Bench.env("BUYERS", "32"));
  final int offers = Integer.parseInt(Bench.env("OFFERS", "100000"));
  final int catalogueClients = Integer.parseInt(Bench.env("CATALOGUE_CLIENTS", "32"));
  final int wrkSeconds = Integer.parseInt(Bench.env("WRK_SECONDS", "15"));
  final int sweepDeals = Integer.parseInt(Bench.env("SWEEP_DEALS", "10000"));
}
