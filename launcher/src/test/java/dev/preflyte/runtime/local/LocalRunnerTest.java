package dev.preflyte.runtime.local;

import dev.preflyte.runtime.task.TaskFailedException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.storage.Storages;
import dev.preflyte.runtime.task.SecretRequest;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.task.TaskSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunnerTest {

  private static final String PACKAGE = "dev.preflyte.runtime.entrypoint.tasks.";
  private static final TaskInterface SUM = TaskInterface.builder()
      .input("a", TestTask.simple(SimpleType.INTEGER)).input("b", TestTask.simple(SimpleType.INTEGER))
      .output("sum", TestTask.simple(SimpleType.INTEGER)).build();

  @TempDir Path dir;

  private LocalRunner runner(Map<String, String> env) {
    return new LocalRunner(Storages.localOnly(), env, dir.resolve("secrets"));
  }

  private static LiteralMap sumInputs(long a, long b) {
    return LiteralMap.newBuilder().putLiterals("a", Literals.integer(a)).putLiterals("b", Literals.integer(b)).build();
  }

  @Test
  void runsTheRegisteredExecutorOnTheSerializedTemplate() {
    TestTask task = new TestTask(PACKAGE + "Sum", SUM, Map.of());

    LiteralMap outputs = runner(Map.of()).run(task, sumInputs(20, 22));

    assertEquals(42, outputs.getLiteralsOrThrow("sum").getScalar().getPrimitive().getInteger());
  }

  @Test
  void theExecutorSeesTheConfigurationOnlyThroughTheTemplate() {
    TaskInterface echo = TaskInterface.builder().input("name", TestTask.simple(SimpleType.STRING))
        .output("message", TestTask.simple(SimpleType.STRING)).build();
    TestTask task = new TestTask(PACKAGE + "CustomEcho", echo, Map.of("greeting", "Hello"));

    LiteralMap outputs = runner(Map.of()).run(task,
        LiteralMap.newBuilder().putLiterals("name", Literals.string("Flyte")).build());

    assertEquals("Hello, Flyte", outputs.getLiteralsOrThrow("message").getScalar().getPrimitive().getStringValue());
  }

  @Test
  void failuresCarryTheClusterClassification() {
    TestTask task = new TestTask(PACKAGE + "Failing", SUM, Map.of());

    TaskFailedException e = assertThrows(TaskFailedException.class, () -> runner(Map.of()).run(task, sumInputs(1, 2)));

    assertEquals("USER:IllegalStateException", e.code());
    assertEquals(ContainerError.Kind.NON_RECOVERABLE, e.failure().kind());
    assertEquals(ExecutionError.ErrorKind.USER, e.failure().origin());
    assertTrue(e.getCause() instanceof IllegalStateException);
  }

  @Test
  void inputsAndOutputsAreChecked() {
    TestTask sum = new TestTask(PACKAGE + "Sum", SUM, Map.of());
    TestTask wrong = new TestTask(PACKAGE + "WrongOutputs", SUM, Map.of());
    LiteralMap missingB = LiteralMap.newBuilder().putLiterals("a", Literals.integer(1)).build();

    assertEquals("USER:InputMismatch",
        assertThrows(TaskFailedException.class, () -> runner(Map.of()).run(sum, missingB)).code());
    assertEquals("USER:OutputMismatch",
        assertThrows(TaskFailedException.class, () -> runner(Map.of()).run(wrong, sumInputs(1, 2))).code());
  }

  @Test
  void unregisteredExecutorIsAnExecutorLoadFailure() {
    TestTask task = new TestTask("com.acme.Unregistered", SUM, Map.of());

    TaskFailedException e = assertThrows(TaskFailedException.class, () -> runner(Map.of()).run(task, sumInputs(1, 2)));

    assertEquals("SYSTEM:ExecutorLoad", e.code());
    assertTrue(e.getMessage().contains(PACKAGE + "Sum"), e.getMessage());
  }

  @Test
  void secretsAreReadAndScrubbedFromTheFailure() {
    TestTask task = new TestTask(PACKAGE + "LeaksSecret", TaskInterface.empty(), Map.of(),
        TaskSettings.builder().secret(SecretRequest.of("db", "password")).build());

    TaskFailedException e = assertThrows(TaskFailedException.class,
        () -> runner(Map.of("_FSEC_DB_PASSWORD", "local-s3cret")).run(task, LiteralMap.getDefaultInstance()));

    assertEquals("USER:IllegalArgumentException", e.code());
    assertFalse(e.getMessage().contains("local-s3cret"), e.getMessage());
    assertTrue(e.getMessage().contains("login failed for password ****"), e.getMessage());
    assertEquals(null, e.getCause(), "the unscrubbed original is not attached");
  }
}
