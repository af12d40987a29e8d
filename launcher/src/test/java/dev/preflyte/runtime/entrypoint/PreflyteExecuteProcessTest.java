package dev.preflyte.runtime.entrypoint;

import static dev.preflyte.runtime.entrypoint.tasks.Templates.PACKAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.entrypoint.tasks.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code PreflyteExecute} as its own JVM on local files, as Flyte's container would. */
class PreflyteExecuteProcessTest {

  private static final String MAIN = PreflyteExecute.class.getName();

  @TempDir Path dir;
  private Path outputs;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() {
    outputs = dir.resolve("out/0");
    env.put("FLYTE_SECRETS_DEFAULT_DIR", dir.resolve("no-secrets").toString());
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private List<String> args(TaskTemplate template, LiteralMap inputs, String executorName, String... extra)
      throws IOException {
    Path templateFile = write("task.pb", template.toByteArray());
    Path inputsFile = write("inputs.pb", inputs.toByteArray());
    List<String> args = new ArrayList<>(List.of(
        "--inputs", inputsFile.toString(),
        "--output-prefix", outputs.toString(),
        "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}",
        "--checkpoint-path", "{{.checkpointOutputPrefix}}",
        "--prev-checkpoint", "\"\"",
        "--resolver", TemplateFileResolver.NAME));
    args.addAll(List.of(extra));
    args.addAll(List.of("--", templateFile.toString(), executorName));
    return args;
  }

  private static LiteralMap sumInputs(long a, long b) {
    return LiteralMap.newBuilder().putLiterals("a", Literals.integer(a)).putLiterals("b", Literals.integer(b)).build();
  }

  private JavaProcess.Result execute(List<String> args) throws Exception {
    return JavaProcess.java(dir, env, MAIN, args);
  }

  private ContainerError error() throws IOException {
    Path file = outputs.resolve("error.pb");
    assertTrue(Files.exists(file), "error.pb was not written");
    assertFalse(Files.exists(outputs.resolve("outputs.pb")), "outputs.pb must not be written on failure");
    return ErrorDocument.parseFrom(Files.readAllBytes(file)).getError();
  }

  private static void assertClassified(ContainerError error, String code, ContainerError.Kind kind,
      ExecutionError.ErrorKind origin) {
    assertEquals(code, error.getCode(), error.getMessage());
    assertEquals(kind, error.getKind(), error.getMessage());
    assertEquals(origin, error.getOrigin(), error.getMessage());
    assertTrue(error.getTimestamp().getSeconds() > 0, "timestamp");
    assertFalse(error.getWorker().isBlank(), "worker");
  }

  @Test
  void sumTaskWritesOutputs() throws Exception {
    JavaProcess.Result result = execute(args(Templates.sum(PACKAGE + "Sum"), sumInputs(2, 3), PACKAGE + "Sum"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("", result.stderr());
    LiteralMap written = LiteralMap.parseFrom(Files.readAllBytes(outputs.resolve("outputs.pb")));
    assertEquals(LiteralMap.newBuilder().putLiterals("sum", Literals.integer(5)).build(), written);
    assertFalse(Files.exists(outputs.resolve("error.pb")));
  }

  /**
   * The model is lite so that a run builds no protobuf descriptor (BENCHMARKS.md, "The lite model"):
   * a template with {@code custom}, string literals in and out, and still no descriptor, no
   * descriptor.proto and no version check is initialized anywhere in the JVM.
   */
  @Test
  void aRunBuildsNoProtobufDescriptor() throws Exception {
    TaskTemplate template = Templates.template(PACKAGE + "CustomEcho", Map.of("name", Literals.simple(SimpleType.STRING)),
        Map.of("message", Literals.simple(SimpleType.STRING))).toBuilder()
        .setCustom(Struct.newBuilder().putFields("greeting", Value.newBuilder().setStringValue("Hello").build()))
        .build();
    LiteralMap inputs = LiteralMap.newBuilder().putLiterals("name", Literals.string("Ada")).build();
    Path log = dir.resolve("class-init.log");

    JavaProcess.Result result = JavaProcess.java(dir, env, List.of("-Xlog:class+init=info:file=" + log),
        MAIN, args(template, inputs, PACKAGE + "CustomEcho"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(LiteralMap.newBuilder().putLiterals("message", Literals.string("Hello, Ada")).build(),
        LiteralMap.parseFrom(Files.readAllBytes(outputs.resolve("outputs.pb"))));
    String initialized = Files.readString(log);
    assertTrue(initialized.contains("Initializing 'dev/preflyte/idl/protobuf/Struct'"), "the log lists the run's classes");
    for (String descriptorClass : List.of("com/google/protobuf/Descriptors$FileDescriptor",
        "com/google/protobuf/DescriptorProtos", "com/google/protobuf/RuntimeVersion", "dev/preflyte/idl/ModelDescriptors")) {
      assertFalse(initialized.contains("Initializing '" + descriptorClass + "'"), descriptorClass + " was initialized");
    }
  }

  @Test
  void taskWithoutOutputsWritesAnEmptyLiteralMap() throws Exception {
    JavaProcess.Result result = execute(args(Templates.noInterface(PACKAGE + "Provided"),
        LiteralMap.getDefaultInstance(), PACKAGE + "Provided"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(0, Files.size(outputs.resolve("outputs.pb")));
  }

  @Test
  void userExceptionIsUserNonRecoverableAndExitsZero() throws Exception {
    JavaProcess.Result result = execute(args(Templates.sum(PACKAGE + "Failing"), sumInputs(1, 2), PACKAGE + "Failing"));

    assertEquals(0, result.exitCode(), result.stderr());
    ContainerError error = error();
    assertClassified(error, "USER:IllegalStateException", ContainerError.Kind.NON_RECOVERABLE,
        ExecutionError.ErrorKind.USER);
    assertTrue(error.getMessage().startsWith("java.lang.IllegalStateException: no such table: orders"),
        error.getMessage());
    assertTrue(error.getMessage().contains("at " + PACKAGE + "FailingExecutor.executeFromModel"), "stack trace");
    assertEquals(1, result.stderrLines().size(), result.stderr());
  }

  @Test
  void failOnErrorExitsOneAfterWritingTheErrorDocument() throws Exception {
    env.put("FLYTE_FAIL_ON_ERROR", "True");
    JavaProcess.Result result = execute(args(Templates.sum(PACKAGE + "Failing"), sumInputs(1, 2), PACKAGE + "Failing"));

    assertEquals(1, result.exitCode(), result.stderr());
    assertEquals("USER:IllegalStateException", error().getCode());
  }

  @Test
  void failOnErrorOtherThanTrueKeepsExitZero() throws Exception {
    env.put("FLYTE_FAIL_ON_ERROR", "yes");
    JavaProcess.Result result = execute(args(Templates.sum(PACKAGE + "Failing"), sumInputs(1, 2), PACKAGE + "Failing"));

    assertEquals(0, result.exitCode(), result.stderr());
  }

  @Test
  void recoverableExceptionIsUserRecoverable() throws Exception {
    execute(args(Templates.sum(PACKAGE + "Flaky"), sumInputs(1, 2), PACKAGE + "Flaky"));

    ContainerError error = error();
    assertClassified(error, "USER:Recoverable", ContainerError.Kind.RECOVERABLE, ExecutionError.ErrorKind.USER);
    assertTrue(error.getMessage().contains("database is busy"), error.getMessage());
  }

  @Test
  void storageFailureInsideTaskCodeIsSystemRecoverable() throws Exception {
    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("uri", Literals.string(dir.resolve("absent.db").toString())).build();
    execute(args(Templates.readsStorage(), inputs, PACKAGE + "ReadsStorage"));

    ContainerError error = error();
    assertClassified(error, "SYSTEM:Storage", ContainerError.Kind.RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
    assertTrue(error.getMessage().contains("StorageException"), error.getMessage());
  }

  @Test
  void wrongOutputsAreAUserErrorAndNothingIsWritten() throws Exception {
    execute(args(Templates.sum(PACKAGE + "WrongOutputs"), sumInputs(1, 2), PACKAGE + "WrongOutputs"));

    ContainerError error = error();
    assertClassified(error, "USER:OutputMismatch", ContainerError.Kind.NON_RECOVERABLE,
        ExecutionError.ErrorKind.USER);
    assertTrue(error.getMessage().contains("output 'sum': expected INTEGER, got STRING \"three\""), error.getMessage());
  }

  @Test
  void mistypedInputIsAUserError() throws Exception {
    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("a", Literals.integer(1)).putLiterals("b", Literals.string("two")).build();
    execute(args(Templates.sum(PACKAGE + "Sum"), inputs, PACKAGE + "Sum"));

    ContainerError error = error();
    assertClassified(error, "USER:InputMismatch", ContainerError.Kind.NON_RECOVERABLE,
        ExecutionError.ErrorKind.USER);
    assertTrue(error.getMessage().contains("input 'b': expected INTEGER, got STRING \"two\""), error.getMessage());
  }

  @Test
  void missingInputIsAUserError() throws Exception {
    LiteralMap inputs = LiteralMap.newBuilder().putLiterals("a", Literals.integer(1)).build();
    execute(args(Templates.sum(PACKAGE + "Sum"), inputs, PACKAGE + "Sum"));

    ContainerError error = error();
    assertEquals("USER:InputMismatch", error.getCode());
    assertTrue(error.getMessage().contains("input 'b' is declared by the task but missing"), error.getMessage());
  }

  @Test
  void secretValuesNeverReachTheErrorDocumentOrTheLog() throws Exception {
    String secret = "hunter2-Zq81";
    env.put("_FSEC_DB_PASSWORD", secret + "\n");
    JavaProcess.Result result = execute(args(Templates.noInterface(PACKAGE + "LeaksSecret"),
        LiteralMap.getDefaultInstance(), PACKAGE + "LeaksSecret"));

    ContainerError error = error();
    assertEquals("USER:IllegalArgumentException", error.getCode());
    assertFalse(error.getMessage().contains(secret), error.getMessage());
    assertTrue(error.getMessage().contains("login failed for password ****"), error.getMessage());
    assertTrue(error.getMessage().contains("bad password '****'"), "the cause is scrubbed too");
    assertFalse(result.stderr().contains(secret), result.stderr());
    assertTrue(result.stderr().contains("connecting with password ****"), "the task's log line: " + result.stderr());
  }

  @Test
  void secretsPrintedByTheTaskAreScrubbedFromItsOutput() throws Exception {
    String secret = "pr1nted-Secret-4411";
    env.put("_FSEC_DB_PASSWORD", secret);
    JavaProcess.Result result = execute(args(Templates.noInterface(PACKAGE + "PrintsSecret"),
        LiteralMap.getDefaultInstance(), PACKAGE + "PrintsSecret"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertFalse(result.stdout().contains(secret), result.stdout());
    assertFalse(result.stderr().contains(secret), result.stderr());
    assertTrue(result.stdout().contains("password=****"), result.stdout());
    assertTrue(result.stderr().contains("retrying with ****"), "a secret split over two writes: " + result.stderr());
    assertTrue(result.stderr().contains("unterminated ****"), result.stderr());
  }

  @Test
  void secretFromFileIsScrubbedToo() throws Exception {
    Path secrets = dir.resolve("secrets");
    Files.createDirectories(secrets.resolve("db"));
    Files.writeString(secrets.resolve("db/password"), "file-secret-77\n");
    env.put("FLYTE_SECRETS_DEFAULT_DIR", secrets.toString());
    execute(args(Templates.noInterface(PACKAGE + "LeaksSecret"), LiteralMap.getDefaultInstance(),
        PACKAGE + "LeaksSecret"));

    ContainerError error = error();
    assertFalse(error.getMessage().contains("file-secret-77"), error.getMessage());
    assertTrue(error.getMessage().contains("password ****"), error.getMessage());
  }

  @Test
  void missingSecretNamesWhereItLooked() throws Exception {
    execute(args(Templates.noInterface(PACKAGE + "LeaksSecret"), LiteralMap.getDefaultInstance(),
        PACKAGE + "LeaksSecret"));

    ContainerError error = error();
    assertEquals("USER:MissingSecretException", error.getCode());
    assertTrue(error.getMessage().contains("_FSEC_DB_PASSWORD"), error.getMessage());
  }

  @Test
  void placeholdersAndEmptyCheckpointCountAsNotGivenAndFlyteEnvironmentReachesTheContext() throws Exception {
    env.put("FLYTE_INTERNAL_EXECUTION_ID", "f3a1");
    env.put("FLYTE_INTERNAL_EXECUTION_PROJECT", "proj");
    env.put("FLYTE_INTERNAL_EXECUTION_DOMAIN", "dev");
    env.put("FLYTE_INTERNAL_TASK_NAME", "renamed");
    env.put("FLYTE_INTERNAL_TASK_VERSION", "v7");
    env.put("FLYTE_ATTEMPT_NUMBER", "2");
    JavaProcess.Result result = execute(args(Templates.contextProbe(), LiteralMap.getDefaultInstance(),
        PACKAGE + "ContextProbe"));

    assertEquals(0, result.exitCode(), result.stderr());
    Map<String, String> values = strings(LiteralMap.parseFrom(Files.readAllBytes(outputs.resolve("outputs.pb"))));
    assertEquals("proj/dev/f3a1", values.get("execution"));
    assertEquals("flytesnacks/development/renamed@v7", values.get("task"));
    assertEquals("2", values.get("attempt"));
    assertEquals("none", values.get("checkpoint"));
    assertEquals("none", values.get("previous"));
    assertFalse(values.get("raw").contains("{{"), values.get("raw"));
    assertFalse(values.get("raw").endsWith("(missing)"), "a local raw output directory is made: " + values.get("raw"));
    assertFalse(Files.exists(Path.of(values.get("raw"))), "and removed when nothing was written to it");
    assertFalse(values.get("workdir").endsWith("(missing)"), "the working directory exists while the task runs");
    assertFalse(Files.exists(Path.of(values.get("workdir"))), "the working directory is deleted afterwards");
  }

  @Test
  void renderedPrefixesReachTheContext() throws Exception {
    Path raw = dir.resolve("raw");
    List<String> args = args(Templates.contextProbe(), LiteralMap.getDefaultInstance(), PACKAGE + "ContextProbe");
    args.set(args.indexOf("{{.rawOutputDataPrefix}}"), raw.toString());
    args.set(args.indexOf("{{.checkpointOutputPrefix}}"), "s3://bucket/ck/1");
    args.set(args.indexOf("\"\""), "s3://bucket/ck/0");
    JavaProcess.Result result = execute(args);

    assertEquals(0, result.exitCode(), result.stderr());
    Map<String, String> values = strings(LiteralMap.parseFrom(Files.readAllBytes(outputs.resolve("outputs.pb"))));
    assertEquals(raw + " (missing)", values.get("raw"), "a given prefix is passed on as is, not created");
    assertEquals("s3://bucket/ck/1", values.get("checkpoint"));
    assertEquals("s3://bucket/ck/0", values.get("previous"));
    assertEquals("none", values.get("execution"));
  }

  @Test
  void dryRunChecksEverythingAndWritesNothing() throws Exception {
    JavaProcess.Result result = execute(args(Templates.sum(PACKAGE + "Failing"), sumInputs(1, 2), PACKAGE + "Failing",
        "--test"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertFalse(Files.exists(outputs), "a dry run writes nothing");
  }

  @Test
  void dryRunWithBadInputsFailsWithOneLineAndWritesNothing() throws Exception {
    LiteralMap inputs = LiteralMap.newBuilder().putLiterals("a", Literals.integer(1)).build();
    JavaProcess.Result result = execute(args(Templates.sum(PACKAGE + "Sum"), inputs, PACKAGE + "Sum", "--test"));

    assertEquals(1, result.exitCode());
    assertEquals(1, result.stderrLines().size(), result.stderr());
    assertTrue(result.stderr().contains("USER:InputMismatch"), result.stderr());
    assertFalse(Files.exists(outputs));
  }

  @Test
  void unknownExecutorNameListsTheRegisteredOnes() throws Exception {
    execute(args(Templates.sum("com.acme.Nope"), sumInputs(1, 2), "com.acme.Nope"));

    ContainerError error = error();
    assertClassified(error, "SYSTEM:ExecutorLoad", ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
    String firstLine = error.getMessage().lines().findFirst().orElseThrow();
    assertTrue(firstLine.contains("no executor is registered under the name 'com.acme.Nope'"), firstLine);
    assertTrue(firstLine.contains(PACKAGE + "Sum") && firstLine.contains(PACKAGE + "Failing"), firstLine);
    assertTrue(firstLine.contains(PACKAGE + "Provided"), "service providers are listed too: " + firstLine);
    assertTrue(firstLine.contains("preflyte-processor") && firstLine.contains("PREFLYTE_CLASSPATH"), firstLine);
  }

  @Test
  void registrationOfAMissingClassIsAnExecutorLoadError() throws Exception {
    execute(args(Templates.sum(PACKAGE + "Gone"), sumInputs(1, 2), PACKAGE + "Gone"));

    ContainerError error = error();
    assertEquals("SYSTEM:ExecutorLoad", error.getCode());
    assertTrue(error.getMessage().contains("executor class " + PACKAGE + "GoneExecutor registered under '"
        + PACKAGE + "Gone'"), error.getMessage());
  }

  @Test
  void missingInputsFileIsASystemStorageError() throws Exception {
    List<String> args = args(Templates.sum(PACKAGE + "Sum"), sumInputs(1, 2), PACKAGE + "Sum");
    Files.delete(dir.resolve("inputs.pb"));
    execute(args);

    ContainerError error = error();
    assertClassified(error, "SYSTEM:Storage", ContainerError.Kind.RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
    String firstLine = error.getMessage().lines().findFirst().orElseThrow();
    assertTrue(firstLine.contains("cannot read the task inputs " + dir.resolve("inputs.pb")), firstLine);
  }

  @Test
  void corruptedTemplateIsASystemTemplateLoadError() throws Exception {
    List<String> args = args(Templates.sum(PACKAGE + "Sum"), sumInputs(1, 2), PACKAGE + "Sum");
    byte[] template = Files.readAllBytes(dir.resolve("task.pb"));
    Files.write(dir.resolve("task.pb"), java.util.Arrays.copyOf(template, template.length / 2));
    execute(args);

    ContainerError error = error();
    assertClassified(error, "SYSTEM:TemplateLoad", ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
    assertTrue(error.getMessage().contains("task.pb"), error.getMessage());
  }

  @Test
  void missingTemplateIsASystemTemplateLoadError() throws Exception {
    List<String> args = args(Templates.sum(PACKAGE + "Sum"), sumInputs(1, 2), PACKAGE + "Sum");
    Files.delete(dir.resolve("task.pb"));
    execute(args);

    assertEquals("SYSTEM:TemplateLoad", error().getCode());
  }

  @Test
  void unwritableErrorDocumentExitsNonZeroWithOneLine() throws Exception {
    Path blocker = write("blocker", new byte[] {1});
    outputs = blocker.resolve("0"); // a path below a regular file cannot be created
    JavaProcess.Result result = execute(args(Templates.sum(PACKAGE + "Failing"), sumInputs(1, 2), PACKAGE + "Failing"));

    assertEquals(ExecuteCommand.EXIT_ERROR_NOT_WRITTEN, result.exitCode());
    assertEquals(1, result.stderrLines().size(), result.stderr());
    assertTrue(result.stderr().startsWith("preflyte-execute: cannot write " + outputs.resolve("error.pb")),
        result.stderr());
    assertTrue(result.stderr().contains("USER:IllegalStateException"), result.stderr());
  }

  @Test
  void unknownFlagIsAOneLineUsageError() throws Exception {
    JavaProcess.Result result = execute(args(Templates.sum(PACKAGE + "Sum"), sumInputs(1, 2), PACKAGE + "Sum",
        "--verbose"));

    assertEquals(ExecuteCommand.EXIT_USAGE, result.exitCode());
    assertEquals(1, result.stderrLines().size(), result.stderr());
    assertTrue(result.stderr().startsWith("preflyte-execute: unknown flag --verbose"), result.stderr());
    assertFalse(Files.exists(outputs));
  }

  @Test
  void missingRequiredFlagIsAOneLineUsageError() throws Exception {
    JavaProcess.Result result = execute(List.of("--output-prefix", outputs.toString(), "--", "t.pb", "x"));

    assertEquals(ExecuteCommand.EXIT_USAGE, result.exitCode());
    assertEquals(1, result.stderrLines().size(), result.stderr());
    assertTrue(result.stderr().contains("missing required flag --inputs"), result.stderr());
  }

  @Test
  void unknownResolverNamesTheSupportedOne() throws Exception {
    List<String> args = args(Templates.sum(PACKAGE + "Sum"), sumInputs(1, 2), PACKAGE + "Sum");
    args.set(args.indexOf(TemplateFileResolver.NAME), "flytekit.core.python_customized_container_task.default_task_template_resolver");
    JavaProcess.Result result = execute(args);

    assertEquals(ExecuteCommand.EXIT_USAGE, result.exitCode());
    assertEquals(1, result.stderrLines().size(), result.stderr());
    assertTrue(result.stderr().contains("supports only " + TemplateFileResolver.NAME), result.stderr());
  }

  @Test
  void cliExecuteSubcommandRunsTheTask() throws Exception {
    List<String> args = new ArrayList<>(List.of("execute"));
    args.addAll(args(Templates.sum(PACKAGE + "Sum"), sumInputs(40, 2), PACKAGE + "Sum"));
    JavaProcess.Result result = JavaProcess.java(dir, env, PreflyteCli.class.getName(), args);

    assertEquals(0, result.exitCode(), result.stderr());
    LiteralMap written = LiteralMap.parseFrom(Files.readAllBytes(outputs.resolve("outputs.pb")));
    assertEquals(42, written.getLiteralsOrThrow("sum").getScalar().getPrimitive().getInteger());
  }

  @Test
  void helpPrintsTheUsage() throws Exception {
    JavaProcess.Result result = execute(List.of("--help"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(result.stdout().startsWith("usage: preflyte-execute --inputs URI --output-prefix URI"), result.stdout());
  }

  @Test
  void cliUnknownCommandIsAOneLineUsageError() throws Exception {
    JavaProcess.Result result = JavaProcess.java(dir, env, PreflyteCli.class.getName(), List.of("deploy"));

    assertEquals(ExecuteCommand.EXIT_USAGE, result.exitCode());
    assertEquals(1, result.stderrLines().size(), result.stderr());
    assertTrue(result.stderr().contains("unknown command 'deploy'"), result.stderr());
  }

  private static Map<String, String> strings(LiteralMap map) {
    Map<String, String> values = new HashMap<>();
    map.getLiteralsMap().forEach((k, v) -> values.put(k, v.getScalar().getPrimitive().getStringValue()));
    return values;
  }
}
