package dev.preflyte.runtime.task;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ExecutionError;

/**
 * A task failed, classified as Flyte's error document ({@code error.pb}) would classify it: what a
 * task's typed local call throws. Its message starts with the code, kind and origin, followed by
 * the failure with every secret value replaced; when the run handed out secrets that the failure
 * mentions, the original exception is not attached, so no secret value can leak through it.
 */
public class TaskFailedException extends RuntimeException {

  private final transient TaskFailure failure;

  /**
   * @param failure the classification
   * @param description the failure without secrets, which follows the classification in the message
   * @param attachCause whether the original failure may be attached as the cause (false when it
   *     carries a secret)
   */
  public TaskFailedException(TaskFailure failure, String description, boolean attachCause) {
    super(failure.code() + " (" + failure.kind() + ", origin " + failure.origin() + "): " + description,
        attachCause ? failure.cause() : null);
    this.failure = failure;
  }

  /** The classification: code, kind, origin and the original failure. */
  public TaskFailure failure() {
    return failure;
  }

  /** {@code USER:<name>} or {@code SYSTEM:<name>}, as in error.pb. */
  public String code() {
    return failure.code();
  }

  /** Whether Flyte would retry the task. */
  public ContainerError.Kind kind() {
    return failure.kind();
  }

  /** Whose fault it is: the task's (USER) or the platform's (SYSTEM). */
  public ExecutionError.ErrorKind origin() {
    return failure.origin();
  }
}
