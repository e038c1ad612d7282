package dev.escrow.platform.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Two nodes' throttles on one database count one client's failures together. */
class LoginThrottleTest {

  /** A database the two "nodes" share (H2 in memory, kept open by the test). */
  static DataSource database() {
    String url = "jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }

  @Test
  void failuresOnTwoNodesAddUp() {
    DataSource shared = database();
    Clock clock = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);
    LoginThrottle nodeA = new LoginThrottle(clock, "marketplace", () -> shared);
    LoginThrottle nodeB = new LoginThrottle(clock, "marketplace", () -> shared);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      (i % 2 == 0 ? nodeA : nodeB).failed("anna", "198.51.100.1");
    }
    assertTrue(nodeA.isBlocked("anna", "198.51.100.1"));
    assertTrue(nodeB.isBlocked("anna", "198.51.100.1"));
    assertFalse(nodeB.isBlocked("anna", "198.51.100.2"), "another client is not blocked");
    assertFalse(nodeB.isBlocked("olga", "198.51.100.1"), "another login is not blocked");
  }

  @Test
  void theWindowEndsAndASuccessClears() {
    DataSource shared = database();
    Instant start = Instant.parse("2026-12-02T06:00:00Z");
    LoginThrottle early =
        new LoginThrottle(Clock.fixed(start, ZoneOffset.UTC), "bank", () -> shared);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      early.failed("operator", "10.1.1.1");
    }
    assertTrue(early.isBlocked("operator", "10.1.1.1"));
    LoginThrottle later =
        new LoginThrottle(
            Clock.fixed(start.plus(LoginThrottle.WINDOW).plusSeconds(1), ZoneOffset.UTC),
            "bank",
            () -> shared);
    assertFalse(later.isBlocked("operator", "10.1.1.1"));
    later.failed("operator", "10.1.1.1");
    assertFalse(later.isBlocked("operator", "10.1.1.1"), "a new window counts from one");
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      later.failed("operator", "10.1.1.1");
    }
    assertTrue(later.isBlocked("operator", "10.1.1.1"));
    later.succeeded("operator", "10.1.1.1");
    assertFalse(early.isBlocked("operator", "10.1.1.1"), "a success on one node clears both");
  }

  @Test
  void withoutADatabaseItCountsInMemory() {
    LoginThrottle alone = new LoginThrottle(Clock.systemUTC());
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      alone.failed("anna", "198.51.100.1");
    }
    assertTrue(alone.isBlocked("anna", "198.51.100.1"));
  }
}
