package dev.preflyte.runtime.entrypoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The environment and command line of a run of the real {@code bin/preflyte-execute} in a test directory. */
final class LauncherRuns {

  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path SCRIPT = MODULE.getParent().resolve("bin/preflyte-execute");

  private LauncherRuns() {}

  /**
   * The test tasks on the class path, secrets under {@code dir/secrets}, and every temporary file of
   * the run (work directories, the verdict marker) in {@code tmp}, so a test can check it is left empty.
   */
  static Map<String, String> environment(Path dir, Path tmp, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("PREFLYTE_CLASSPATH", MODULE.resolve("target/test-classes").toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("FLYTE_SECRETS_DEFAULT_DIR", dir.resolve("secrets").toString());
    env.put("TMPDIR", tmp.toString());
    env.putAll(extra);
    env.put("JAVA_OPTS", (extra.getOrDefault("JAVA_OPTS", "") + " -Djava.io.tmpdir=" + tmp).strip());
    return env;
  }

  /** The container args Preflyte registers, on {@code inputs.pb} and {@code task.pb} of the working directory. */
  static List<String> command(String outputPrefix, String rawOutputPrefix, String executor) {
    return new ArrayList<>(List.of(SCRIPT.toString(), "--inputs", "inputs.pb", "--output-prefix", outputPrefix,
        "--raw-output-data-prefix", rawOutputPrefix, "--prev-checkpoint", "\"\"",
        "--resolver", TemplateFileResolver.NAME, "--", "task.pb", executor));
  }
}
