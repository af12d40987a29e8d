package dev.preflyte.register;

import java.util.Objects;

/**
 * Registration or connection failed. The message is one line, names the task or the endpoint and
 * never holds a secret or a token.
 */
public class RegistrationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why, for a caller that reacts differently (an exit code, stopping a batch). */
  public enum Reason {
    /** The id already holds a different task under this version: register a new version. */
    DIFFERENT_STRUCTURE,
    /** FlyteAdmin refused the task itself (a missing field, a bad value). */
    REJECTED,
    /** FlyteAdmin could not be reached (refused, unknown host, TLS failure). */
    UNREACHABLE,
    /** FlyteAdmin did not answer within the call timeout. */
    TIMEOUT,
    /** No token could be had, or FlyteAdmin refused it. */
    AUTHENTICATION,
    /** Anything else: a local setting, or a status FlyteAdmin does not normally answer. */
    OTHER
  }

  private final Reason reason;

  public RegistrationException(String message) {
    this(Reason.OTHER, message, null);
  }

  /** The cause is kept for debugging; its own message is not repeated in this one. */
  public RegistrationException(String message, Throwable cause) {
    this(Reason.OTHER, message, cause);
  }

  public RegistrationException(Reason reason, String message, Throwable cause) {
    super(oneLine(message), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  /** True when other tasks on the same connection would fail alike: no point in trying them. */
  public boolean affectsEveryTask() {
    return reason == Reason.UNREACHABLE || reason == Reason.TIMEOUT || reason == Reason.AUTHENTICATION;
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
