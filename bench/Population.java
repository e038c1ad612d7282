import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The set-up every part works with, made through the APIs: the two banks at the marketplace, the
 * settlement account, the fee cache, the sellers and buyers (marketplace clients with accounts),
 * and the bank's own payers (with money) and payees for the transfers.
 */
final class Population {

  private final Settings settings;
  private final Driver driver;
  private final BackOffice backOffice;
  private final Marketplace marketplace;
  private final Random random;

  final Map<String, String> marketplaceBanks = new LinkedHashMap<>();

  /** login, password, email, account number, account id, bank requisite: see {@link #client}. */
  final List<String[]> sellers = new ArrayList<>();

  final List<String[]> buyers = new ArrayList<>();

  /** account number, email */
  final List<String[]> payers = new ArrayList<>();

  /** account numbers */
  final List<String> payees = new ArrayList<>();

  Population(Settings settings, Driver driver, Random random) {
    this.settings = settings;
    this.driver = driver;
    this.backOffice = new BackOffice(driver, Bench.OPERATOR_PASSWORD);
    this.marketplace = new Marketplace(driver, Bench.ADMIN_PASSWORD);
    this.random = random;
  }

  void setUp() throws Exception {
    Instant t = Instant.now();
    Reply.expect(
        driver.send(
            "PUT",
            "/bank/api/v1/backoffice/settings",
            "operator",
            Bench.OPERATOR_PASSWORD,
            "{\"processingDelaySeconds\":0}",
            null),
        200);
    for (String requisite : List.of(Bench.BANK_A, Bench.BANK_B)) {
      marketplaceBanks.put(requisite, marketplace.bank(requisite));
    }
    String finance = backOffice.customer("Marketplace finance", "finance@bench.example");
    String settlement = backOffice.account(finance, Bench.BANK_A);
    Reply.expect(
        driver.send(
            "PUT",
            "/api/v1/admin/settings/settlement-account",
            "admin",
            Bench.ADMIN_PASSWORD,
            "{\"number\":\""
                + settlement
                + "\",\"bankId\":\""
                + marketplaceBanks.get(Bench.BANK_A)
                + "\"}",
            null),
        200);
    awaitJob("fee-refresh");
    Parallel.run(
        8,
        8,
        i -> {
          String[] seller = client("seller" + i, i % 2 == 0 ? Bench.BANK_A : Bench.BANK_B, null);
          synchronized (sellers) {
            sellers.add(seller);
          }
        });
    Parallel.run(
        settings.buyerCount,
        8,
        i -> {
          String[] buyer =
              client("buyer" + i, i % 3 == 0 ? Bench.BANK_B : Bench.BANK_A, "100000000.00");
          synchronized (buyers) {
            buyers.add(buyer);
          }
        });
    // Bank customers of their own for the transfers: payers with money, payees at both banks.
    Parallel.run(
        64,
        8,
        i -> {
          String email = "payer" + i + "@bench.example";
          String number =
              backOffice.account(
                  backOffice.customer("Payer " + i, email),
                  i % 2 == 0 ? Bench.BANK_A : Bench.BANK_B);
          backOffice.deposit(number, "100000000.00");
          String payee =
              backOffice.account(
                  backOffice.customer("Payee " + i, "payee" + i + "@bench.example"),
                  i % 3 == 0 ? Bench.BANK_A : Bench.BANK_B);
          synchronized (payers) {
            payers.add(new String[] {number, email});
            payees.add(payee);
          }
        });
    Bench.say(
        "set up in "
            + Duration.between(t, Instant.now()).toSeconds()
            + " s: 2 marketplace banks, 8 sellers, "
            + buyers.size()
            + " buyers, 64 payers and 64 payees at the bank, fee cache refreshed");
  }

  /** login, password, email, account number, account id, bank requisite */
  private String[] client(String name, String bank, String deposit) throws IOException {
    String login = name + "-" + Long.toHexString(random.nextLong() & 0xffffffL);
    String email = login + "@bench.example";
    String number = backOffice.account(backOffice.customer("Client " + login, email), bank);
    if (deposit != null) {
      backOffice.deposit(number, deposit);
    }
    String password = "pw-" + login + "-secret";
    String accountId = marketplace.client(login, password, number, marketplaceBanks.get(bank));
    return new String[] {login, password, email, number, accountId, bank};
  }

  private void awaitJob(String name) throws Exception {
    Reply job =
        driver.post("/api/v1/admin/jobs/" + name, "admin", Bench.ADMIN_PASSWORD, "{}", null);
    Reply.expect(job, 202);
    String execution = Reply.field(job.body(), "executionId");
    for (int i = 0; i < 600; i++) {
      String status =
          Reply.field(
              driver.get("/api/v1/admin/jobs/" + execution, "admin", Bench.ADMIN_PASSWORD).body(),
              "status");
      if ("COMPLETED".equals(status)) {
        return;
      }
      if ("FAILED".equals(status) || "ABANDONED".equals(status)) {
        throw new IllegalStateException(name + " " + status);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " did not complete");
  }
}
