package dev.preflyte.runtime.entrypoint;

/** The inputs file exists but is not a LiteralMap: a platform fault, reported as SYSTEM and retried. */
public class InputsLoadException extends RuntimeException {

  public InputsLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
