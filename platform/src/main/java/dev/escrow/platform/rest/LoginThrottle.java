package dev.escrow.platform.rest;

import dev.escrow.platform.security.Sha256;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} failed sign-ins for one login from one
 * address within the window, further tries from there are refused (429) until the window has
 * passed. A success clears the count.
 *
 * <p>{@link #shared} counts in the database every node of a cluster uses (table {@code
 * login_failure} on JobsDS, keyed by a SHA-256 of realm, login and address), so that a balancer
 * spreading the guesses over the nodes does not multiply the allowance; the address is the client's
 * ({@link ClientAddress}: the balancer's header only from a trusted proxy). When that database
 * cannot be reached the count falls back to this node's memory (a throttle fails open, never into a
 * 500; the bcrypt cost still bounds the guessing rate).
 */
public class LoginThrottle {

  private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
  public static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(5);
  static final String SHARED_DATASOURCE = "java:jboss/datasources/JobsDS";

  private record Failures(int count, Instant since) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;
  private final String realm;
  private final Supplier<DataSource> shared;
  private volatile boolean tableReady;
  private final AtomicLong writes = new AtomicLong();

  /** A throttle in this node's memory only. */
  public LoginThrottle(Clock clock) {
    this(clock, "", () -> null);
  }

  LoginThrottle(Clock clock, String realm, Supplier<DataSource> shared) {
    this.clock = clock;
    this.realm = realm;
    this.shared = shared;
  }

  /** A throttle counted in the shared database (JobsDS), for one realm. */
  public static LoginThrottle shared(Clock clock, String realm) {
    return new LoginThrottle(
        clock,
        realm,
        new Supplier<>() {
          private volatile DataSource found;

          @Override
          public DataSource get() {
            if (found == null) {
              found = lookUp();
            }
            return found;
          }
        });
  }

  private static DataSource lookUp() {
    try {
      return (DataSource) new InitialContext().lookup(SHARED_DATASOURCE);
    } catch (NamingException | RuntimeException e) {
      return null;
    }
  }

  public boolean isBlocked(String login, String client) {
    String key = key(login, client);
    Instant windowStart = clock.instant().minus(WINDOW);
    Integer counted = inDatabase(c -> count(c, key, windowStart));
    if (counted != null) {
      return counted >= MAX_FAILURES;
    }
    Failures seen = failures.get(key);
    if (seen == null) {
      return false;
    }
    if (!seen.since().isAfter(windowStart)) {
      failures.remove(key);
      return false;
    }
    return seen.count() >= MAX_FAILURES;
  }

  public void failed(String login, String client) {
    String key = key(login, client);
    Instant now = clock.instant();
    if (inDatabase(c -> recordFailure(c, key, now)) != null) {
      return;
    }
    failures.merge(
        key,
        new Failures(1, now),
        (old, one) ->
            old.since().plus(WINDOW).isBefore(now)
                ? one
                : new Failures(old.count() + 1, old.since()));
    if (failures.size() > 100_000) {
      failures.clear(); // bounded memory under a flood of invented logins
    }
  }

  public void succeeded(String login, String client) {
    String key = key(login, client);
    failures.remove(key);
    inDatabase(
        c -> {
          try (PreparedStatement s = c.prepareStatement("DELETE FROM login_failure WHERE k = ?")) {
            s.setString(1, key);
            return s.executeUpdate();
          }
        });
  }

  public long retryAfterSeconds() {
    return WINDOW.toSeconds();
  }

  private String key(String login, String client) {
    return Sha256.hex(realm + '\u0000' + login + '\u0000' + client);
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** The work on the shared database, or null when there is none (then memory counts). */
  private <T> T inDatabase(Work<T> work) {
    DataSource dataSource = shared.get();
    if (dataSource == null) {
      return null;
    }
    try (Connection c = dataSource.getConnection()) {
      if (!tableReady) {
        try (Statement s = c.createStatement()) {
          s.execute(
              "CREATE TABLE IF NOT EXISTS login_failure (k VARCHAR(64) PRIMARY KEY,"
                  + " failures INTEGER NOT NULL, since TIMESTAMP NOT NULL)");
        } catch (SQLException raced) {
          // another node made it at the same moment
        }
        tableReady = true;
      }
      return work.run(c);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "The shared login throttle is unavailable; counting in memory", e);
      return null;
    }
  }

  private static Integer count(Connection c, String key, Instant windowStart) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT failures FROM login_failure WHERE k = ? AND since > ?")) {
      s.setString(1, key);
      s.setTimestamp(2, Timestamp.from(windowStart));
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    }
  }

  private Integer recordFailure(Connection c, String key, Instant now) throws SQLException {
    Timestamp at = Timestamp.from(now);
    Timestamp windowStart = Timestamp.from(now.minus(WINDOW));
    for (int attempt = 0; attempt < 3; attempt++) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE login_failure SET failures = CASE WHEN since > ? THEN failures + 1 ELSE 1"
                  + " END, since = CASE WHEN since > ? THEN since ELSE ? END WHERE k = ?")) {
        s.setTimestamp(1, windowStart);
        s.setTimestamp(2, windowStart);
        s.setTimestamp(3, at);
        s.setString(4, key);
        if (s.executeUpdate() > 0) {
          break;
        }
      }
      try (PreparedStatement s =
          c.prepareStatement("INSERT INTO login_failure (k, failures, since) VALUES (?, 1, ?)")) {
        s.setString(1, key);
        s.setTimestamp(2, at);
        s.executeUpdate();
        break;
      } catch (SQLException raced) {
        // another node inserted the same key at the same moment: update it
      }
    }
    if (writes.incrementAndGet() % 1000 == 0) {
      // bounded table under a flood of invented logins: forget what is out of every window
      try (PreparedStatement s = c.prepareStatement("DELETE FROM login_failure WHERE since <= ?")) {
        s.setTimestamp(1, windowStart);
        s.executeUpdate();
      }
    }
    return 1;
  }
}
