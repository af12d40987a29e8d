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
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Runs one task through {@link ExecuteCommand} on local files, once successfully and once failing, so
 * that a JVM started with {@code -XX:ArchiveClassesAtExit} records the classes {@code preflyte-execute}
 * needs into a class-data-sharing archive. The task's executor does what a generated one does
 * (configuration from {@code custom}, typed inputs and outputs through the literal codecs), so those
 * classes are in the archive too. Used at build time only; its task is registered in a temporary
 * directory, never on the class path.
 */
public final class StartupTraining {

  private static final String TASK = "dev.preflyte.runtime.entrypoint.StartupTraining$Sum";

  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
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
        int ok = run(dir, loader, TASK, "ok");
        int failed = run(dir, loader, "dev.preflyte.runtime.entrypoint.StartupTraining$Unknown", "failed");
        if (ok != 0 || failed != 0 || !Files.exists(dir.resolve("ok/outputs.pb"))
            || !Files.exists(dir.resolve("failed/error.pb"))) {
          throw new IllegalStateException("the training run did not behave as preflyte-execute must");
        }
      }
    } finally {
      ScratchDirectories.deleteQuietly(dir);
    }
  }

  private static int run(Path dir, ClassLoader loader, String task, String output) {
    try (Storages storage = StandardStorage.create()) {
      ExecuteCommand command = new ExecuteCommand(Map.of(), storage, loader,
          new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), Clock.systemUTC(),
          EnvironmentSecrets.DEFAULT_DIRECTORY);
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
