package dev.escrow.platform.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.concurrent.Callable;
import java.util.logging.Logger;

/**
 * A start-up creation (the administrator, the operator, the bank's partner) safe when several nodes
 * start at once on an empty database: each try is its own transaction, which looks for the row and
 * inserts it if absent; when another node inserted the same row at the same moment the unique key
 * fails this commit, and the next try finds that node's row.
 */
public final class StartupInsert {

  private static final Logger LOG = Logger.getLogger(StartupInsert.class.getName());
  static final int TRIES = 3;

  private StartupInsert() {}

  /** Runs {@code work} (which reads, then inserts what is missing) until one try commits. */
  public static <T> T once(UserTransaction tx, String what, Callable<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        tx.begin();
        T result = work.call();
        tx.commit();
        return result;
      } catch (Exception e) {
        rollbackQuietly(tx);
        if (attempt >= TRIES) {
          throw new IllegalStateException("Could not create " + what + " at start", e);
        }
        LOG.info(
            "Creating "
                + what
                + " failed ("
                + e
                + "), probably another node created it at the same moment: reading again");
      }
    }
  }

  private static void rollbackQuietly(UserTransaction tx) {
    try {
      if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        tx.rollback();
      }
    } catch (SystemException | IllegalStateException | SecurityException e) {
      LOG.fine("rollback after a failed start-up insert: " + e);
    }
  }
}
