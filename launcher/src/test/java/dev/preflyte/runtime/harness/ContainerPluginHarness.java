package dev.preflyte.runtime.harness;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.storage.LocalStorage;
import dev.preflyte.runtime.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Plays the part of Flyte's container plugin and propeller for one task attempt, on local paths or,
 * with {@link #remoteData}, on a blob store as on a cluster.
 *
 * <p>It lays out the node's data directory as propeller does ({@code <dataDir>/inputs.pb},
 * {@code <dataDir>/task.pb}, outputs under {@code <dataDir>/<attempt>}), renders the template's
 * container command and arguments with the plugin's placeholder rules, starts the command as a
 * process with the environment the plugin sets, and reads the result the way propeller does: a
 * non-zero exit is a failure from the pod status (error.pb is then ignored); otherwise error.pb
 * fails the node with its ContainerError; otherwise outputs.pb must exist when the interface declares
 * outputs.
 */
public final class ContainerPluginHarness {

  private final Path binDirectory;
  private final Map<String, String> extraEnvironment = new HashMap<>();
  private List<String> wrapper = List.of();
  private Duration timeout = Duration.ofMinutes(2);
  /** Where the node's data and raw outputs go; null: under the work directory, on local paths. */
  private Storage storage;
  private String dataRoot;

  /**
   * @param binDirectory a directory holding the {@code preflyte-execute} launcher; it goes first on
   *     the process's PATH, as the task image puts it on the container's PATH
   */
  public ContainerPluginHarness(Path binDirectory) {
    this.binDirectory = binDirectory;
  }

  /** Adds an environment variable to the container (as a task's env or a secret mount would). */
  public ContainerPluginHarness env(String name, String value) {
    extraEnvironment.put(name, value);
    return this;
  }

  /**
   * Lays the node's data and raw outputs under {@code root} (such as {@code s3://bucket/run}) on
   * {@code storage}, and reads the attempt's result from there, as propeller does on a cluster; the
   * container needs that storage's settings too ({@link #env}).
   */
  public ContainerPluginHarness remoteData(Storage storage, String root) {
    this.storage = storage;
    this.dataRoot = root;
    return this;
  }

  /**
   * Starts the container's command through {@code wrapper}, which gets it as its last arguments: a
   * sandbox that sets up what the pod's security context would (another user, a read-only root).
   */
  public ContainerPluginHarness wrapper(List<String> wrapper) {
    this.wrapper = List.copyOf(wrapper);
    return this;
  }

  public ContainerPluginHarness timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** Runs attempt {@code attempt} of {@code template} on {@code inputs} under {@code workDir}. */
  public Outcome run(TaskTemplate template, LiteralMap inputs, Path workDir, int attempt)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Storage data = storage != null ? storage : new LocalStorage();
    String root = dataRoot != null ? dataRoot : workDir.toString();
    String dataDir = root + "/metadata/n0";
    String rawOutputPrefix = root + "/raw/attempt-" + attempt;
    String outputPrefix = dataDir + "/" + attempt;
    if (dataRoot == null) {
      Files.createDirectories(Path.of(dataDir));
      Files.createDirectories(Path.of(rawOutputPrefix));
    }
    data.writeAtomically(dataDir + "/inputs.pb", inputs.toByteArray());
    data.writeAtomically(dataDir + "/task.pb", template.toByteArray());

    PlaceholderRenderer.Values values =
        new PlaceholderRenderer.Values(
            dataDir + "/inputs.pb",
            dataDir,
            outputPrefix,
            rawOutputPrefix,
            attempt == 0 ? "" : root + "/raw/attempt-" + (attempt - 1) + "/_flytecheckpoints",
            rawOutputPrefix + "/_flytecheckpoints",
            "a" + Integer.toHexString(template.getId().getName().hashCode()) + "_" + attempt,
            dataDir + "/task.pb",
            "flytesnacks-development",
            inputs);
    List<String> command = new ArrayList<>(PlaceholderRenderer.render(template.getContainer().getCommandList(), values));
    command.addAll(PlaceholderRenderer.render(template.getContainer().getArgsList(), values));

