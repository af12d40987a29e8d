package dev.preflyte.samples.sql;

/**
 * The query cannot run, or its result cannot be written: the task's user's to fix (their query, their
 * database), so it fails the task without retries as {@code USER:QueryException}.
 */
public class QueryException extends RuntimeException {

  public QueryException(String message) {
    super(message);
  }

  public QueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
