package dev.preflyte.runtime.task;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ExecutionError;
import java.util.Objects;

/**
 * How a failed task is reported to Flyte: an error code, whether a retry may help, and whose fault
 * it is.
 *
 * @param code {@code USER:<name>} or {@code SYSTEM:<name>}
 * @param kind RECOVERABLE lets Flyte retry the task
 * @param origin USER for the task's own logic and inputs, SYSTEM for the platform
 * @param cause the failure itself
 */
public record TaskFailure(String code, ContainerError.Kind kind, ExecutionError.ErrorKind origin, Throwable cause) {

  public TaskFailure {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(cause, "cause");
  }

  public boolean recoverable() {
    return kind == ContainerError.Kind.RECOVERABLE;
  }
}