    // A JVM looks a program up on its own PATH, not the child's: resolve it as the container would.
    List<String> executable = new ArrayList<>(command);
    Path launcher = binDirectory.resolve(command.get(0));
    if (!command.get(0).contains("/") && Files.isExecutable(launcher)) {
      executable.set(0, launcher.toString());
    }
    executable.addAll(0, wrapper);
    ProcessBuilder process = new ProcessBuilder(executable).directory(workDir.toFile());
    Map<String, String> env = process.environment();
    env.put("PATH", binDirectory + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
    env.put("FLYTE_INTERNAL_EXECUTION_ID", "f0a1b2c3d4");
    env.put("FLYTE_INTERNAL_EXECUTION_PROJECT", "flytesnacks");
    env.put("FLYTE_INTERNAL_EXECUTION_DOMAIN", "development");
    env.put("FLYTE_INTERNAL_EXECUTION_WORKFLOW", "harness.workflow");
    env.put("FLYTE_INTERNAL_TASK_PROJECT", template.getId().getProject());
    env.put("FLYTE_INTERNAL_TASK_DOMAIN", template.getId().getDomain());
    env.put("FLYTE_INTERNAL_TASK_NAME", template.getId().getName());
    env.put("FLYTE_INTERNAL_TASK_VERSION", template.getId().getVersion());
    env.put("FLYTE_ATTEMPT_NUMBER", Integer.toString(attempt));
    template.getContainer().getEnvList().forEach(pair -> env.put(pair.getKey(), pair.getValue()));
    env.putAll(extraEnvironment);
    Path log = workDir.resolve("container-" + attempt + ".log");
    process.redirectErrorStream(true).redirectOutput(log.toFile());

    Process running = process.start();
    if (!running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      running.destroyForcibly().waitFor();
      throw new IllegalStateException("container did not finish within " + timeout + "; log: " + Files.readString(log));
    }
    return readResult(template, data, outputPrefix, running.exitValue(), Files.readString(log), command);
  }

  private static Outcome readResult(TaskTemplate template, Storage data, String outputPrefix, int exitCode,
      String log, List<String> command) throws IOException {
    if (exitCode != 0) {
      return new Outcome(Outcome.Phase.POD_FAILED, exitCode, null, null, log, command);
    }
    String error = outputPrefix + "/error.pb";
    if (data.exists(error)) {
      ContainerError containerError = ErrorDocument.parseFrom(data.read(error)).getError();
      return new Outcome(Outcome.Phase.TASK_ERROR, exitCode, null, containerError, log, command);
    }
    String outputs = outputPrefix + "/outputs.pb";
    if (data.exists(outputs)) {
      return new Outcome(Outcome.Phase.SUCCEEDED, exitCode, LiteralMap.parseFrom(data.read(outputs)), null, log, command);
    }
    boolean declaresOutputs = template.getInterface().getOutputs().getVariablesCount() > 0;
    return declaresOutputs
        ? new Outcome(Outcome.Phase.OUTPUTS_NOT_FOUND, exitCode, null, null, log, command)
        : new Outcome(Outcome.Phase.SUCCEEDED, exitCode, LiteralMap.getDefaultInstance(), null, log, command);
  }

  /** What propeller concludes from one attempt. */
  public record Outcome(
      Phase phase, int exitCode, LiteralMap outputs, ContainerError error, String log, List<String> command) {

    public enum Phase {
      SUCCEEDED,
      /** error.pb was found: the node fails (or retries, if RECOVERABLE) with its ContainerError. */
      TASK_ERROR,
      /** The interface declares outputs but the container left no outputs.pb. */
      OUTPUTS_NOT_FOUND,
      /** The container exited non-zero: error.pb, if any, is ignored. */
      POD_FAILED
    }

    @Override
    public String toString() {
      return phase + " exit=" + exitCode + (error != null ? " error=" + error.getCode() : "") + "\n" + log;
    }
  }
}
