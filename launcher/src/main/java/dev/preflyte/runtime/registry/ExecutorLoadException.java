package dev.preflyte.runtime.registry;

/**
 * The executor registered under a task's name cannot be found, loaded or instantiated.
 *
 * <p>A fault of the image (its class path), not of the task's logic: the entrypoint reports it as a
 * SYSTEM error.
 */
public class ExecutorLoadException extends RuntimeException {

  public ExecutorLoadException(String message) {
    super(message);
  }

  public ExecutorLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
