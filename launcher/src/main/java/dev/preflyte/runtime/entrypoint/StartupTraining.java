package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.Container;
import dev.preflyte.idl.core.Identifier;
import dev.preflyte.idl.core.KeyValuePair;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.ResourceType;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.core.TypedInterface;
import dev.preflyte.idl.core.Variable;
import dev.preflyte.idl.core.VariableMap;
import dev.preflyte.runtime.custom.CustomCodecs;
import dev.preflyte.runtime.custom.CustomProperty;
import dev.preflyte.runtime.custom.CustomStruct;
import dev.preflyte.runtime.executor.EnvironmentSecrets;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;
import dev.preflyte.runtime.executor.TaskInputs;
import dev.preflyte.runtime.executor.TaskOutputs;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import dev.preflyte.runtime.storage.Storages;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run of {@code bin/preflyte-train}: a JVM started with {@code -XX:AOTCacheOutput}
 * (JDK 25) or {@code -XX:ArchiveClassesAtExit} records the classes {@code preflyte-execute} needs
 * into its start-up archive. It runs a synthetic task through {@link ExecuteCommand} on local files,
 * once successfully and once failing, whose executor does what a generated one does (configuration
 * from {@code custom}, typed inputs and outputs through the literal codecs); then every task type on
 * the class path once ({@link TaskTypeTraining}). Its own task is registered in a temporary
 * directory, never on the class path.
 *
 * <p>Arguments: {@code [--unarchived-class-path PATHS]}, class path entries the JVM cannot archive
 * (folders), loaded here so their task types are trained all the same; {@code [--inputs DIR]}, the
 * {@link TrainingInputs} on which declared tasks run for real.
 *
 * <p>Prints one line: {@code preflyte-train: trained ...}; on failure {@code preflyte-train: ...}
 * naming the task on stderr, and exits 1.
 */
public final class StartupTraining {

