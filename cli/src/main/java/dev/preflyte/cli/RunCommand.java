package dev.preflyte.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.entrypoint.ErrorDocuments;
import dev.preflyte.runtime.entrypoint.ExecuteCommand;
import dev.preflyte.runtime.executor.EnvironmentSecrets;
import dev.preflyte.runtime.literal.LiteralContext;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.DeclaredTasks;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.Storages;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preflyte run NAME}: runs a declared task on this machine through {@code preflyte-execute}'s
 * own path, from the files a Flyte container is handed: {@code task.pb} and {@code inputs.pb} are
 * written, the executor is found by name, and {@code outputs.pb} or {@code error.pb} is read back.
 * Prints the outputs as JSON; exit code 1 when the task failed.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Preflyte.Version.class,
    description = "Runs a declared task locally, as its container would, and prints its outputs as JSON.")
final class RunCommand implements Callable<Integer> {

  @Parameters(paramLabel = "NAME", description = "The declared task's name, as 'preflyte tasks' lists it.")
  String name;

  @Option(names = "--input", paramLabel = "NAME=VALUE",
      description = "An input, typed from the task's interface; repeat for each.")
  Map<String, String> input = new LinkedHashMap<>();

  @Option(names = "--inputs", paramLabel = "FILE",
      description = "All inputs: a LiteralMap (.pb, as inputs.pb) or a JSON object (.json).")
  Path inputsFile;

  @Option(names = "--output-dir", paramLabel = "DIR",
      description = "Keeps task.pb, inputs.pb, outputs/outputs.pb or outputs/error.pb and raw/ here.")
  Path outputDir;

  @Mixin ClassPathOptions classPath;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (inputsFile != null && !input.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give --input or --inputs, not both");
    }
    ClassLoader loader = classPath.loader();
    DeclaredTask declared = DescribeCommand.find(DeclaredTasks.load(loader), name);
    PrebuiltContainerTask<?> task = declared.task();
    TaskTemplate template = declared.toTaskTemplate(RegistrationSettings.local());
    Path dir = outputDir != null ? prepared(outputDir) : Files.createTempDirectory("preflyte-run-");
    try (Storages storage = Storages.standard()) {
      LiteralMap inputs = inputs(template, dir, storage);
      Files.write(dir.resolve("task.pb"), template.toByteArray());
      Files.write(dir.resolve("inputs.pb"), inputs.toByteArray());
      ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
      int exit = new ExecuteCommand(System.getenv(), storage, loader,
          new PrintStream(diagnostics, true, StandardCharsets.UTF_8), Clock.systemUTC(),
          EnvironmentSecrets.DEFAULT_DIRECTORY).run(new String[] {
            "--inputs", dir.resolve("inputs.pb").toString(),
            "--output-prefix", dir.resolve("outputs").toString(),
            "--raw-output-data-prefix", dir.resolve("raw").toString(),
            "--", dir.resolve("task.pb").toString(), task.executorName()});
      return report(dir.resolve("outputs"), exit, diagnostics.toString(StandardCharsets.UTF_8));
    } finally {
      if (outputDir == null) {
        deleteTree(dir);
      }
    }
  }

  private LiteralMap inputs(TaskTemplate template, Path dir, Storage storage) throws IOException {
    TypedInputs typed = new TypedInputs(template.getInterface().getInputs().getVariablesMap(),
        LiteralContext.of(dir.resolve("raw").toString(), dir.resolve("work"), storage));
    if (inputsFile == null) {
      return typed.fromText(input);
    }
    if (!Files.isRegularFile(inputsFile)) {
      throw new CliException("--inputs " + inputsFile + " is not a readable file");
    }
    if (inputsFile.toString().endsWith(".json")) {
      return typed.fromJson(Files.readString(inputsFile), inputsFile.toString());
    }
    try {
      return LiteralMap.parseFrom(Files.readAllBytes(inputsFile));
    } catch (InvalidProtocolBufferException e) {
      throw new CliException("--inputs " + inputsFile + " is not a serialized LiteralMap (give .json for JSON): "
          + e.getMessage(), e);
    }
  }

  private int report(Path outputs, int exit, String diagnostics) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path error = outputs.resolve("error.pb");
    if (Files.exists(error)) {
      ErrorDocument document = ErrorDocument.parseFrom(Files.readAllBytes(error));
      err.println("preflyte: task failed: " + document.getError().getCode() + " (" + document.getError().getKind()
          + ", origin " + document.getError().getOrigin() + "): "
          + ErrorDocuments.firstLine(document.getError().getMessage()));
      err.flush();
      return 1;
    }
    if (exit != ExecuteCommand.EXIT_OK || !Files.exists(outputs.resolve("outputs.pb"))) {
      err.println("preflyte: " + diagnostics.strip().replace('\n', ' '));
      err.flush();
      return 1;
    }
    out.println(JsonText.of(LiteralMap.parseFrom(Files.readAllBytes(outputs.resolve("outputs.pb")))));
    out.flush();
    return 0;
  }

  /** {@code --output-dir}: a new or empty folder, so nothing of an earlier run is mistaken for this one's. */
  private static Path prepared(Path dir) throws IOException {
    if (Files.isRegularFile(dir)) {
      throw new CliException("--output-dir " + dir + " is a file: give a folder");
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new CliException("--output-dir " + dir + " is not empty: give a new or empty folder");
        }
      }
    }
    return Files.createDirectories(dir);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
