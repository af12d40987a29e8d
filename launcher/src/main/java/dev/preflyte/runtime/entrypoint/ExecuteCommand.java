package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.task.TaskFailure;
import dev.preflyte.runtime.task.TaskFailedException;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.EnvironmentSecrets;
import dev.preflyte.runtime.executor.TaskExecutor;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code preflyte-execute} does, as Flyte's container plugin expects: read the template, find
 * the executor, read and check the inputs, run, check the outputs, write {@code outputs.pb}; on
 * failure write {@code error.pb} instead and exit 0 (1 with {@code FLYTE_FAIL_ON_ERROR=true}).
 * Only when {@code error.pb} itself cannot be written does it exit non-zero, with one line on stderr.
 */
public final class ExecuteCommand {

  /** Success, or a failure recorded in error.pb. */
  public static final int EXIT_OK = 0;
  /** A failure recorded in error.pb with FLYTE_FAIL_ON_ERROR=true, or a failed dry run. */
  public static final int EXIT_FAILED = 1;
  /** The command line is wrong. */
  public static final int EXIT_USAGE = 2;
  /** The task failed and error.pb could not be written. */
  public static final int EXIT_ERROR_NOT_WRITTEN = 3;

  private final Map<String, String> environment;
  private final Storage storage;
  private final ClassLoader loader;
  private final PrintStream stderr;
  private final Clock clock;
  private final Path secretsDirectory;
  private final SecretScrubber scrubber;

  /**
   * @param environment the process environment ({@code FLYTE_*}, secrets)
   * @param storage storage for every URI the flags name
   * @param loader where executors are looked up
   * @param stderr where the one-line diagnostics go
   * @param clock the time stamped into error documents
   * @param secretsDirectory where mounted secret files live unless FLYTE_SECRETS_DEFAULT_DIR says otherwise
   */
  public ExecuteCommand(Map<String, String> environment, Storage storage, ClassLoader loader, PrintStream stderr,
      Clock clock, Path secretsDirectory) {
    this(environment, storage, loader, stderr, clock, secretsDirectory, new SecretScrubber());
  }

  /**
   * Like the other constructor, with the scrubber that learns every secret value the run hands out
   * (so that the caller can scrub the process's own output streams with it too).
   */
  public ExecuteCommand(Map<String, String> environment, Storage storage, ClassLoader loader, PrintStream stderr,
      Clock clock, Path secretsDirectory, SecretScrubber scrubber) {
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.storage = Objects.requireNonNull(storage, "storage");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.stderr = Objects.requireNonNull(stderr, "stderr");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.secretsDirectory = Objects.requireNonNull(secretsDirectory, "secretsDirectory");
  }

  /** Runs the command line {@code args} and returns the process exit code. */
  public int run(String[] args) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(ExecuteArguments.USAGE);
      return EXIT_OK;
    }
    ExecuteArguments arguments;
    try {
      arguments = ExecuteArguments.parse(args);
      TemplateFileResolver.checkResolver(arguments.resolver());
    } catch (UsageException e) {
      stderr.println("preflyte-execute: " + oneLine(e.getMessage()));
      return EXIT_USAGE;
    }
    FlyteEnvironment flyte = new FlyteEnvironment(environment);
    TaskFailure failure;
    try {
      execute(arguments, flyte, scrubber);
      return EXIT_OK;
    } catch (TaskFailedException e) {
      failure = e.failure();
    } catch (Throwable e) { // whatever went wrong, Flyte must get an error document
      failure = ErrorClassifier.classifyPlatform(e);
    }
    String summary = oneLine(failure.code() + " (" + failure.kind() + "): "
        + ErrorDocuments.summary(failure.cause(), scrubber));
    if (arguments.dryRun()) {
      stderr.println("preflyte-execute --test: " + summary);
      return EXIT_FAILED;
    }
    String errorUri = join(arguments.outputPrefix(), "error.pb");
    try {
      ErrorDocument document = ErrorDocuments.of(failure, scrubber, flyte.workerName(), clock.instant());
      storage.writeAtomically(errorUri, document.toByteArray());
    } catch (RuntimeException | LinkageError e) {
      stderr.println("preflyte-execute: cannot write " + errorUri + " (" + oneLine(scrubber.scrub(e.getMessage()))
          + ") after the task failed with " + summary);
      return EXIT_ERROR_NOT_WRITTEN;
    }
    stderr.println("preflyte-execute: task failed, " + errorUri + " written: " + summary);
    return flyte.failOnError() ? EXIT_FAILED : EXIT_OK;
  }

  private void execute(ExecuteArguments arguments, FlyteEnvironment flyte, SecretScrubber scrubber)
      throws IOException {
    TaskTemplate template = TemplateFileResolver.readTemplate(arguments.loaderArgs().get(0), storage);
    TaskExecutor executor = ExecutorRegistry.find(arguments.loaderArgs().get(1), loader);
    LiteralMap inputs = readInputs(arguments.inputs());
    if (arguments.dryRun()) {
      InterfaceCheck.check(inputs, template.getInterface().getInputs(), InterfaceMismatchException.Side.INPUT);
      return;
    }
    // Read before the task runs, so bad settings cost no work.
    OutputOffloading offloading = flyte.offloadsOutputs() ? OutputOffloading.fromEnvironment(environment) : null;
    Path workingDirectory = ScratchDirectories.create("preflyte-work-");
    Path defaultRawOutput = null;
    try {
      if (arguments.rawOutputPrefixIfGiven().isEmpty()) {
        defaultRawOutput = ScratchDirectories.create("preflyte-raw-");
      }
      String rawOutputPrefix = arguments.rawOutputPrefixIfGiven().orElse(String.valueOf(defaultRawOutput));
      TaskExecutionContext context = TaskExecutionContext.builder()
          .rawOutputPrefix(rawOutputPrefix)
          .workingDirectory(workingDirectory)
          .storage(storage)
          .executionId(flyte.executionId().orElse(null))
          .taskId(flyte.taskId(template.getId()))
          .attemptNumber(flyte.attemptNumber())
          .checkpointPrefix(arguments.checkpointPath())
          .previousCheckpointPrefix(arguments.previousCheckpoint())
          .secrets(new EnvironmentSecrets(environment, secretsDirectory, scrubber::remember), scrubber)
          .build();
      LiteralMap outputs = TaskInvocation.invoke(template, executor, inputs, context, scrubber);
      if (offloading != null) {
        outputs = offloading.offload(outputs, template.getInterface().getOutputs(), arguments.outputPrefix(), storage,
            scrubber);
      }
      storage.writeAtomically(join(arguments.outputPrefix(), "outputs.pb"), outputs.toByteArray());
    } finally {
      ScratchDirectories.deleteQuietly(workingDirectory);
      ScratchDirectories.deleteIfEmpty(defaultRawOutput);
    }
  }

  private LiteralMap readInputs(String uri) {
    byte[] bytes;
    try {
      bytes = storage.read(uri);
    } catch (StorageException e) {
      throw new StorageException("cannot read the task inputs " + uri + " (Flyte writes them for {{.input}}): "
          + e.getMessage(), e);
    }
    try {
      return LiteralMap.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new InputsLoadException(
          "the inputs " + uri + " (" + bytes.length + " bytes) are not a serialized LiteralMap: "
              + e.getMessage() + "; Flyte writes them for {{.input}}", e);
    }
  }

  /** {@code prefix/name}, with exactly one slash between. */
  static String join(String prefix, String name) {
    return prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
  }

  private static String oneLine(String text) {
    return String.valueOf(text).replace("\r", " ").replace("\n", " ");
  }
}