  private static final String TASK = "dev.preflyte.runtime.entrypoint.StartupTraining$Sum";
  private static final String UNARCHIVED_CLASS_PATH = "--unarchived-class-path";
  private static final String INPUTS = "--inputs";

  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    LoggingHeadStart.begin(System.getProperties()); // as a run starts, so its classes are archived too
    Map<String, String> options;
    ClassLoader loader;
    try {
      options = options(args);
      loader = classLoader(options.get(UNARCHIVED_CLASS_PATH));
    } catch (IllegalArgumentException e) {
      System.err.println("preflyte-train: " + e.getMessage());
      System.exit(2);
      return;
    }
    TaskTypeTraining.Trained trained;
    try {
      // Read first, so that a bad file stops the training before any of it runs.
      String inputsFolder = options.get(INPUTS);
      TrainingInputs inputs = inputsFolder == null ? TrainingInputs.none() : TrainingInputs.read(Path.of(inputsFolder));
      // The entrypoint itself (its output scrubbing), as the JVM's launcher calls it.
      if (PreflyteExecute.run(new String[] {"--help"}) != 0) {
        throw new TrainingException("preflyte-execute --help failed: rebuild the distribution");
      }
      trainSyntheticTask();
      trained = TaskTypeTraining.trainAll(loader, inputs);
    } catch (TrainingException e) {
      System.err.println("preflyte-train: " + e.getMessage().replace('\n', ' '));
      System.exit(1);
      return;
    }
    List<String> types = trained.executors();
    System.out.println("preflyte-train: trained " + (types.isEmpty()
        ? "the runtime only (no task types on the class path)"
        : types.size() + " task type" + (types.size() == 1 ? "" : "s") + " " + types)
        + (trained.onInputs().isEmpty() ? "" : ", and ran " + trained.onInputs() + " on their training inputs"));
    // How every run ends, so its classes are archived too: the verdict marker (with no marker
    // named, reached() only loads the class), then System.exit, which looks up the JDK's logger of
    // runtime exits.
    VerdictMarker.reached(Map.of());
    System.exit(0);
  }

  /** The options given, each once, each with its value. */
  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!(args[i].equals(UNARCHIVED_CLASS_PATH) || args[i].equals(INPUTS)) || i + 1 == args.length
          || options.put(args[i], args[i + 1]) != null) {
        throw new IllegalArgumentException("unknown arguments " + List.of(args)
            + ": StartupTraining [" + UNARCHIVED_CLASS_PATH + " PATHS] [" + INPUTS + " DIR]");
      }
    }
    return options;
  }

  private static ClassLoader classLoader(String unarchivedClassPath) throws IOException {
    ClassLoader application = StartupTraining.class.getClassLoader();
    if (unarchivedClassPath == null) {
      return application;
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : unarchivedClassPath.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), application);
  }

  private static void trainSyntheticTask() throws IOException {
    Path dir = ScratchDirectories.create("preflyte-training-");
    try {
      Path registrations = dir.resolve("classes");
      Path registration = registrations.resolve(ExecutorRegistry.RESOURCE_DIRECTORY + TASK);
      Files.createDirectories(registration.getParent());
      Files.writeString(registration, SumExecutor.class.getName() + "\n");
      Files.write(dir.resolve("task.pb"), template().toByteArray());
      Files.write(dir.resolve("inputs.pb"), LiteralMap.newBuilder()
          .putLiterals("a", integer(1)).putLiterals("b", integer(2)).build().toByteArray());
      try (URLClassLoader loader = new URLClassLoader(new URL[] {registrations.toUri().toURL()},
          StartupTraining.class.getClassLoader())) {
        int ok = run(dir, loader, TASK, "ok", List.of());
        int failed = run(dir, loader, "dev.preflyte.runtime.entrypoint.StartupTraining$Unknown", "failed", List.of());
        if (ok != 0 || failed != 0 || !Files.exists(dir.resolve("ok/outputs.pb"))
            || !Files.exists(dir.resolve("failed/error.pb"))) {
          throw new TrainingException(
              "the runtime's own training task did not run as preflyte-execute must: rebuild the distribution");
        }
      }
    } finally {
      ScratchDirectories.deleteQuietly(dir);
    }
  }

  /**
   * Runs {@code task.pb} and {@code inputs.pb} in {@code dir} as preflyte-execute would, the inputs
   * also reading data in {@code dataFolders}.
   */
  static int run(Path dir, ClassLoader loader, String task, String output, List<Path> dataFolders) {
    try (Storages storage = StandardStorage.create()) {
      ExecuteCommand command = new ExecuteCommand(Map.of(), storage, loader,
          new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), InstantSource.system(),
          EnvironmentSecrets.DEFAULT_DIRECTORY).readingDataAlsoFrom(dataFolders);
      // The guard preflyte-execute installs around every run: its classes go into the archive too.
      ShutdownGuard guard = ShutdownGuard.install(command, Map.of(),
          new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), () -> { });
      int status = command.run(new String[] {
        "--inputs", dir.resolve("inputs.pb").toString(),
        "--output-prefix", dir.resolve(output).toString(),
        "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}",
        "--resolver", TemplateFileResolver.NAME,
        "--", dir.resolve("task.pb").toString(), task});
      guard.exitingWith(status);
      return status;
    }
  }

  private static TaskTemplate template() {
    LiteralType integer = LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();
    Variable variable = Variable.newBuilder().setType(integer).build();
    return TaskTemplate.newBuilder()
        .setId(Identifier.newBuilder().setResourceType(ResourceType.TASK).setName(TASK).setVersion("training"))
        .setType("training")
        .setCustom(SumConfig.CUSTOM.encodeStruct(new SumConfig(0, List.of())))
        .setContainer(Container.newBuilder().setImage("training").addArgs("preflyte-execute")
            .addEnv(KeyValuePair.newBuilder().setKey("K").setValue("V")))
        .setInterface(TypedInterface.newBuilder()
            .setInputs(VariableMap.newBuilder().putVariables("a", variable).putVariables("b", variable))
            .setOutputs(VariableMap.newBuilder().putVariables("sum", variable)))
        .build();
  }

  private static Literal integer(long value) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder()
        .setPrimitive(Primitive.newBuilder().setInteger(value))).build();
  }

  /** The training task's configuration, described as generated code describes one. */
  record SumConfig(long offset, List<String> labels) {
    private static final CustomProperty<SumConfig, Long> OFFSET =
        CustomProperty.required("offset", CustomCodecs.int64(), SumConfig::offset);
    private static final CustomProperty<SumConfig, List<String>> LABELS =
        CustomProperty.of("labels", CustomCodecs.listOf(CustomCodecs.string()), SumConfig::labels);
    static final CustomStruct<SumConfig> CUSTOM =
        CustomStruct.of(fields -> new SumConfig(fields.get(OFFSET), fields.get(LABELS)), OFFSET, LABELS);
  }

  /** The training task's executor: adds a, b and the configured offset, as generated code would. */
  public static final class SumExecutor implements TaskExecutor {
    private static final LiteralCodec<Long> INTEGER = LiteralCodecs.int64();

    @Override
    public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
      SumConfig config = SumConfig.CUSTOM.decodeStruct(template.getCustom());
      TaskInputs in = TaskInputs.of(inputs, template.getInterface().getInputs(), context);
      long sum = in.get("a", INTEGER) + in.get("b", INTEGER) + config.offset() + config.labels().size();
      return TaskOutputs.create().put("sum", INTEGER, sum).toLiteralMap(context);
    }
  }
}
