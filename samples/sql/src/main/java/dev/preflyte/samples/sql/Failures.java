package dev.preflyte.samples.sql;

import dev.preflyte.runtime.storage.StorageException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Whose fault a database failure is. A server that cannot be reached is the platform's (SYSTEM,
 * retried): it is reported as a storage failure, the runtime's rule for data that cannot be reached.
 * Everything else the database says (syntax, missing table, permissions, a failed login, a timeout)
 * concerns the user's query or configuration: {@link QueryException}, not retried.
 */
final class Failures {

  private Failures() {}

  /** A failure while connecting to {@code target} (a URL without credentials). */
  static RuntimeException ofConnection(SQLException failure, String target) {
    if (isUnreachable(failure)) {
      return new StorageException("the database at " + target + " cannot be reached: " + failure.getMessage()
          + ": check that the server runs and that the task's network reaches it", failure);
    }
    return new QueryException("connecting to the database at " + target + " failed: " + failure.getMessage()
        + ": check the URL, the connection properties and the secrets the task requests", failure);
  }

  static RuntimeException ofQuery(SQLException failure) {
    if (isUnreachable(failure)) {
      return new StorageException("the connection to the database was lost while the query ran: "
          + failure.getMessage(), failure);
    }
    return new QueryException("the query failed: " + failure.getMessage() + ": fix the query", failure);
  }

  /** Connection refused, host unknown or unreachable, a socket timeout, or SQLState class 08 (connection exception). */
  private static boolean isUnreachable(SQLException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof UnknownHostException
          || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
          && !"08004".equals(sql.getSQLState())) { // 08004: the server rejected the connection (a login)
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
