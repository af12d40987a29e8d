package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.JavaFileObjects;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.task.TaskSettings;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task whose interface is declared per task instance, on its builder (as SQL tasks need). */
class DynamicTaskTest {

  static final JavaFileObject SUM =
      JavaFileObjects.forSourceLines(
          "com.acme.Sum",
          "package com.acme;",
          "",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "import dev.preflyte.runtime.executor.ExecutionContext;",
          "import dev.preflyte.runtime.executor.TaskInputs;",
          "import dev.preflyte.runtime.executor.TaskOutputs;",
          "import dev.preflyte.runtime.literal.LiteralCodecs;",
          "",
          "/** Adds up whatever integer inputs the task instance declares. */",
          "@PrebuiltTask(image = \"ghcr.io/acme/sum:1.0.0\", taskType = \"sum\")",
          "public record Sum(String output, long start) {",
          "  public TaskOutputs execute(TaskInputs inputs, ExecutionContext context) {",
          "    long total = start;",
          "    for (String name : inputs.names()) {",
          "      total += inputs.get(name, LiteralCodecs.int64());",
          "    }",
          "    context.logger().info(\"sum of {} inputs\", inputs.names().size());",
          "    return TaskOutputs.create().put(output, LiteralCodecs.int64(), total);",
          "  }",
          "}");

  @TempDir Path dir;

  @Test
  void interfaceComesFromTheTaskInstanceAndTheExecutorSeesIt() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), SUM);
    TaskInterface sum = TaskInterface.builder()
        .input("x", LiteralCodecs.int64())
        .input("y", LiteralCodecs.int64())
        .output("total", LiteralCodecs.int64())
        .build();
    PrebuiltContainerTask<?> task = compiled.dynamicTask("com.acme.SumTask",
        compiled.record("com.acme.Sum", "total", 100L), sum, TaskSettings.defaults());
    TaskTemplate template = Compiled.registered(task);
    assertEquals(List.of("x", "y"), List.copyOf(template.getInterface().getInputs().getVariablesMap().keySet()));
    assertEquals(List.of("total"), List.copyOf(template.getInterface().getOutputs().getVariablesMap().keySet()));

    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("x", LiteralCodecs.int64().encode(1L, null))
        .putLiterals("y", LiteralCodecs.int64().encode(2L, null))
        .build();
    LiteralMap outputs = compiled.run(task, inputs, dir.resolve("run"));
    assertEquals(103L, LiteralCodecs.int64().decode(outputs.getLiteralsOrThrow("total"), null));
  }

  @Test
  void withoutDeclaredInputsTheInterfaceIsEmpty() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), SUM);
    PrebuiltContainerTask<?> task = compiled.dynamicTask("com.acme.SumTask", compiled.record("com.acme.Sum", "o", 0L),
        TaskInterface.empty(), TaskSettings.defaults());
    TaskTemplate template = Compiled.registered(task);
    assertFalse(template.getInterface().hasInputs());
    LiteralMap outputs = compiled.run(task, LiteralMap.getDefaultInstance(), dir.resolve("run"));
    assertEquals(0L, LiteralCodecs.int64().decode(outputs.getLiteralsOrThrow("o"), null));
  }
}
