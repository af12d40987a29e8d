package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.protobuf.Timestamp;
import dev.preflyte.runtime.task.TaskFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/** Builds the {@code error.pb} Flyte reads when a task fails. */
public final class ErrorDocuments {

  /** Longest message kept; Flyte truncates long messages anyway, and the head matters most. */
  static final int MAX_MESSAGE_CHARS = 64 * 1024;
  private static final int MAX_CAUSES = 16;

  private ErrorDocuments() {}

  /**
   * The error document for {@code failure}: its message holds the exception type, message and stack
   * trace with every secret value the run knows replaced by {@code ****}.
   */
  public static ErrorDocument of(TaskFailure failure, SecretScrubber scrubber, String worker, Instant now) {
    ContainerError error =
        ContainerError.newBuilder()
            .setCode(failure.code())
            .setMessage(message(failure.cause(), scrubber))
            .setKind(failure.kind())
            .setOrigin(failure.origin())
            .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
            .setWorker(worker)
            .build();
    return ErrorDocument.newBuilder().setError(error).build();
  }

  /**
   * The exception's type, message and stack trace (with causes), scrubbed of secrets. Task code's
   * exceptions may override toString, getMessage, getCause or getStackTrace to throw: then the parts
   * that can be had are described instead, never a failure of the description itself.
   */
  public static String message(Throwable failure, SecretScrubber scrubber) {
    String text;
    try {
      StringWriter trace = new StringWriter();
      try (PrintWriter out = new PrintWriter(trace)) {
        failure.printStackTrace(out);
      }
      text = trace.toString();
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      text = describeChain(failure);
    }
    String scrubbed = scrubber.scrub(text);
    if (scrubbed.length() > MAX_MESSAGE_CHARS) {
      scrubbed = scrubbed.substring(0, MAX_MESSAGE_CHARS) + "\n... (truncated)";
    }
    return scrubbed;
  }

  /** The first line of the scrubbed message: the exception type and its message. */
  public static String summary(Throwable failure, SecretScrubber scrubber) {
    return firstLine(scrubber.scrub(describe(failure)));
  }

  /** {@code text} up to its first line break: an error document's message as one line. */
  public static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** {@code failure.toString()}, or its class and what went wrong when that throws. */
  static String describe(Throwable failure) {
    try {
      return String.valueOf(failure);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return failure.getClass().getName() + " (its toString() threw " + e.getClass().getName() + ")";
    }
  }

  private static String describeChain(Throwable failure) {
    StringBuilder text = new StringBuilder();
    Throwable current = failure;
    for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
      text.append(depth == 0 ? "" : "Caused by: ").append(describe(current)).append('\n');
      try {
        for (StackTraceElement frame : current.getStackTrace()) {
          text.append("\tat ").append(frame).append('\n');
        }
        Throwable cause = current.getCause();
        current = cause == current ? null : cause;
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        text.append("\t(the rest cannot be described: ").append(e.getClass().getName()).append(")\n");
        current = null;
      }
    }
    return text.toString();
  }
}
