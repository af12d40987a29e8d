package dev.preflyte.runtime.entrypoint;

import static dev.preflyte.runtime.entrypoint.tasks.Templates.PACKAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.harness.ContainerPluginHarness;
import dev.preflyte.runtime.harness.ContainerPluginHarness.Outcome;
import dev.preflyte.runtime.local.TestTask;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskInterface;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's registered template, run the way Flyte's container plugin runs it: placeholders in the
 * container args rendered, the packaged {@code bin/preflyte-execute} on the PATH, the result read as
 * propeller reads it.
 */
class ContainerPluginIT {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final TaskInterface SUM = TaskInterface.builder()
      .input("a", TestTask.simple(SimpleType.INTEGER)).input("b", TestTask.simple(SimpleType.INTEGER))
      .output("sum", TestTask.simple(SimpleType.INTEGER)).build();

  @TempDir Path dir;

  private ContainerPluginHarness harness() {
    return new ContainerPluginHarness(MODULE.getParent().resolve("bin"))
        .env("PREFLYTE_CLASSPATH", MODULE.resolve("target/test-classes").toString())
        .env("JAVA_HOME", System.getProperty("java.home"));
  }

  private static TaskTemplate template(String executor) {
    RegistrationSettings settings = new RegistrationSettings("flytesnacks", "development", "v1");
    return new TestTask(PACKAGE + executor, SUM, Map.of()).toTaskTemplate(settings);
  }

  private static LiteralMap inputs(long a, long b) {
    return LiteralMap.newBuilder().putLiterals("a", Literals.integer(a)).putLiterals("b", Literals.integer(b)).build();
  }

  @Test
  void registeredTemplateSucceeds() throws Exception {
    Outcome outcome = harness().run(template("Sum"), inputs(40, 2), dir, 0);

    assertEquals(Outcome.Phase.SUCCEEDED, outcome.phase(), outcome.toString());
    assertEquals(42, outcome.outputs().getLiteralsOrThrow("sum").getScalar().getPrimitive().getInteger());
    assertTrue(outcome.command().get(0).equals("preflyte-execute"), outcome.command().toString());
  }

  @Test
  void userFailureFailsTheNodeWithItsErrorDocument() throws Exception {
    Outcome outcome = harness().run(template("Failing"), inputs(1, 2), dir, 0);

    assertEquals(Outcome.Phase.TASK_ERROR, outcome.phase(), outcome.toString());
    assertEquals("USER:IllegalStateException", outcome.error().getCode());
    assertEquals(ContainerError.Kind.NON_RECOVERABLE, outcome.error().getKind());
    assertEquals(ExecutionError.ErrorKind.USER, outcome.error().getOrigin());
  }

  @Test
  void aRetriedAttemptGetsThePreviousCheckpointAndStaysRecoverable() throws Exception {
    Outcome first = harness().run(template("Flaky"), inputs(1, 2), dir, 0);
    Outcome second = harness().run(template("Flaky"), inputs(1, 2), dir, 1);

    assertEquals(Outcome.Phase.TASK_ERROR, first.phase(), first.toString());
    assertEquals("USER:Recoverable", first.error().getCode());
    assertEquals(ContainerError.Kind.RECOVERABLE, second.error().getKind(), second.toString());
    assertTrue(second.command().contains(dir.resolve("raw/attempt-0/_flytecheckpoints").toString()),
        second.command().toString());
  }

  @Test
  void failOnErrorTurnsTheFailureIntoAPodFailure() throws Exception {
    Outcome outcome = harness().env("FLYTE_FAIL_ON_ERROR", "true").run(template("Failing"), inputs(1, 2), dir, 0);

    assertEquals(Outcome.Phase.POD_FAILED, outcome.phase(), outcome.toString());
    assertEquals(1, outcome.exitCode());
  }
}
