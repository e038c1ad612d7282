package dev.escrow.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class OrderedCommitDriverTest {

  private final OrderedCommitDriver driver = new OrderedCommitDriver();

  private Connection open(String url) throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "sa");
    info.setProperty("password", "sa");
    return driver.connect(url + ";DB_CLOSE_DELAY=-1", info);
  }

  private static long rows(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from t")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Waits until another thread queues for the lock (it is blocked in the call under test). */
  private static void awaitWaiter(ReentrantLock lock) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!lock.hasQueuedThreads()) {
      assertTrue(Instant.now().isBefore(deadline), "nobody waited for the database's lock");
      Thread.sleep(5);
    }
  }

  @Test
  void aCommitWaitsForTheDatabasesTurnAndIsDoneWhole() throws Exception {
    String url = "jdbc:h2:mem:commit";
    try (Connection writer = open(url);
        Connection reader = open(url)) {
      try (Statement s = writer.createStatement()) {
        s.execute("create table t(id int primary key)");
      }
      writer.setAutoCommit(false);
      try (PreparedStatement p = writer.prepareStatement("insert into t values (?)")) {
        p.setInt(1, 1);
        p.executeUpdate();
        p.setInt(1, 2);
        p.executeUpdate();
      }
      ReentrantLock lock = OrderedCommitDriver.lockOf(url);
      lock.lock();
      CompletableFuture<Void> commit;
      try {
        commit =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    writer.commit();
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                });
        awaitWaiter(lock);
        assertFalse(commit.isDone());
        assertEquals(0, rows(reader));
      } finally {
        lock.unlock();
      }
      commit.get(10, TimeUnit.SECONDS);
      assertEquals(2, rows(reader));
    }
  }

  @Test
  void aStatementInAutoCommitModeWaitsTooAndARollbackToo() throws Exception {
    String url = "jdbc:h2:mem:auto";
    try (Connection c = open(url);
        Connection other = open(url)) {
      try (Statement s = c.createStatement()) {
        s.execute("create table t(id int primary key)");
      }
      ReentrantLock lock = OrderedCommitDriver.lockOf(url);
      lock.lock();
      CompletableFuture<Integer> insert;
      try {
        insert =
            CompletableFuture.supplyAsync(
                () -> {
                  try (PreparedStatement p = c.prepareStatement("insert into t values (7)")) {
                    return p.executeUpdate();
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                });
        awaitWaiter(lock);
        assertFalse(insert.isDone());
      } finally {
        lock.unlock();
      }
      assertEquals(1, insert.get(10, TimeUnit.SECONDS));
      assertEquals(1, rows(other));

      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        s.executeUpdate("insert into t values (8)");
      }
      lock.lock();
      CompletableFuture<Void> rollback;
      try {
        rollback =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    other.rollback();
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                });
        awaitWaiter(lock);
        assertFalse(rollback.isDone());
      } finally {
        lock.unlock();
      }
      rollback.get(10, TimeUnit.SECONDS);
      assertEquals(1, rows(c));
    }
  }

  @Test
  void anotherDatabaseDoesNotWaitAndOtherUrlsAreNotTaken() throws Exception {
    ReentrantLock first = OrderedCommitDriver.lockOf("jdbc:h2:mem:first;MODE=PostgreSQL");
    first.lock();
    try (Connection second = open("jdbc:h2:mem:second")) {
      second.setAutoCommit(false);
      try (Statement s = second.createStatement()) {
        s.execute("create table t(id int primary key)");
        s.executeUpdate("insert into t values (1)");
      }
      second.commit();
      assertEquals(1, rows(second));
    } finally {
      first.unlock();
    }
    assertNull(driver.connect("jdbc:postgresql://localhost/x", new Properties()));
    assertFalse(driver.acceptsURL("jdbc:postgresql://localhost/x"));
  }
}
