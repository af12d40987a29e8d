package dev.preflyte.runtime.local;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.entrypoint.ErrorClassifier;
import dev.preflyte.runtime.entrypoint.InterfaceMismatchException;
import dev.preflyte.runtime.entrypoint.ScratchDirectories;
import dev.preflyte.runtime.entrypoint.SecretScrubber;
import dev.preflyte.runtime.entrypoint.TaskExecutionContext;
import dev.preflyte.runtime.entrypoint.TaskFailures;
import dev.preflyte.runtime.entrypoint.TaskInvocation;
import dev.preflyte.runtime.entrypoint.TemplateFileResolver;
import dev.preflyte.runtime.executor.EnvironmentSecrets;
import dev.preflyte.runtime.executor.TaskExecutor;
import dev.preflyte.runtime.literal.LiteralConversionException;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.Storages;
import dev.preflyte.runtime.task.LocalInputs;
import dev.preflyte.runtime.task.LocalOutputs;
import dev.preflyte.runtime.task.LocalTaskRunner;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs a task on this machine through exactly the path the cluster takes: the task is serialized to
 * a TaskTemplate, the bytes are parsed back, and the executor is found by name in the registry. The
 * task object itself never reaches the executor, so a task that runs locally runs on Flyte.
 *
 * <p>This is the {@link LocalTaskRunner} behind a generated task's typed {@code run} method.
 * Failures come out as {@link TaskFailedException} with the classification {@code error.pb} would
 * carry. Files the outputs name stay in a temporary raw-output folder after the run.
 */
public final class LocalRunner implements LocalTaskRunner {

  private final Storage storage;
  private final Map<String, String> environment;
  private final Path secretsDirectory;

  /**
   * A runner with the standard storage (local files; other schemes configured from the environment
   * and loaded only when used), this process's environment and {@code /etc/secrets}. Also what
   * {@link LocalTaskRunner#find()} creates.
   */
  public LocalRunner() {
    this(Storages.standard(), System.getenv(), EnvironmentSecrets.DEFAULT_DIRECTORY);
  }

  /**
   * @param storage storage for inputs and outputs that name files
   * @param environment where secrets ({@code _FSEC_*}) are read from
   * @param secretsDirectory where secret files are read from unless FLYTE_SECRETS_DEFAULT_DIR is set
   */
  public LocalRunner(Storage storage, Map<String, String> environment, Path secretsDirectory) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.environment = Map.copyOf(environment);
    this.secretsDirectory = Objects.requireNonNull(secretsDirectory, "secretsDirectory");
  }

  /**
   * Runs {@code task} with {@code inputs}, which are encoded (local files uploaded under a temporary
   * raw-output prefix) as the cluster would receive them.
   *
   * @throws TaskFailedException classified as on the cluster
   */
  @Override
  public LocalOutputs run(PrebuiltContainerTask<?> task, LocalInputs inputs) {
    Objects.requireNonNull(inputs, "inputs");
    return run(task, inputs::toLiteralMap);
  }

  /**
   * Runs {@code task} with inputs already encoded.
   *
   * @return the outputs, checked against the task's interface
   * @throws TaskFailedException classified as on the cluster
   */
  public LiteralMap run(PrebuiltContainerTask<?> task, LiteralMap inputs) {
    Objects.requireNonNull(inputs, "inputs");
    return run(task, context -> inputs).literals();
  }

  private LocalOutputs run(PrebuiltContainerTask<?> task, Function<TaskExecutionContext, LiteralMap> inputs) {
    Objects.requireNonNull(task, "task");
    SecretScrubber scrubber = new SecretScrubber();
    TaskTemplate template;
    TaskExecutor executor;
    try {
      byte[] serialized = task.toTaskTemplate(RegistrationSettings.local()).toByteArray();
      template = TemplateFileResolver.parseTemplate("the local template of " + task.name(), serialized);
      executor = ExecutorRegistry.find(task.executorName(), contextLoader());
    } catch (RuntimeException | LinkageError e) {
      throw TaskFailures.exception(ErrorClassifier.classifyPlatform(e), scrubber);
    }
    Path workingDirectory = null;
    Path rawOutput = null;
    try {
      workingDirectory = ScratchDirectories.create("preflyte-work-");
      rawOutput = ScratchDirectories.create("preflyte-raw-");
      TaskExecutionContext context = context(template, workingDirectory, rawOutput, scrubber);
      LiteralMap outputs = TaskInvocation.invoke(template, executor, encode(inputs, context, scrubber), context,
          scrubber);
      // Outputs are decoded after the run: files among them are read from the raw-output folder.
      return LocalOutputs.of(outputs, context(template, rawOutput, rawOutput, scrubber));
    } catch (IOException e) {
      throw TaskFailures.exception(ErrorClassifier.classifyPlatform(e), scrubber);
    } finally {
      ScratchDirectories.deleteQuietly(workingDirectory);
      ScratchDirectories.deleteIfEmpty(rawOutput); // kept when outputs refer to files in it
    }
  }

  private static LiteralMap encode(
      Function<TaskExecutionContext, LiteralMap> inputs, TaskExecutionContext context, SecretScrubber scrubber) {
    try {
      return inputs.apply(context);
    } catch (LiteralConversionException e) {
      throw TaskFailures.exception(ErrorClassifier.classifyPlatform(
          new InterfaceMismatchException(InterfaceMismatchException.Side.INPUT, e.getMessage())), scrubber);
    }
  }

  private TaskExecutionContext context(
      TaskTemplate template, Path workingDirectory, Path rawOutput, SecretScrubber scrubber) {
    return TaskExecutionContext.builder()
        .rawOutputPrefix(rawOutput.toString())
        .workingDirectory(workingDirectory)
        .storage(storage)
        .taskId(template.getId())
        .secrets(new EnvironmentSecrets(environment, secretsDirectory, scrubber::remember), scrubber)
        .build();
  }

  private static ClassLoader contextLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : LocalRunner.class.getClassLoader();
  }
}
