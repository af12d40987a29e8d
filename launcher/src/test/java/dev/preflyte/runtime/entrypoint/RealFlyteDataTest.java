package dev.preflyte.runtime.entrypoint;

import static dev.preflyte.runtime.entrypoint.tasks.Templates.PACKAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.FlyteFixtures;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * preflyte-execute on a template and inputs written by flytekit itself (the shared Flyte fixtures,
 * found as {@link FlyteFixtures} describes).
 */
class RealFlyteDataTest {

  @TempDir Path dir;

  /** flytesnacks' calc_sum(a: float, b: float) -> float, as flytekit serialized it. */
  private static final String CALC_SUM = "taskspecs/041_core.control_flow.conditions.calc_sum_1.pb";
  /** {a: integer 30, b: integer 0}, as flytekit wrote it. */
  private static final String INPUTS = "literalmaps/a30_b0.pb";

  private static byte[] resource(String name) {
    return FlyteFixtures.read(FlyteFixtures.file(name));
  }

  @Test
  void runsFlytekitsTemplateWithFlytekitsInputs() throws Exception {
    // Flyte uploads the TaskSpec's template alone for {{.taskTemplatePath}}.
    TaskTemplate template = TaskSpec.parseFrom(resource(CALC_SUM)).getTemplate();
    Path templateFile = Files.write(dir.resolve("task.pb"), template.toByteArray());
    Path inputsFile = Files.write(dir.resolve("inputs.pb"), resource(INPUTS));
    Path outputs = dir.resolve("out");

    JavaProcess.Result result = JavaProcess.java(dir, new HashMap<>(), PreflyteExecute.class.getName(), List.of(
        "--inputs", inputsFile.toString(), "--output-prefix", outputs.toString(),
        "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}", "--resolver", TemplateFileResolver.NAME,
        "--", templateFile.toString(), PACKAGE + "FloatSum"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(Files.notExists(outputs.resolve("error.pb")), result.stderr());
    LiteralMap written = LiteralMap.parseFrom(Files.readAllBytes(outputs.resolve("outputs.pb")));
    assertEquals(30.0, written.getLiteralsOrThrow("o0").getScalar().getPrimitive().getFloatValue());
  }

  @Test
  void realInputsAreCheckedAgainstTheRealInterface() throws Exception {
    TaskTemplate template = TaskSpec.parseFrom(resource(CALC_SUM)).getTemplate();
    LiteralMap inputs = LiteralMap.parseFrom(resource(INPUTS));

    // INTEGER literals for FLOAT inputs: accepted on input, as flytekit does...
    InterfaceCheck.check(inputs, template.getInterface().getInputs(), InterfaceMismatchException.Side.INPUT);
    // ...but never as outputs, which must be exactly what the interface declares.
    LiteralMap asOutputs = LiteralMap.newBuilder().putLiterals("o0", inputs.getLiteralsOrThrow("a")).build();
    InterfaceMismatchException e = org.junit.jupiter.api.Assertions.assertThrows(InterfaceMismatchException.class,
        () -> InterfaceCheck.check(asOutputs, template.getInterface().getOutputs(),
            InterfaceMismatchException.Side.OUTPUT));
    assertEquals("output 'o0': expected FLOAT, got INTEGER 30: make the executor return exactly the outputs"
        + " the task's interface declares", e.getMessage());
  }
}
