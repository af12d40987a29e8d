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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

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
  private final InstantSource clock;
  private final Path secretsDirectory;
  private final SecretScrubber scrubber;
  /** Data directories beyond the run's own folders: a training run's inputs folder. */
  private List<Path> moreDataDirectories = List.of();
  /**
   * Who writes the verdict: the run itself (outputs.pb, or error.pb when it fails, even after a failed
   * outputs.pb), or the shutdown hook when the JVM ends under it. The first to claim it keeps it.
   */
  private final AtomicReference<Thread> verdictWriter = new AtomicReference<>();
  /** Set on SIGTERM / SIGINT: from then on nothing is written, not even by a run that claimed the verdict. */
  private volatile boolean stopping;
  private volatile ExecuteArguments running;
  private volatile ScratchDirectory workingDirectory;
  private volatile ScratchDirectory defaultRawOutput;

  /**
   * @param environment the process environment ({@code FLYTE_*}, secrets)
   * @param storage storage for every URI the flags name
   * @param loader where executors are looked up
   * @param stderr where the one-line diagnostics go
   * @param clock the time stamped into error documents (an InstantSource: the system one needs no time zone
   *     data, which Clock.systemUTC() initializes on every start)
   * @param secretsDirectory where mounted secret files live unless FLYTE_SECRETS_DEFAULT_DIR says otherwise
   */
  public ExecuteCommand(Map<String, String> environment, Storage storage, ClassLoader loader, PrintStream stderr,
      InstantSource clock, Path secretsDirectory) {
    this(environment, storage, loader, stderr, clock, secretsDirectory, new SecretScrubber());
  }

  /**
   * Like the other constructor, with the scrubber that learns every secret value the run hands out
   * (so that the caller can scrub the process's own output streams with it too).
   */
  public ExecuteCommand(Map<String, String> environment, Storage storage, ClassLoader loader, PrintStream stderr,
      InstantSource clock, Path secretsDirectory, SecretScrubber scrubber) {
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.storage = Objects.requireNonNull(storage, "storage");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.stderr = Objects.requireNonNull(stderr, "stderr");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.secretsDirectory = Objects.requireNonNull(secretsDirectory, "secretsDirectory");
  }

  /**
   * Lets the inputs also name local data in {@code directories}, for a training run whose inputs
   * name data in their own folder; preflyte-execute reads only from the run's own folders.
   */
  ExecuteCommand readingDataAlsoFrom(List<Path> directories) {
    moreDataDirectories = List.copyOf(directories);
    return this;
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
    ContainerSecrets.rememberAll(environment, secretsDirectory, scrubber); // before the task can print
    running = arguments;
    try {
      return runParsed(arguments, flyte);
    } finally {
      running = null;
    }
  }

  /** Whether a run is under way: parsed and not yet returned. */
  boolean isRunning() {
    return running != null;
  }

  private int runParsed(ExecuteArguments arguments, FlyteEnvironment flyte) {
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
    if (!claimVerdict()) {
      return EXIT_FAILED; // being stopped: nothing more is written
    }
    return writeError(arguments, flyte, failure, summary);
  }

  private int writeError(ExecuteArguments arguments, FlyteEnvironment flyte, TaskFailure failure, String summary) {
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
    workingDirectory = new ScratchDirectory("preflyte-work-");
    try {
      String rawOutputPrefix;
      if (arguments.rawOutputPrefixIfGiven().isPresent()) {
        rawOutputPrefix = arguments.rawOutputPrefixIfGiven().get();
      } else {
        defaultRawOutput = new ScratchDirectory("preflyte-raw-");
        rawOutputPrefix = defaultRawOutput.get().toString(); // created now: the prefix names it
      }
      inputLocations(arguments).check(inputs);
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
      if (claimVerdict()) {
        storage.writeAtomically(join(arguments.outputPrefix(), "outputs.pb"), outputs.toByteArray());
      }
    } finally {
      removeScratch();
    }
  }

  /**
   * The JVM is ending before {@link #run} returned: task code called System.exit, or the process got
   * a signal ({@code stopped}). Writes error.pb for the former, nothing for the latter (and keeps the
   * run from writing anything more), and removes the run's scratch files either way.
   *
   * @return the exit status the contract asks for once error.pb is written (0, or 1 with
   *     FLYTE_FAIL_ON_ERROR), or -1 when nothing was written
   */
  int shutDown(boolean stopped) {
    stopping |= stopped;
    ExecuteArguments arguments = running;
    int status = -1;
    if (arguments != null && claimVerdict() && !stopped && !arguments.dryRun()) {
      FlyteEnvironment flyte = new FlyteEnvironment(environment);
      TaskFailure failure = ErrorClassifier.exitedByTask(new IllegalStateException(
          "task code ended the JVM (System.exit) before the executor returned its outputs: return them, or throw"
              + " an exception to fail the task"));
      int written = writeError(arguments, flyte, failure, failure.code() + ": task code called System.exit");
      status = written == EXIT_ERROR_NOT_WRITTEN ? -1 : written;
    }
    removeScratch();
    if (arguments != null) {
      removePartialFiles(InputLocations.localPath(arguments.outputPrefix()));
      arguments.rawOutputPrefixIfGiven().ifPresent(raw -> removePartialFiles(InputLocations.localPath(raw)));
    }
    return status;
  }

  /** Whether the calling thread may write the verdict: it claimed it now or before. */
  private boolean claimVerdict() {
    if (stopping) {
      return false;
    }
    Thread self = Thread.currentThread();
    return verdictWriter.compareAndExchange(null, self) == null || verdictWriter.get() == self;
  }

  private void removeScratch() {
    ScratchDirectory working = workingDirectory;
    if (working != null) {
      working.remove();
    }
    ScratchDirectory raw = defaultRawOutput;
    if (raw != null) {
      raw.removeIfEmpty();
    }
  }

  /** The hidden {@code .<name>.<id>.partial} siblings local writes go through, left by a cut-short write. */
  private static void removePartialFiles(Path directory) {
    if (directory == null || !Files.isDirectory(directory)) {
      return;
    }
    try (DirectoryStream<Path> partials = Files.newDirectoryStream(directory, ".*.partial")) {
      for (Path partial : partials) {
        Files.deleteIfExists(partial);
      }
    } catch (IOException | RuntimeException e) {
      // The container is ending; what cannot be removed stays.
    }
  }

  /** Where the inputs may point: the run's own local data directories, never the secrets mount. */
  private InputLocations inputLocations(ExecuteArguments arguments) {
    List<Path> allowed = new ArrayList<>();
    Path inputs = InputLocations.localPath(arguments.inputs());
    if (inputs != null) {
      allowed.add(inputs.getParent());
    }
    allowed.add(InputLocations.localPath(arguments.outputPrefix()));
    arguments.rawOutputPrefixIfGiven().ifPresent(raw -> allowed.add(InputLocations.localPath(raw)));
    allowed.add(InputLocations.localPath(arguments.checkpointPath()));
    allowed.add(InputLocations.localPath(arguments.previousCheckpoint()));
    if (defaultRawOutput != null) {
      allowed.add(defaultRawOutput.get());
    }
    allowed.addAll(moreDataDirectories);
    String secrets = environment.get("FLYTE_SECRETS_DEFAULT_DIR");
    List<Path> forbidden = List.of(
        secrets == null || secrets.isBlank() ? secretsDirectory : Path.of(secrets.strip()),
        Path.of("/proc"), Path.of("/dev"), Path.of("/sys"), Path.of("/run/secrets"), Path.of("/var/run/secrets"));
    return new InputLocations(allowed, forbidden);
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
    } catch (InvalidProtocolBufferException | StackOverflowError e) { // StackOverflowError: nested too deep
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
