package dev.preflyte.cli;

/** A failure the command line reports as one line, {@code preflyte: <message>}, with exit code 1. */
public final class CliException extends RuntimeException {

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A usage mistake reported by a tool without a command line of its own (the Maven plugin). */
  public static CliException usage(String message) {
    return new CliException(message);
  }
}
