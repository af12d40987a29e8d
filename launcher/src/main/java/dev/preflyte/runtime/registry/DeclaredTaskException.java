package dev.preflyte.runtime.registry;

/**
 * The declared tasks cannot be listed: a declaration that does not load, holds no task, or two
 * declarations of one task name. The message names the declarations at fault.
 */
public class DeclaredTaskException extends RuntimeException {

  public DeclaredTaskException(String message) {
    super(message);
  }

  public DeclaredTaskException(String message, Throwable cause) {
    super(message, cause);
  }
}
