package dev.preflyte.register;

import io.grpc.Status;

/** One-line descriptions of gRPC statuses. */
final class Statuses {

  private Statuses() {}

  /** {@code CODE: description (cause)}, on one line. */
  static String describe(Status status) {
    StringBuilder text = new StringBuilder(status.getCode().name());
    if (status.getDescription() != null && !status.getDescription().isBlank()) {
      text.append(": ").append(status.getDescription());
    }
    Throwable cause = status.getCause();
    while (cause != null && cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    if (cause != null && cause.getMessage() != null
        && (status.getDescription() == null || !status.getDescription().contains(cause.getMessage()))) {
      text.append(" (").append(cause.getMessage()).append(')');
    }
    return RegistrationException.oneLine(text.toString());
  }
}
