package dev.preflyte.samples.sql;

/**
 * The file at the task's {@code uri} is not what its configuration says: not a SQLite database, or
 * an archive that does not hold exactly one file. The user's to fix, so it is not retried.
 */
public class InvalidDatabaseException extends RuntimeException {

  public InvalidDatabaseException(String message) {
    super(message);
  }

  public InvalidDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
