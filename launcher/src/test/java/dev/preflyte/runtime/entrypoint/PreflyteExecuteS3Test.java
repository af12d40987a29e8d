package dev.preflyte.runtime.entrypoint;

import static dev.preflyte.runtime.entrypoint.tasks.Templates.PACKAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.entrypoint.tasks.Templates;
import dev.preflyte.runtime.storage.Storages;
import dev.preflyte.runtime.testing.FaultProxy;
import dev.preflyte.runtime.testing.S3TestServer;
import java.time.Duration;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preflyte-execute} in its own JVM with template, inputs and outputs on a real S3 server. */
class PreflyteExecuteS3Test {

  private static final String MAIN = PreflyteExecute.class.getName();

  @TempDir Path dir;
  private S3TestServer s3;
  private Storages storage;
  private String prefix;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() {
    s3 = S3TestServer.shared();
    env.putAll(s3.environment());
    env.put("FLYTE_SECRETS_DEFAULT_DIR", dir.resolve("no-secrets").toString());
    storage = Storages.standard(s3.environment());
    prefix = "s3://" + s3.newBucket() + "/metadata/propeller/n0";
  }

  @AfterEach
  void tearDown() {
    storage.close();
  }

  private void upload(String executor) {
    storage.writeAtomically(prefix + "/task.pb", Templates.sum(executor).toByteArray());
    storage.writeAtomically(prefix + "/inputs.pb", LiteralMap.newBuilder()
        .putLiterals("a", Literals.integer(20)).putLiterals("b", Literals.integer(22)).build().toByteArray());
  }

  private static List<String> args(String inputs, String outputPrefix, String template, String executor) {
    return List.of("--inputs", inputs, "--output-prefix", outputPrefix,
        "--raw-output-data-prefix", "s3://unused/raw", "--resolver", TemplateFileResolver.NAME,
        "--", template, executor);
  }

  private void assertNoCredentials(JavaProcess.Result result, String... texts) {
    assertFalse(result.stderr().contains(s3.secretAccessKey()), "secret key in stderr");
    for (String text : texts) {
      assertFalse(text.contains(s3.secretAccessKey()), "secret key in " + text);
    }
  }

  @Test
  void runsWithEverythingOnS3() throws Exception {
    upload(PACKAGE + "Sum");

    JavaProcess.Result result = JavaProcess.java(dir, env, MAIN,
        args(prefix + "/inputs.pb", prefix + "/0", prefix + "/task.pb", PACKAGE + "Sum"));

    assertEquals(0, result.exitCode(), result.stderr());
    LiteralMap outputs = LiteralMap.parseFrom(storage.read(prefix + "/0/outputs.pb"));
    assertEquals(42, outputs.getLiteralsOrThrow("sum").getScalar().getPrimitive().getInteger());
    assertFalse(storage.exists(prefix + "/0/error.pb"));
  }

