package dev.escrow.marketplace.infrastructure.jobs;

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
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One run of each job at a time across the nodes that share the job repository (JobsDS), and
 * recovery of a run whose node died. A job's lease row (table {@code job_lease}, next to JBeret's
 * tables) names the node that runs it, the execution and that node's last heartbeat (every {@link
 * #HEARTBEAT_SECONDS}). Before a node starts a job it locks the row: a run still going on a live
 * node is returned instead of a new one; a run left STARTING or STARTED by a node whose heartbeat
 * is older than {@link #LEASE_SECONDS} (killed) or by this node before its restart is marked FAILED
 * in JBeret's tables with its end time, so that the next run starts and the job's history stays one
 * history with no two runs of the same job overlapping.
 *
 * <p>Plain JDBC on JobsDS with its own local transactions (no JTA): the lease is committed before
 * the job starts (JBeret writes its execution from its own threads) and the timers' transactions
 * are not held by it.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class JobLeases {

  private static final Logger LOG = Logger.getLogger(JobLeases.class.getName());
  static final long HEARTBEAT_SECONDS = 10;
  static final long LEASE_SECONDS = Long.getLong("escrow.job.lease.seconds", 45);
  private static final Instant JVM_STARTED =
      Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

  @Resource(lookup = "java:jboss/datasources/JobsDS")
  DataSource jobsDataSource;

  private volatile boolean tableReady;

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
    Instant now = Instant.now();
    try (Connection c = jobsDataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        String holder;
        Long execution;
        Instant heartbeat;
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT node, execution_id, heartbeat_at FROM job_lease WHERE job_name = ? FOR UPDATE")) {
          s.setString(1, job);
          try (ResultSet r = s.executeQuery()) {
            r.next();
            holder = r.getString(1);
            long e = r.getLong(2);
            execution = r.wasNull() ? null : e;
            heartbeat = r.getTimestamp(3).toInstant();
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
                  : heartbeat.isAfter(now.minusSeconds(LEASE_SECONDS));
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
                "UPDATE job_lease SET node = ?, execution_id = NULL, heartbeat_at = ? WHERE job_name = ?")) {
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
        "UPDATE job_lease SET execution_id = ?, heartbeat_at = ? WHERE job_name = ? AND node = ?",
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

  /** This node is alive: its leases stay its own. */
  public void heartbeat() {
    if (!tableReady) {
      return;
    }
    update(
        "UPDATE job_lease SET heartbeat_at = ? WHERE node = ?",
        s -> {
          s.setTimestamp(1, Timestamp.from(Instant.now()));
          s.setString(2, node());
        });
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
                + " (no heartbeat for "
                + LEASE_SECONDS
                + " s, or before its restart): marked FAILED, the job runs again");
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
                  + " heartbeat_at TIMESTAMP NOT NULL)");
        } catch (SQLException raced) {
          // another node made it at the same moment: the insert below tells
        }
        tableReady = true;
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO job_lease (job_name, node, heartbeat_at) SELECT ?, '', ? WHERE NOT"
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
