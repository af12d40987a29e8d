package dev.preflyte.runtime.executor;

/**
 * Thrown by task code for a failure that may go away on retry (a busy database, a rate limit).
 *
 * <p>The entrypoint reports it as a USER error of kind RECOVERABLE, so Flyte retries the task if it
 * has retries left. Every other exception from task code is a USER error of kind NON_RECOVERABLE.
 */
public class RecoverableException extends RuntimeException {

  public RecoverableException(String message) {
    super(message);
  }

  public RecoverableException(String message, Throwable cause) {
    super(message, cause);
  }
}
