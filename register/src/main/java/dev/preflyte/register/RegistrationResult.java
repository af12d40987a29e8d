package dev.preflyte.register;

import dev.preflyte.idl.core.Identifier;
import java.util.Objects;

/**
 * What became of one task.
 *
 * @param id the task's id as sent to FlyteAdmin
 * @param outcome registered, unchanged (already registered with the identical structure) or failed
 * @param message empty unless failed: the one-line reason
 */
public record RegistrationResult(Identifier id, Outcome outcome, String message) {

  public enum Outcome {
    /** FlyteAdmin accepted the task as new. */
    REGISTERED,
    /** FlyteAdmin already held this id with the identical structure: success, nothing changed. */
    UNCHANGED,
    /** Not registered; {@link #message()} says why. */
    FAILED
  }

  public RegistrationResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
    message = message == null ? "" : message;
  }

  public boolean succeeded() {
    return outcome != Outcome.FAILED;
  }

  /** {@code project/domain/name@version}, the way the messages name a task. */
  public static String describe(Identifier id) {
    return id.getProject() + "/" + id.getDomain() + "/" + id.getName() + "@" + id.getVersion();
  }

  @Override
  public String toString() {
    String line = outcome.name().toLowerCase(java.util.Locale.ROOT) + " " + describe(id);
    return message.isEmpty() ? line : line + ": " + message;
  }
}
