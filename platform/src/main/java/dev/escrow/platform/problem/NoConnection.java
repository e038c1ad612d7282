package dev.escrow.platform.problem;

/**
 * Whether a failure is "no database connection could be had in time" (the pool is exhausted, or the
 * database is away): the server is overloaded, not broken, and trying again at once, in another
 * transaction, would only wait as long once more. Classes by name: this library must not link the
 * persistence classes of the modules that use it.
 */
public final class NoConnection {

  private NoConnection() {}

  /** This failure, or one of its causes, is a connection that could not be had. */
  public static boolean in(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (isNoConnection(cause.getClass())) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static boolean isNoConnection(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      switch (c.getName()) {
        case "org.hibernate.exception.JDBCConnectionException",
            "java.sql.SQLTransientConnectionException",
            "jakarta.resource.ResourceException" -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }
}
