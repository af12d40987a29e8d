package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.task.TaskFailedException;
import dev.preflyte.runtime.task.TaskFailure;

/** Turns a classified failure into the exception a run throws, with no secret in it. */
public final class TaskFailures {

  private TaskFailures() {}

  /**
   * The exception for {@code failure}: its message holds the scrubbed failure; the original is
   * attached as the cause only when it mentions none of the secrets {@code scrubber} knows.
   */
  public static TaskFailedException exception(TaskFailure failure, SecretScrubber scrubber) {
    String raw = ErrorDocuments.message(failure.cause(), new SecretScrubber());
    String scrubbed = ErrorDocuments.message(failure.cause(), scrubber);
    boolean mentionsSecret = !raw.equals(scrubbed);
    return new TaskFailedException(
        failure, mentionsSecret ? scrubbed : ErrorDocuments.summary(failure.cause(), scrubber), !mentionsSecret);
  }
}
