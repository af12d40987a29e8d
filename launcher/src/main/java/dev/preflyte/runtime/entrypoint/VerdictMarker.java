package dev.preflyte.runtime.entrypoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The file {@code bin/preflyte-execute} creates before starting the JVM and checks after it ended
 * ({@code PREFLYTE_VERDICT_MARKER}): the JVM removes it once its exit status means what the contract
 * says. Still there after an exit status 0, the JVM was cut short (task code called
 * {@code Runtime.halt}, or the JVM crashed) and the script exits non-zero instead.
 */
final class VerdictMarker {

  static final String VARIABLE = "PREFLYTE_VERDICT_MARKER";

  private VerdictMarker() {}

  /** The exit status from now on is the run's own: remove the marker. */
  static void reached(Map<String, String> environment) {
    String marker = environment.get(VARIABLE);
    if (marker == null || marker.isBlank()) {
      return;
    }
    try {
      Files.deleteIfExists(Path.of(marker));
    } catch (IOException | RuntimeException e) {
      // The script then reports a cut-short run: a false alarm, never a false success.
    }
  }
}
