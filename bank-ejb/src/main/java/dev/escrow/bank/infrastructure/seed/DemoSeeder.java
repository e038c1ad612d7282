package dev.escrow.bank.infrastructure.seed;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo data, loaded once with plain JDBC batches in one local transaction: for each of the ten
 * banks 100 customers with 1 to 100 accounts each (up to 100 000 accounts) with an opening deposit
 * each (a ledger row, so that the audit holds), plus the marketplace's settlement account {@value
 * #SETTLEMENT_ACCOUNT} (customer "Marketplace", bank 042), and the fixed customers of the
 * marketplace's demo clients ({@link MarketplaceDemoCustomers}). Skipped when the marketplace
 * customer exists already (the fixed customers are then added if missing).
 */
@Stateless
public class DemoSeeder {

  private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());
  public static final String SETTLEMENT_ACCOUNT = "0420000000001";
  static final String MARKETPLACE = "Marketplace";
  static final int CUSTOMERS_PER_BANK = 100;
  static final int MAX_ACCOUNTS_PER_CUSTOMER = 100;
  private static final int BATCH = 1000;
  private static final String[] FIRST = {
    "Иван", "Пётр", "Анна", "Мария", "Сергей", "Ольга", "Дмитрий", "Елена", "Алексей", "Наталья"
  };
  private static final String[] LAST = {
    "Иванов",
    "Петров",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Соколов",
    "Лебедев",
    "Козлов",
    "Новиков",
    "Морозов"
  };

  private static final java.util.Set<String> WOMEN =
      java.util.Set.of("Анна", "Мария", "Ольга", "Елена", "Наталья");

  /** "Елена Кузнецова", not "Елена Кузнецов": a woman's surname takes the feminine ending. */
  static String fullName(String first, String last) {
    return first + " " + (WOMEN.contains(first) ? last + "а" : last);
  }

  @Resource(lookup = "java:jboss/datasources/BankDS")
  DataSource dataSource;

  /**
   * Fixed number of accounts per customer instead of 1..100 at random (to measure the worst case).
   */
  @Inject
  @ConfigProperty(name = "bank.demo.accounts.per.customer")
  Optional<Integer> accountsPerCustomer;

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void seedOnce() {
    long started = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      if (alreadySeeded(c)) {
        int added = MarketplaceDemoCustomers.addMissing(c, Timestamp.from(Instant.now()));
        c.commit();
        LOG.info(
            "Demo data is already there; not seeding again"
                + (added > 0 ? " (added " + added + " marketplace demo customers)" : ""));
        return;
      }
      int accounts = seed(c);
      int demoCustomers = MarketplaceDemoCustomers.addMissing(c, Timestamp.from(Instant.now()));
      c.commit();
      LOG.info(
          String.format(
              "Demo seed: %d customers and %d accounts at %d banks loaded in %d ms (%s)",
              CUSTOMERS_PER_BANK * banks(c).size() + 1 + demoCustomers,
              accounts + demoCustomers,
              banks(c).size(),
              (System.nanoTime() - started) / 1_000_000,
              phases));
    } catch (SQLException e) {
      LOG.log(Level.SEVERE, "The demo seed failed and was rolled back", e);
    }
  }

  private static boolean alreadySeeded(Connection c) throws SQLException {
    // Two nodes of a cluster starting at once on an empty database: the first bank's row, locked
    // for the seed's transaction, makes the second wait until the first has committed its data,
    // which it then finds (the banks are there from the migrations).
    try (PreparedStatement s =
            c.prepareStatement(
                "select id from bank order by id fetch first 1 rows only for update");
        ResultSet r = s.executeQuery()) {
      r.next();
    }
    try (PreparedStatement s =
        c.prepareStatement("select count(*) from customer where full_name = ?")) {
      s.setString(1, MARKETPLACE);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1) > 0;
      }
    }
  }

  private record SeedBank(long id, String code) {}

  private static List<SeedBank> banks(Connection c) throws SQLException {
    List<SeedBank> banks = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select id, code from bank order by code")) {
      while (r.next()) {
        banks.add(new SeedBank(r.getLong(1), r.getString(2)));
      }
    }
    return banks;
  }

  private String phases = "";

  private int seed(Connection c) throws SQLException {
    long started = System.nanoTime();
    SecureRandom random = new SecureRandom();
    Timestamp now = Timestamp.from(Instant.now());
    List<SeedBank> banks = banks(c);
    try (PreparedStatement customer =
        c.prepareStatement(
            "insert into customer (full_name, email, phone, created_at) values (?, ?, ?, ?)")) {
      add(customer, MARKETPLACE, "settlement@marketplace.example", "+7 495 000-00-00", now);
      for (SeedBank bank : banks) {
        for (int i = 1; i <= CUSTOMERS_PER_BANK; i++) {
          String name =
              fullName(FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)]);
          add(
              customer,
              name,
              "customer" + i + "@bank" + bank.code() + ".example",
              String.format(
                  "+7 900 %03d-%02d-%02d", Integer.parseInt(bank.code()), i / 100, i % 100),
              now);
        }
      }
      customer.executeBatch();
    }
    long customersDone = System.nanoTime();
    Map<String, Long> customerIds = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select id, email from customer where email like '%.example' order by id")) {
      while (r.next()) {
        customerIds.put(r.getString(2), r.getLong(1));
      }
    }
    Set<String> numbers = new HashSet<>();
    numbers.add(SETTLEMENT_ACCOUNT);
    MarketplaceDemoCustomers.ALL.forEach(d -> numbers.add(d.account()));
    HexFormat hex = HexFormat.of().withUpperCase();
    int count = 0;
    try (PreparedStatement account =
        c.prepareStatement(
            "insert into account (number, bank_id, customer_id, balance, held, created_at)"
                + " values (?, ?, ?, ?, 0, ?)")) {
      SeedBank bank042 =
          banks.stream().filter(b -> b.code().equals("042")).findFirst().orElse(banks.get(0));
      addAccount(
          account,
          SETTLEMENT_ACCOUNT,
          bank042.id(),
          customerIds.get("settlement@marketplace.example"),
          BigDecimal.ZERO,
          now);
      for (SeedBank bank : banks) {
        for (int i = 1; i <= CUSTOMERS_PER_BANK; i++) {
          long customerId = customerIds.get("customer" + i + "@bank" + bank.code() + ".example");
          int accounts =
              accountsPerCustomer
                  .filter(n -> n > 0 && n <= MAX_ACCOUNTS_PER_CUSTOMER)
                  .orElseGet(() -> 1 + random.nextInt(MAX_ACCOUNTS_PER_CUSTOMER));
          for (int a = 0; a < accounts; a++) {
            String number;
            do {
              byte[] bytes = new byte[5];
              random.nextBytes(bytes);
              number = bank.code() + hex.formatHex(bytes);
            } while (!numbers.add(number));
            BigDecimal balance = BigDecimal.valueOf(1_000_00L + random.nextInt(99_000_00), 2);
            addAccount(account, number, bank.id(), customerId, balance, now);
            if (++count % BATCH == 0) {
              account.executeBatch();
            }
          }
        }
      }
      account.executeBatch();
    }
    long accountsDone = System.nanoTime();
    try (PreparedStatement deposits =
        c.prepareStatement(
            "insert into ledger_entry (external_id, kind, bucket, direction, account_id, amount,"
                + " created_at) select 'seed-' || number, 'DEPOSIT', 'BALANCE', 'CREDIT', id,"
                + " balance, ? from account where balance > 0")) {
      deposits.setTimestamp(1, now);
      deposits.executeUpdate();
    }
    // The other side of the opening deposits: one row per bank from its deposits bucket, so that
    // the seed is a balanced posting like any deposit.
    try (PreparedStatement sources =
        c.prepareStatement(
            "insert into ledger_entry (external_id, kind, bucket, direction, bank_id, amount,"
                + " created_at) select 'seed-deposits-' || cast(bank_id as varchar(20)),"
                + " 'DEPOSIT', 'DEPOSITS', 'DEBIT', bank_id, sum(balance), ? from account"
                + " where balance > 0 group by bank_id")) {
      sources.setTimestamp(1, now);
      sources.executeUpdate();
    }
    long depositsDone = System.nanoTime();
    phases =
        String.format(
            "customers %d ms, accounts %d ms, opening deposits %d ms",
            (customersDone - started) / 1_000_000,
            (accountsDone - customersDone) / 1_000_000,
            (depositsDone - accountsDone) / 1_000_000);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("update bank_settings set processing_delay_seconds = 3 where id = 1");
    }
    return count + 1;
  }

  private static void add(
      PreparedStatement s, String name, String email, String phone, Timestamp at)
      throws SQLException {
    s.setString(1, name);
    s.setString(2, email);
    s.setString(3, phone);
    s.setTimestamp(4, at);
    s.addBatch();
  }

  private static void addAccount(
      PreparedStatement s,
      String number,
      long bankId,
      long customerId,
      BigDecimal balance,
      Timestamp at)
      throws SQLException {
    s.setString(1, number);
    s.setLong(2, bankId);
    s.setLong(3, customerId);
    s.setBigDecimal(4, balance);
    s.setTimestamp(5, at);
    s.addBatch();
  }
}
