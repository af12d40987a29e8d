package dev.preflyte.runtime.storage;

/**
 * Reading or writing storage failed: a platform fault, reported as SYSTEM and RECOVERABLE so Flyte
 * retries the task. The message names the URI and the operation, never a credential.
 */
public class StorageException extends RuntimeException {

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