  @Test
  void taskWithoutOutputsWritesAnEmptyLiteralMapToS3() throws Exception {
    storage.writeAtomically(prefix + "/task.pb", Templates.noInterface(PACKAGE + "Provided").toByteArray());
    storage.writeAtomically(prefix + "/inputs.pb", LiteralMap.getDefaultInstance().toByteArray());

    JavaProcess.Result result = JavaProcess.java(dir, env, MAIN,
        args(prefix + "/inputs.pb", prefix + "/0", prefix + "/task.pb", PACKAGE + "Provided"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(storage.exists(prefix + "/0/outputs.pb"), "outputs.pb exists even when empty");
    assertEquals(0, storage.read(prefix + "/0/outputs.pb").length);
  }

  @Test
  void taskFailureWritesTheErrorDocumentToS3() throws Exception {
    upload(PACKAGE + "Failing");

    JavaProcess.Result result = JavaProcess.java(dir, env, MAIN,
        args(prefix + "/inputs.pb", prefix + "/0", prefix + "/task.pb", PACKAGE + "Failing"));

    assertEquals(0, result.exitCode(), result.stderr());
    ContainerError error = ErrorDocument.parseFrom(storage.read(prefix + "/0/error.pb")).getError();
    assertEquals("USER:IllegalStateException", error.getCode());
    assertFalse(storage.exists(prefix + "/0/outputs.pb"));
  }

  @Test
  void missingTemplateKeyIsASystemErrorWrittenToALocalPrefix() throws Exception {
    upload(PACKAGE + "Sum");
    Path outputs = dir.resolve("out");

    JavaProcess.Result result = JavaProcess.java(dir, env, MAIN,
        args(prefix + "/inputs.pb", outputs.toString(), prefix + "/no-such-task.pb", PACKAGE + "Sum"));

    assertEquals(0, result.exitCode(), result.stderr());
    ContainerError error = ErrorDocument.parseFrom(Files.readAllBytes(outputs.resolve("error.pb"))).getError();
    assertEquals("SYSTEM:TemplateLoad", error.getCode());
    assertEquals(ContainerError.Kind.RECOVERABLE, error.getKind());
    assertEquals(ExecutionError.ErrorKind.SYSTEM, error.getOrigin());
    assertTrue(error.getMessage().contains("no-such-task.pb"), error.getMessage());
    assertNoCredentials(result, error.getMessage());
  }

  @Test
  void storageReadInsideTheTaskFailingOnS3IsSystemStorage() throws Exception {
    storage.writeAtomically(prefix + "/task.pb", Templates.readsStorage().toByteArray());
    storage.writeAtomically(prefix + "/inputs.pb", LiteralMap.newBuilder()
        .putLiterals("uri", Literals.string(prefix + "/absent.db")).build().toByteArray());

    JavaProcess.Result result = JavaProcess.java(dir, env, MAIN,
        args(prefix + "/inputs.pb", prefix + "/0", prefix + "/task.pb", PACKAGE + "ReadsStorage"));

    assertEquals(0, result.exitCode(), result.stderr());
    ContainerError error = ErrorDocument.parseFrom(storage.read(prefix + "/0/error.pb")).getError();
    assertEquals("SYSTEM:Storage", error.getCode());
    assertEquals(ContainerError.Kind.RECOVERABLE, error.getKind());
    assertNoCredentials(result, error.getMessage());
  }

  @Test
  void storageOutageWithTheErrorDocumentOnS3ExitsNonZeroWithOneLine() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    env.put("FLYTE_AWS_ENDPOINT", "http://127.0.0.1:" + closedPort);

    JavaProcess.Result result = JavaProcess.java(dir, env, MAIN,
        args(prefix + "/inputs.pb", prefix + "/0", prefix + "/task.pb", PACKAGE + "Sum"));

    assertEquals(ExecuteCommand.EXIT_ERROR_NOT_WRITTEN, result.exitCode(), result.stderr());
    List<String> lines = result.stderrLines();
    assertEquals(1, lines.size(), result.stderr());
    assertTrue(lines.get(0).startsWith("preflyte-execute: cannot write " + prefix + "/0/error.pb"), lines.get(0));
    assertTrue(lines.get(0).contains("SYSTEM:TemplateLoad"), lines.get(0));
    assertNoCredentials(result);
  }

  /** S3 behind a fault-injecting proxy, with a short storage deadline. */
  private FaultProxy throughFaultProxy() {
    FaultProxy proxy = FaultProxy.start(s3.endpoint());
    env.put("FLYTE_AWS_ENDPOINT", proxy.endpoint().toString());
    env.put("PREFLYTE_STORAGE_DEADLINE", "4s");
    env.put("PREFLYTE_STORAGE_READ_TIMEOUT", "3s");
    return proxy;
  }

  @Test
  void transientStorageFaultsAreRetriedAndTheTaskSucceeds() throws Exception {
    upload(PACKAGE + "Sum");
    try (FaultProxy proxy = throughFaultProxy()) {
      // Every request fails once: a 500, a 503 slow-down or a connection dropped mid-answer.
      proxy.rule(request -> switch (request.index() % 6) {
        case 0 -> FaultProxy.Fault.status(500, "InternalError");
        case 2 -> FaultProxy.Fault.status(503, "SlowDown");
        case 4 -> FaultProxy.Fault.dropMidBody();
        default -> FaultProxy.Fault.pass();
      });

      JavaProcess.Result result = JavaProcess.java(dir, env, MAIN,
          args(prefix + "/inputs.pb", prefix + "/0", prefix + "/task.pb", PACKAGE + "Sum"));

      assertEquals(0, result.exitCode(), result.stderr());
      LiteralMap outputs = LiteralMap.parseFrom(storage.read(prefix + "/0/outputs.pb"));
      assertEquals(42, outputs.getLiteralsOrThrow("sum").getScalar().getPrimitive().getInteger());
      assertFalse(storage.exists(prefix + "/0/error.pb"));
      assertTrue(proxy.requests().size() >= 5, "all three faults were met: " + proxy.requests());
    }
  }

  @Test
  void aStalledOrTricklingObjectEndsInARecoverableSystemErrorWithinTheDeadline() throws Exception {
    for (FaultProxy.Fault fault : List.of(FaultProxy.Fault.stall(), FaultProxy.Fault.trickle(Duration.ofMillis(300)))) {
      storage.writeAtomically(prefix + "/task.pb", Templates.readsStorage().toByteArray());
      storage.writeAtomically(prefix + "/slow.db", "a database that takes far longer than the deadline to arrive"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      storage.writeAtomically(prefix + "/inputs.pb", LiteralMap.newBuilder()
          .putLiterals("uri", Literals.string(prefix + "/slow.db")).build().toByteArray());
      try (FaultProxy proxy = throughFaultProxy()) {
        proxy.rule(request -> request.target().contains("slow.db") ? fault : FaultProxy.Fault.pass());
        String out = prefix + "/" + fault.getClass().getSimpleName();
        long started = System.nanoTime();

        JavaProcess.Result result = JavaProcess.java(dir, env, MAIN,
            args(prefix + "/inputs.pb", out, prefix + "/task.pb", PACKAGE + "ReadsStorage"));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, fault + " took " + took);
        assertEquals(0, result.exitCode(), result.stderr());
        ContainerError error = ErrorDocument.parseFrom(storage.read(out + "/error.pb")).getError();
        assertEquals("SYSTEM:Storage", error.getCode(), fault + ": " + error.getMessage());
        assertEquals(ContainerError.Kind.RECOVERABLE, error.getKind());
        assertEquals(ExecutionError.ErrorKind.SYSTEM, error.getOrigin());
        assertTrue(error.getMessage().contains(prefix + "/slow.db"), error.getMessage());
        assertTrue(error.getMessage().contains("PREFLYTE_STORAGE_DEADLINE"), error.getMessage());
        assertFalse(storage.exists(out + "/outputs.pb"));
        assertNoCredentials(result, error.getMessage());
      }
    }
  }

  @Test
  void storageOutageWithALocalPrefixIsARecoverableSystemError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    env.put("FLYTE_AWS_ENDPOINT", "http://127.0.0.1:" + closedPort);
    Path outputs = dir.resolve("out");

    JavaProcess.Result result = JavaProcess.java(dir, env, MAIN,
        args(prefix + "/inputs.pb", outputs.toString(), prefix + "/task.pb", PACKAGE + "Sum"));

    assertEquals(0, result.exitCode(), result.stderr());
    ContainerError error = ErrorDocument.parseFrom(Files.readAllBytes(outputs.resolve("error.pb"))).getError();
    assertEquals("SYSTEM:TemplateLoad", error.getCode());
    assertEquals(ContainerError.Kind.RECOVERABLE, error.getKind());
    assertNoCredentials(result, error.getMessage());
  }
}
