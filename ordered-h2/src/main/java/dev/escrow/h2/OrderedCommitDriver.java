package dev.escrow.h2;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * H2's driver, with the end of every transaction (commit, rollback, a statement in auto-commit
 * mode, closing a connection) taken one at a time per database file.
 *
 * <p>Why: with {@code WRITE_DELAY=0} H2 writes its store at the end of each transaction, but a
 * store takes the root of each of its maps (tables, indexes, undo logs) one after the other while
 * other sessions go on. A store that runs while another transaction is committing can catch one
 * table with that transaction's rows still uncommitted and its undo log already cleared; if the
 * process dies before the next store, that part of the transaction is gone after the restart and
 * the rest of it is there (H2's maintainers describe this window in h2database issue 2080). A CI
 * run of the crash test ended so: a bank transfer in the ledger whose account kept its old balance.
 * When commits and stores never overlap, every store sees each transaction either before its commit
 * (rolled back whole after a crash) or after it (kept whole).
 *
 * <p>It costs little: the stores were already one at a time (H2's store lock); only the commit's
 * own bookkeeping, in memory, now waits too. Statements other than those in auto-commit mode run as
 * before.
 */
public final class OrderedCommitDriver implements Driver {

  private static final String PREFIX = "jdbc:h2:";
  private static final Set<String> ENDS_TRANSACTION = Set.of("commit", "rollback", "close");
  private static final Set<String> EXECUTES =
      Set.of(
          "execute",
          "executeQuery",
          "executeUpdate",
          "executeLargeUpdate",
          "executeBatch",
          "executeLargeBatch");
  private static final ConcurrentMap<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  static {
    try {
      DriverManager.registerDriver(new OrderedCommitDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Driver h2 = org.h2.Driver.load();

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Connection connection = h2.connect(url, info);
    return connection == null ? null : ordered(connection, lockOf(url));
  }

  /** One lock per database: the URL up to its settings (the same file, the same store). */
  static ReentrantLock lockOf(String url) {
    int settings = url.indexOf(';');
    return LOCKS.computeIfAbsent(
        settings < 0 ? url : url.substring(0, settings), u -> new ReentrantLock());
  }

  private static Connection ordered(Connection connection, ReentrantLock lock) {
    return (Connection)
        Proxy.newProxyInstance(
            OrderedCommitDriver.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new Ordered(connection, lock, connection));
  }

  /** Runs the calls that end a transaction under the database's lock; wraps new statements. */
  private static final class Ordered implements InvocationHandler {
    private final Object target;
    private final ReentrantLock lock;
    private final Connection connection;

    Ordered(Object target, ReentrantLock lock, Connection connection) {
      this.target = target;
      this.lock = lock;
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (endsTransaction(name, args)) {
        lock.lock();
        try {
          return call(method, args);
        } finally {
          lock.unlock();
        }
      }
      Object result = call(method, args);
      if (result instanceof Statement statement && target == connection) {
        Class<?> type =
            statement instanceof CallableStatement
                ? CallableStatement.class
                : statement instanceof PreparedStatement
                    ? PreparedStatement.class
                    : Statement.class;
        return Proxy.newProxyInstance(
            OrderedCommitDriver.class.getClassLoader(),
            new Class<?>[] {type},
            new Ordered(statement, lock, connection));
      }
      return result;
    }

    private boolean endsTransaction(String name, Object[] args) throws SQLException {
      if (target == connection) {
        return (ENDS_TRANSACTION.contains(name) && (args == null || args.length == 0))
            || (name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]));
      }
      // A statement in auto-commit mode commits (and stores) when it has run.
      return EXECUTES.contains(name) && connection.getAutoCommit();
    }

    private Object call(Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    return h2.getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return h2.getMajorVersion();
  }

  @Override
  public int getMinorVersion() {
    return h2.getMinorVersion();
  }

  @Override
  public boolean jdbcCompliant() {
    return h2.jdbcCompliant();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return h2.getParentLogger();
  }
}
