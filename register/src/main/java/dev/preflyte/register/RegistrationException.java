package dev.preflyte.register;

/**
 * Registration or connection failed. The message is one line, names the task or the endpoint and
 * never holds a secret or a token.
 */
public class RegistrationException extends Exception {

  private static final long serialVersionUID = 1L;

  public RegistrationException(String message) {
    super(oneLine(message));
  }

  /** The cause is kept for debugging; its own message is not repeated in this one. */
  public RegistrationException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
