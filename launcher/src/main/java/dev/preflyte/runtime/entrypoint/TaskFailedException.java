package dev.preflyte.runtime.entrypoint;

/**
 * A task failed, classified as Flyte's error document would classify it. Its message starts with the
 * code, kind and origin, followed by the scrubbed exception; when the run handed out secrets the
 * original exception is not attached, so no secret value can leak through it.
 */
public class TaskFailedException extends RuntimeException {

  private final transient TaskFailure failure;

  public TaskFailedException(TaskFailure failure, SecretScrubber scrubber) {
    super(describe(failure, scrubber), hasSecret(failure, scrubber) ? null : failure.cause());
    this.failure = failure;
  }

  /** The classification: code, kind, origin and the original failure. */
  public TaskFailure failure() {
    return failure;
  }

  public String code() {
    return failure.code();
  }

  private static String describe(TaskFailure failure, SecretScrubber scrubber) {
    return failure.code() + " (" + failure.kind() + ", origin " + failure.origin() + "): "
        + (hasSecret(failure, scrubber)
            ? ErrorDocuments.message(failure.cause(), scrubber)
            : ErrorDocuments.summary(failure.cause(), scrubber));
  }

  private static boolean hasSecret(TaskFailure failure, SecretScrubber scrubber) {
    String raw = ErrorDocuments.message(failure.cause(), new SecretScrubber());
    return !raw.equals(ErrorDocuments.message(failure.cause(), scrubber));
  }
}
