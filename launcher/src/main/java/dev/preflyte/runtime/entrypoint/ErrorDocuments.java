package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.task.TaskFailure;
import com.google.protobuf.Timestamp;
import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/** Builds the {@code error.pb} Flyte reads when a task fails. */
public final class ErrorDocuments {

  /** Longest message kept; Flyte truncates long messages anyway, and the head matters most. */
  static final int MAX_MESSAGE_CHARS = 64 * 1024;

  private ErrorDocuments() {}

  /**
   * The error document for {@code failure}: its message holds the exception type, message and stack
   * trace with every secret value the run handed out replaced by {@code ****}.
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

  /** The exception's type, message and stack trace (with causes), scrubbed of secrets. */
  public static String message(Throwable failure, SecretScrubber scrubber) {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      failure.printStackTrace(out);
    }
    String scrubbed = scrubber.scrub(text.toString());
    if (scrubbed.length() > MAX_MESSAGE_CHARS) {
      scrubbed = scrubbed.substring(0, MAX_MESSAGE_CHARS) + "\n... (truncated)";
    }
    return scrubbed;
  }

  /** The first line of the scrubbed message: the exception type and its message. */
  public static String summary(Throwable failure, SecretScrubber scrubber) {
    String line = scrubber.scrub(String.valueOf(failure));
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline);
  }
}
