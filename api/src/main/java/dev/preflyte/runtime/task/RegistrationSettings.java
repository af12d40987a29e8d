package dev.preflyte.runtime.task;

/**
 * Where a task is registered: the Flyte project, domain and version that make up its identifier.
 *
 * @param project the Flyte project, for example {@code flytesnacks}
 * @param domain the Flyte domain, for example {@code development}
 * @param version the version every entity of one registration shares
 */
public record RegistrationSettings(String project, String domain, String version) {

  public RegistrationSettings {
    requireText(project, "project");
    requireText(domain, "domain");
    requireText(version, "version");
  }

  /** Settings for a local run, which registers nothing. */
  public static RegistrationSettings local() {
    return new RegistrationSettings("local", "development", "local");
  }

  private static void requireText(String value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("registration " + what + " is missing: give a " + what);
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException("registration " + what + " is blank: give a " + what);
    }
  }
}
