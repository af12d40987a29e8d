package dev.preflyte.cli;

import dev.preflyte.runtime.task.RegistrationSettings;
import picocli.CommandLine.Option;

/** {@code --project}, {@code --domain}, {@code --version}: flytekit's placeholders when not given. */
final class RegistrationOptions {

  static final String PROJECT = "{{ registration.project }}";
  static final String DOMAIN = "{{ registration.domain }}";
  static final String VERSION = "{{ registration.version }}";

  @Option(names = "--project", paramLabel = "P", description = "Flyte project; default: " + PROJECT)
  String project = PROJECT;

  @Option(names = "--domain", paramLabel = "D", description = "Flyte domain; default: " + DOMAIN)
  String domain = DOMAIN;

  /** What a bare {@code --version} (no value) leaves: print Preflyte's version, as on every command. */
  static final String PRINT_VERSION = "\u0000print-version";

  @Option(names = "--version", paramLabel = "V", arity = "0..1", fallbackValue = PRINT_VERSION,
      description = "Version of the tasks; default: " + VERSION + ". Without a value: print Preflyte's version.")
  String version = VERSION;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  /** Prints Preflyte's version if {@code --version} came without a value; whether it did. */
  boolean printedVersion(java.io.PrintWriter out) {
    if (!PRINT_VERSION.equals(version)) {
      return false;
    }
    out.println(new Preflyte.Version().getVersion()[0]);
    out.flush();
    return true;
  }

  RegistrationSettings settings() {
    try {
      return new RegistrationSettings(project, domain, version);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}
