package dev.escrow.marketplace.infrastructure.jobs;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One run of each job at a time across the nodes that share the job repository (JobsDS), and
 * recovery of a run whose node died, on the database's own locks. A job's lease row (table {@code
 * job_lease}, next to JBeret's tables) names the node that runs it and the execution; a node
 * decides under the row's lock ({@code FOR UPDATE}). Whether the named node is alive is
 * PostgreSQL's to say: every node holds a session advisory lock named after itself on a connection
 * of its own for as long as it runs, and a node that dies loses its session and with it the lock. A
 * run left STARTING or STARTED by a node whose lock is free (killed), or by this node before its
 * restart, is marked FAILED in JBeret's tables with its end time, so that the next run starts and
 * the job's history stays one history with no two runs of the same job overlapping. On H2 there is
 * one node (its files belong to one server): a run not started by this JVM is dead.
 *
 * <p>Plain JDBC on JobsDS with its own local transactions (no JTA): the lease is committed before
 * the job starts (JBeret writes its execution from its own threads) and the timers' transactions
 * are not held by it.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class JobLeases {

  private static final Logger LOG = Logger.getLogger(JobLeases.class.getName());

  /** The first key of the nodes' advisory locks (the second is the hash of the node's name). */
  static final int NODE_LOCKS = 0x45534352;

  private static final Instant JVM_STARTED =
      Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

  @Resource(lookup = "java:jboss/datasources/JobsDS")
  DataSource jobsDataSource;

  private volatile boolean tableReady;

  /** The connection whose session holds this node's lock (PostgreSQL), for the node's life. */
  private Connection nodeLock;

  /** This node's name in the leases: {@code jboss.node.name}, distinct per node of a cluster. */
  public static String node() {
    return System.getProperty("jboss.node.name", "node");
  }

  /** What {@link #acquire} decided. */
  public record Decision(boolean acquired, Long runningExecution) {}

  /**
   * Takes the job's lease for this node unless a live run holds it (then its execution id, or null
   * while that node is still starting it). A dead run found on the way is closed.
   */
  public Decision acquire(String job) {
    ensureTable(job);
    holdThisNodesLock();
    Instant now = Instant.now();
    try (Connection c = jobsDataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        String holder;
        Long execution;
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT node, execution_id FROM job_lease WHERE job_name = ? FOR UPDATE")) {
          s.setString(1, job);
          try (ResultSet r = s.executeQuery()) {
            r.next();
            holder = r.getString(1);
            long e = r.getLong(2);
            execution = r.wasNull() ? null : e;
          }
        }
        boolean held = holder != null && !holder.isEmpty();
        if (held) {
          String status = execution == null ? null : batchStatus(c, execution);
          boolean finished =
              execution != null && !"STARTING".equals(status) && !"STARTED".equals(status);
          // This node's own lease: alive only for a run this JVM started (Jobs.start is
          // synchronized, so no start of this node is half done while it asks).
          boolean alive =
              node().equals(holder)
                  ? execution != null && createdInThisLife(c, execution)
                  : isAlive(c, holder);
          if (!finished && alive) {
            c.commit();
            return new Decision(false, execution);
          }
          if (!finished && execution != null) {
            closeDeadRun(c, execution, holder, now);
          }
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "UPDATE job_lease SET node = ?, execution_id = NULL, taken_at = ? WHERE job_name = ?")) {
          s.setString(1, node());
          s.setTimestamp(2, Timestamp.from(now));
          s.setString(3, job);
          s.executeUpdate();
        }
        c.commit();
        return new Decision(true, null);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the lease of the job " + job, e);
    }
  }

  /** Records the execution this node started under its lease. */
  public void started(String job, long execution) {
    update(
        "UPDATE job_lease SET execution_id = ?, taken_at = ? WHERE job_name = ? AND node = ?",
        s -> {
          s.setLong(1, execution);
          s.setTimestamp(2, Timestamp.from(Instant.now()));
          s.setString(3, job);
          s.setString(4, node());
        });
  }

  /** Gives the lease back when the start itself failed. */
  public void release(String job) {
    update(
        "UPDATE job_lease SET node = '', execution_id = NULL WHERE job_name = ? AND node = ?",
        s -> {
          s.setString(1, job);
          s.setString(2, node());
        });
  }

  /**
   * Takes this node's advisory lock on PostgreSQL, once and again after its session was lost: while
   * it is held the other nodes know this one is alive. The lock belongs to the database session,
   * not to the pool's handle: closing the handle gives the session back to JobsDS's pool with the
   * lock still taken, so it is unlocked explicitly when the deployment ends ({@link #letGo}).
   */
  private synchronized void holdThisNodesLock() {
    try {
      if (nodeLock != null && nodeLock.isValid(2)) {
        return;
      }
      if (nodeLock != null) {
        closeQuietly(nodeLock);
        nodeLock = null;
      }
      Connection c = jobsDataSource.getConnection();
      if (!isPostgreSql(c)) {
        c.close();
        return;
      }
      boolean taken;
      try (PreparedStatement s =
          c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
        s.setInt(1, NODE_LOCKS);
        s.setString(2, node());
        try (ResultSet r = s.executeQuery()) {
          r.next();
          taken = r.getBoolean(1);
        }
      }
      if (!taken) {
        c.close();
        throw new IllegalStateException(
            "Another running node is named "
                + node()
                + ": each node of a cluster needs its own -Djboss.node.name");
      }
      nodeLock = c;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take this node's lock in JobsDS", e);
    }
  }

  /**
   * Undeployed: the lock goes, though the pooled session stays open (else the next deployment on
   * this server, handed another session, would find its own name taken).
   */
  @PreDestroy
  synchronized void letGo() {
    if (nodeLock == null) {
      return;
    }
    try (PreparedStatement s =
        nodeLock.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
      s.setInt(1, NODE_LOCKS);
      s.setString(2, node());
      s.execute();
    } catch (SQLException gone) {
      // the session is gone, and its lock with it
    }
    closeQuietly(nodeLock);
    nodeLock = null;
  }

  /**
   * Whether another node holds its lock, i.e. is running (H2: never, it has one node). Read from
   * pg_locks: trying the lock would take it, on a pooled session, if its node were dead.
   */
  private static boolean isAlive(Connection c, String holder) throws SQLException {
    if (!isPostgreSql(c)) {
      return false;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND classid = ?::oid AND objid = hashtext(?)::oid AND objsubid = 2)")) {
      s.setInt(1, NODE_LOCKS);
      s.setString(2, holder);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getBoolean(1);
      }
    }
  }

  private static boolean isPostgreSql(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // the session is gone, and its lock with it
    }
  }

  /** The execution id a lease names, waiting a little while its holder is still starting it. */
  public Optional<Long> awaitExecution(String job, Duration atMost) {
    Instant deadline = Instant.now().plus(atMost);
    do {
      try (Connection c = jobsDataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement("SELECT execution_id FROM job_lease WHERE job_name = ?")) {
        s.setString(1, job);
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            long e = r.getLong(1);
            if (!r.wasNull()) {
              return Optional.of(e);
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read the lease of the job " + job, e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    } while (Instant.now().isBefore(deadline));
    return Optional.empty();
  }

  private static String batchStatus(Connection c, long execution) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT batchstatus FROM job_execution WHERE jobexecutionid = ?")) {
      s.setLong(1, execution);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  /** Whether this JVM made the execution (else it is this node's, from before a restart). */
  private static boolean createdInThisLife(Connection c, long execution) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT createtime FROM job_execution WHERE jobexecutionid = ?")) {
      s.setLong(1, execution);
      try (ResultSet r = s.executeQuery()) {
        return r.next() && !r.getTimestamp(1).toInstant().isBefore(JVM_STARTED);
      }
    }
  }

  /** Marks a run whose node died FAILED, with its steps and partitions, ended now. */
  private static void closeDeadRun(Connection c, long execution, String holder, Instant now)
      throws SQLException {
    Timestamp at = Timestamp.from(now);
    String why = "FAILED: node " + holder + " stopped during the run";
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE partition_execution SET batchstatus = 'FAILED', exitstatus = ? WHERE"
                + " batchstatus IN ('STARTING','STARTED') AND stepexecutionid IN"
                + " (SELECT stepexecutionid FROM step_execution WHERE jobexecutionid = ?)")) {
      s.setString(1, why);
      s.setLong(2, execution);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE step_execution SET batchstatus = 'FAILED', exitstatus = ?, endtime = ? WHERE"
                + " jobexecutionid = ? AND batchstatus IN ('STARTING','STARTED')")) {
      s.setString(1, why);
      s.setTimestamp(2, at);
      s.setLong(3, execution);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE job_execution SET batchstatus = 'FAILED', exitstatus = ?, endtime = ?,"
                + " lastupdatedtime = ? WHERE jobexecutionid = ? AND batchstatus IN"
                + " ('STARTING','STARTED')")) {
      s.setString(1, why);
      s.setTimestamp(2, at);
      s.setTimestamp(3, at);
      s.setLong(4, execution);
      if (s.executeUpdate() > 0) {
        LOG.warning(
            "Job execution "
                + execution
                + " was left running by node "
                + holder
                + " (a node no longer running, or this one before its restart): marked FAILED,"
                + " the job runs again");
      }
    }
  }

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private void update(String sql, Binder binder) {
    try (Connection c = jobsDataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot update the job leases", e);
    }
  }

  /** The lease table and the job's row, made by whichever node comes first. */
  private void ensureTable(String job) {
    try (Connection c = jobsDataSource.getConnection()) {
      if (!tableReady) {
        try (Statement s = c.createStatement()) {
          s.execute(
              "CREATE TABLE IF NOT EXISTS job_lease (job_name VARCHAR(64) PRIMARY KEY,"
                  + " node VARCHAR(128) NOT NULL, execution_id BIGINT,"
                  + " taken_at TIMESTAMP NOT NULL)");
          // A table from the heartbeat's time (its NOT NULL heartbeat_at would refuse the rows).
          s.execute("ALTER TABLE job_lease ADD COLUMN IF NOT EXISTS taken_at TIMESTAMP");
          s.execute("ALTER TABLE job_lease DROP COLUMN IF EXISTS heartbeat_at");
        } catch (SQLException raced) {
          // another node made it at the same moment: the insert below tells
        }
        tableReady = true;
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO job_lease (job_name, node, taken_at) SELECT ?, '', ? WHERE NOT"
                  + " EXISTS (SELECT 1 FROM job_lease WHERE job_name = ?)")) {
        s.setString(1, job);
        s.setTimestamp(2, Timestamp.from(Instant.EPOCH));
        s.setString(3, job);
        s.executeUpdate();
      } catch (SQLException raced) {
        // the other node inserted it first (primary key): it is there
        if (!rowThere(c, job)) {
          throw raced;
        }
      }
    } catch (SQLException e) {
      tableReady = false;
      throw new IllegalStateException("Cannot prepare the job leases", e);
    }
  }

  private static boolean rowThere(Connection c, String job) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM job_lease WHERE job_name = ?")) {
      s.setString(1, job);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }
}
