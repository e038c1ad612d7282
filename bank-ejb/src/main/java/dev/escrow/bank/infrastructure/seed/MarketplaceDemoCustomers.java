package dev.escrow.bank.infrastructure.seed;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.logging.Logger;

/**
 * The demo customers the marketplace's demo clients bank with: fixed e-mails and account numbers,
 * published in docs/bank-service.md like a real bank's test accounts, so that the marketplace's
 * demo seed can bind them the way a client would (it names the number, the bank confirms it holds
 * it over HTTP). Sellers start at 0.00, so that a payout is plain to see; buyers have money to pay.
 */
final class MarketplaceDemoCustomers {

  private static final Logger LOG = Logger.getLogger(MarketplaceDemoCustomers.class.getName());

  record DemoCustomer(
      String fullName, String email, String phone, String bankCode, String account, String money) {}

  static final List<DemoCustomer> ALL =
      List.of(
          new DemoCustomer(
              "Анна Смирнова",
              "anna.smirnova@demo.example",
              "+7 900 117-01-01",
              "117",
              "1170000000101",
              "0.00"),
          new DemoCustomer(
              "Дмитрий Козлов",
              "dmitry.kozlov@demo.example",
              "+7 900 205-01-02",
              "205",
              "2050000000102",
              "0.00"),
          new DemoCustomer(
              "Ольга Новикова",
              "olga.novikova@demo.example",
              "+7 900 318-01-03",
              "318",
              "3180000000103",
              "150000.00"),
          new DemoCustomer(
              "Сергей Попов",
              "sergey.popov@demo.example",
              "+7 900 042-01-04",
              "042",
              "0420000000104",
              "60000.00"));

  private MarketplaceDemoCustomers() {}

  /**
   * Adds each demo customer that is not there yet (a data folder seeded before they existed gets
   * them too), with its account and opening deposit; in the caller's transaction.
   */
  static int addMissing(Connection c, Timestamp now) throws SQLException {
    int added = 0;
    for (DemoCustomer d : ALL) {
      if (exists(c, "select count(*) from customer where email = ?", d.email())) {
        continue;
      }
      if (exists(c, "select count(*) from account where number = ?", d.account())) {
        LOG.warning("Demo account " + d.account() + " belongs to somebody else; not seeded");
        continue;
      }
      long customerId;
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into customer (full_name, email, phone, created_at) values (?, ?, ?, ?)",
              new String[] {"id"})) {
        s.setString(1, d.fullName());
        s.setString(2, d.email());
        s.setString(3, d.phone());
        s.setTimestamp(4, now);
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          customerId = keys.getLong(1);
        }
      }
      BigDecimal money = new BigDecimal(d.money());
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into account (number, bank_id, customer_id, balance, held, created_at)"
                  + " select ?, id, ?, ?, 0, ? from bank where code = ?")) {
        s.setString(1, d.account());
        s.setLong(2, customerId);
        s.setBigDecimal(3, money);
        s.setTimestamp(4, now);
        s.setString(5, d.bankCode());
        if (s.executeUpdate() != 1) {
          throw new SQLException("No bank with code " + d.bankCode());
        }
      }
      if (money.signum() > 0) {
        // The opening deposit is a posting: the account's row and its bank's deposits row.
        try (PreparedStatement s =
            c.prepareStatement(
                "insert into ledger_entry (external_id, kind, bucket, direction, account_id,"
                    + " amount, created_at) select 'seed-' || number, 'DEPOSIT', 'BALANCE',"
                    + " 'CREDIT', id, balance, ? from account where number = ?")) {
          s.setTimestamp(1, now);
          s.setString(2, d.account());
          s.executeUpdate();
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "insert into ledger_entry (external_id, kind, bucket, direction, bank_id,"
                    + " amount, created_at) select 'seed-in-' || number, 'DEPOSIT', 'DEPOSITS',"
                    + " 'DEBIT', bank_id, balance, ? from account where number = ?")) {
          s.setTimestamp(1, now);
          s.setString(2, d.account());
          s.executeUpdate();
        }
      }
      added++;
    }
    return added;
  }

  private static boolean exists(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1) > 0;
      }
    }
  }
}
