package dev.preflyte.runtime.literal;

import java.util.Optional;

/**
 * A literal does not match the type expected, or a value cannot be encoded.
 *
 * <p>The message names the variable (once known), the expected type and the actual one, for example
 * {@code input 'limit': expected INTEGER, got STRING "ten"}.
 */
public class LiteralConversionException extends RuntimeException {

  /** {@code "input"} or {@code "output"} once the failure is known to concern one; else null. */
  private final String role;

  public LiteralConversionException(String message) {
    this(null, message, null);
  }

  public LiteralConversionException(String message, Throwable cause) {
    this(null, message, cause);
  }

  private LiteralConversionException(String role, String message, Throwable cause) {
    super(message, cause);
    this.role = role;
  }

  /**
   * A failure that concerns a task's inputs or outputs as a whole, such as outputs that are missing
   * altogether; its message names them.
   *
   * @param role {@code "input"} or {@code "output"}
   */
  public static LiteralConversionException ofVariables(String role, String message) {
    return new LiteralConversionException(role, message, null);
  }

  /** The same failure, with the variable it concerns in front: {@code input 'a': ...}. */
  public LiteralConversionException forVariable(String role, String name) {
    LiteralConversionException named =
        new LiteralConversionException(role, role + " '" + name + "': " + getMessage(), getCause());
    named.setStackTrace(getStackTrace());
    return named;
  }

  /** Whether it concerns the task's inputs or its outputs ({@code "input"}, {@code "output"}), once known. */
  public Optional<String> role() {
    return Optional.ofNullable(role);
  }
}
