package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.LocalInputs;
import dev.preflyte.runtime.task.LocalOutputs;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.TaskFailedException;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.task.TaskSettings;
import dev.preflyte.runtime.types.FlyteFile;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated typed {@code run}: the cluster's path on this machine, with the error document's
 * classification on failure, and one rule for a null where outputs are due.
 */
class LocalCallTest {

  static final JavaFileObject NULLS =
      JavaFileObjects.forSourceLines(
          "com.acme.Nulls",
          "package com.acme;",
          "",
          "import dev.preflyte.annotations.Outputs;",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "import dev.preflyte.runtime.executor.TaskInputs;",
          "import dev.preflyte.runtime.executor.TaskOutputs;",
          "",
          "public final class Nulls {",
          "  private Nulls() {}",
          "",
          "  @PrebuiltTask(image = \"ghcr.io/acme/nulls:1.0.0\", taskType = \"null-single\")",
          "  public record Single(boolean fail) {",
          "    public String execute(String text) {",
          "      if (fail) throw new IllegalStateException(\"refused \" + text);",
          "      return null;",
          "    }",
          "  }",
          "",
          "  @PrebuiltTask(image = \"ghcr.io/acme/nulls:1.0.0\", taskType = \"null-record\")",
          "  public record Record() {",
          "    @Outputs public record Pair(long left, long right) {}",
          "    public Pair execute() { return null; }",
          "  }",
          "",
          "  @PrebuiltTask(image = \"ghcr.io/acme/nulls:1.0.0\", taskType = \"null-dynamic\")",
          "  public record Dynamic() {",
          "    public TaskOutputs execute(TaskInputs inputs) { return null; }",
          "  }",
          "}");

  static final JavaFileObject LINES =
      JavaFileObjects.forSourceLines(
          "com.acme.Lines",
          "package com.acme;",
          "",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "import dev.preflyte.runtime.types.FlyteFile;",
          "import java.io.IOException;",
          "import java.nio.file.Files;",
          "",
          "@PrebuiltTask(image = \"ghcr.io/acme/lines:1.0.0\", taskType = \"lines\")",
          "public record Lines(String prefix) {",
          "  public long execute(FlyteFile file) throws IOException {",
          "    return Files.readAllLines(file.localPath()).stream().filter(l -> l.startsWith(prefix)).count();",
          "  }",
          "}");

  @TempDir Path dir;

  @Test
  void aNullSingleOutputIsTheUsersOutputMismatchNamingIt() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), NULLS);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.Nulls_SingleTask", compiled.record("com.acme.Nulls$Single", false));
    TaskFailedException e = assertThrows(TaskFailedException.class, () -> LocalRuns.withLoader(compiled.loader,
        () -> task.getClass().getMethod("run", String.class).invoke(task, "x")));
    assertOutputMismatch(e, "output 'o0'");
  }

  @Test
  void aNullOutputsRecordIsTheUsersOutputMismatchNamingItsOutputs() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), NULLS);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.Nulls_RecordTask", compiled.record("com.acme.Nulls$Record"));
    TaskFailedException e = assertThrows(TaskFailedException.class, () -> LocalRuns.withLoader(compiled.loader,
        () -> task.getClass().getMethod("run").invoke(task)));
    assertOutputMismatch(e, "outputs left, right: Record.execute returned null");
  }

  @Test
  void nullDynamicOutputsAreTheUsersOutputMismatch() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), NULLS);
    PrebuiltContainerTask<?> task = compiled.dynamicTask("com.acme.Nulls_DynamicTask",
        compiled.record("com.acme.Nulls$Dynamic"), TaskInterface.empty(), TaskSettings.defaults());
    TaskFailedException e = assertThrows(TaskFailedException.class, () -> LocalRuns.withLoader(compiled.loader,
        () -> task.getClass().getMethod("run", LocalInputs.class).invoke(task, LocalInputs.create())));
    assertOutputMismatch(e, "outputs: Dynamic.execute returned null");
  }

  @Test
  void theTasksOwnExceptionIsClassifiedAsTheContainerWouldClassifyIt() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), NULLS);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.Nulls_SingleTask", compiled.record("com.acme.Nulls$Single", true));
    TaskFailedException e = assertThrows(TaskFailedException.class, () -> LocalRuns.withLoader(compiled.loader,
        () -> task.getClass().getMethod("run", String.class).invoke(task, "x")));
    assertEquals("USER:IllegalStateException", e.code());
    assertEquals(ContainerError.Kind.NON_RECOVERABLE, e.kind());
    assertEquals(ExecutionError.ErrorKind.USER, e.origin());
    assertTrue(e.getMessage().contains("refused x"), e.getMessage());
  }

  @Test
  void aLocalFileIsAnInputAsItIs() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), LINES);
    Path file = Files.writeString(dir.resolve("notes.txt"), "# one\nplain\n# two\n");
    PrebuiltContainerTask<?> task = compiled.task("com.acme.LinesTask", compiled.record("com.acme.Lines", "#"));
    Object count = LocalRuns.withLoader(compiled.loader,
        () -> task.getClass().getMethod("run", FlyteFile.class).invoke(task, FlyteFile.of(file)));
    assertEquals(2L, count);
  }

  @Test
  void aDynamicTaskIsCalledWithNamedInputs() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), DynamicTaskTest.SUM);
    TaskInterface sum = TaskInterface.builder()
        .input("x", LiteralCodecs.int64()).input("y", LiteralCodecs.int64()).output("total", LiteralCodecs.int64())
        .build();
    PrebuiltContainerTask<?> task = compiled.dynamicTask("com.acme.SumTask",
        compiled.record("com.acme.Sum", "total", 100L), sum, TaskSettings.defaults());
    LocalInputs inputs = LocalInputs.create().put("x", LiteralCodecs.int64(), 1L).put("y", LiteralCodecs.int64(), 2L);
    LocalOutputs outputs = (LocalOutputs) LocalRuns.withLoader(compiled.loader,
        () -> task.getClass().getMethod("run", LocalInputs.class).invoke(task, inputs));
    assertEquals(103L, outputs.get("total", LiteralCodecs.int64()));
  }

  private static void assertOutputMismatch(TaskFailedException e, String named) {
    assertEquals("USER:OutputMismatch", e.code(), e.getMessage());
    assertEquals(ContainerError.Kind.NON_RECOVERABLE, e.kind());
    assertEquals(ExecutionError.ErrorKind.USER, e.origin());
    assertTrue(e.getMessage().contains(named), e.getMessage());
  }
}
