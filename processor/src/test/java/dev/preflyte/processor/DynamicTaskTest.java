package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.JavaFileObjects;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
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
  void interfaceComesFromTheBuilderAndTheExecutorSeesIt() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), SUM);
    PrebuiltContainerTask<?> task = compiled.build("com.acme.SumTask", b -> {
      b.getClass().getMethod("input", String.class, dev.preflyte.idl.core.LiteralType.class)
          .invoke(b, "x", LiteralCodecs.int64().literalType());
      b.getClass().getMethod("input", String.class, dev.preflyte.idl.core.LiteralType.class)
          .invoke(b, "y", LiteralCodecs.int64().literalType());
      b.getClass().getMethod("output", String.class, dev.preflyte.idl.core.LiteralType.class)
          .invoke(b, "total", LiteralCodecs.int64().literalType());
      Compiled.call(b, "output", "total");
      Compiled.call(b, "start", 100L);
    });
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
    PrebuiltContainerTask<?> task = compiled.build("com.acme.SumTask", b -> Compiled.call(b, "output", "o"));
    TaskTemplate template = Compiled.registered(task);
    assertFalse(template.getInterface().hasInputs());
    LiteralMap outputs = compiled.run(task, LiteralMap.getDefaultInstance(), dir.resolve("run"));
    assertEquals(0L, LiteralCodecs.int64().decode(outputs.getLiteralsOrThrow("o"), null));
  }
}
