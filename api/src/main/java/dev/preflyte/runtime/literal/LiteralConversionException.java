package dev.preflyte.runtime.literal;

/**
 * A literal does not match the type expected, or a value cannot be encoded.
 *
 * <p>The message names the variable (once known), the expected type and the actual one, for example
 * {@code input 'limit': expected INTEGER, got STRING "ten"}.
 */
public class LiteralConversionException extends RuntimeException {

  public LiteralConversionException(String message) {
    super(message);
  }

  public LiteralConversionException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The same failure, with the variable it concerns in front: {@code input 'a': ...}. */
  public LiteralConversionException forVariable(String role, String name) {
    LiteralConversionException named =
        new LiteralConversionException(role + " '" + name + "': " + getMessage(), getCause());
    named.setStackTrace(getStackTrace());
    return named;
  }
}
