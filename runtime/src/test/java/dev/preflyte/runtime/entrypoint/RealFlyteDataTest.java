package dev.preflyte.runtime.entrypoint;

import static dev.preflyte.runtime.entrypoint.tasks.Templates.PACKAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** preflyte-execute on a template and inputs written by flytekit itself. */
class RealFlyteDataTest {

  @TempDir Path dir;

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = RealFlyteDataTest.class.getResourceAsStream("flyte/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void runsFlytekitsTemplateWithFlytekitsInputs() throws Exception {
    // Flyte uploads the TaskSpec's template alone for {{.taskTemplatePath}}.
    TaskTemplate template = TaskSpec.parseFrom(resource("calc_sum_taskspec.pb")).getTemplate();
    Path templateFile = Files.write(dir.resolve("task.pb"), template.toByteArray());
    Path inputsFile = Files.write(dir.resolve("inputs.pb"), resource("inputs_a30_b0.pb"));
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
    TaskTemplate template = TaskSpec.parseFrom(resource("calc_sum_taskspec.pb")).getTemplate();
    LiteralMap inputs = LiteralMap.parseFrom(resource("inputs_a30_b0.pb"));

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
