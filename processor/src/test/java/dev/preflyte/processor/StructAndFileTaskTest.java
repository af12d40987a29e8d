package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.types.FlyteFile;
import dev.preflyte.runtime.types.StructuredDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records, simple classes, files and datasets as inputs and outputs, through real storage. */
class StructAndFileTaskTest {

  static final JavaFileObject SHAPES =
      JavaFileObjects.forSourceLines(
          "com.acme.Shapes",
          "package com.acme;",
          "",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "import dev.preflyte.runtime.executor.ExecutionContext;",
          "import dev.preflyte.runtime.types.FlyteFile;",
          "import dev.preflyte.runtime.types.StructuredDataset;",
          "import java.io.IOException;",
          "import java.nio.file.Files;",
          "import java.nio.file.Path;",
          "import java.util.List;",
          "",
          "@PrebuiltTask(image = \"ghcr.io/acme/shapes:1.0.0\", taskType = \"shapes\")",
          "public record Shapes(String separator) {",
          "  public record Point(long x, long y) {}",
          "",
          "  public static class Box {",
          "    public Point corner;",
          "    public List<String> labels;",
          "    public Box() {}",
          "  }",
          "",
          "  @dev.preflyte.annotations.Outputs",
          "  public record Result(Box box, FlyteFile report, StructuredDataset table) {}",
          "",
          "  public Result execute(Point point, FlyteFile notes, StructuredDataset table, ExecutionContext context)",
          "      throws IOException {",
          "    Box box = new Box();",
          "    box.corner = new Point(point.x() * 2, point.y() * 2);",
          "    box.labels = List.of(Files.readString(notes.localPath()).split(separator));",
          "    Path report = context.workingDirectory().resolve(\"report.txt\");",
          "    Files.createDirectories(report.getParent());",
          "    Files.writeString(report, String.join(\"|\", box.labels));",
          "    return new Result(box, FlyteFile.of(report), table);",
          "  }",
          "}");

  @TempDir Path dir;

  @Test
  void structsFilesAndDatasetsFlowThroughTheExecutor() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), SHAPES);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.ShapesTask", compiled.record("com.acme.Shapes", ","));
    TaskTemplate template = Compiled.registered(task);
    assertEquals(SimpleType.STRUCT, template.getInterface().getInputs().getVariablesOrThrow("point").getType().getSimple());
    assertTrue(template.getInterface().getInputs().getVariablesOrThrow("notes").getType().hasBlob());
    assertTrue(template.getInterface().getOutputs().getVariablesOrThrow("table").getType().hasStructuredDatasetType());

    Path notes = Files.writeString(dir.resolve("notes.txt"), "a,b,c");
    Path tableDir = Files.createDirectories(dir.resolve("table"));
    Files.write(tableDir.resolve("00000"), new byte[] {1, 2, 3});
    TestContext context = new TestContext(dir.resolve("run"));
    Class<?> point = compiled.type("com.acme.Shapes$Point");
    Object origin = point.getConstructors()[0].newInstance(3L, 4L);
    @SuppressWarnings("unchecked")
    LiteralCodec<Object> pointCodec = (LiteralCodec<Object>) (LiteralCodec<?>) LiteralCodecs.struct(point);
    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("point", pointCodec.encode(origin, context))
        .putLiterals("notes", LiteralCodecs.file().encode(FlyteFile.ofUri(notes.toString()), context))
        .putLiterals("table", LiteralCodecs.structuredDataset()
            .encode(new StructuredDataset(tableDir.toString(), "parquet"), context))
        .build();

    LiteralMap outputs = compiled.executor("com.acme.Shapes").executeFromModel(template, inputs, context);

    Class<?> box = compiled.type("com.acme.Shapes$Box");
    Object decodedBox = LiteralCodecs.struct(box).decode(outputs.getLiteralsOrThrow("box"), context);
    assertEquals(point.getConstructors()[0].newInstance(6L, 8L), box.getField("corner").get(decodedBox));
    assertEquals(List.of("a", "b", "c"), box.getField("labels").get(decodedBox));
    FlyteFile report = LiteralCodecs.file().decode(outputs.getLiteralsOrThrow("report"), context);
    assertTrue(report.uri().startsWith(context.rawOutputPrefix()), report.uri());
    assertEquals("a|b|c", Files.readString(report.localPath()));
    StructuredDataset table = LiteralCodecs.structuredDataset().decode(outputs.getLiteralsOrThrow("table"), context);
    assertEquals("parquet", table.format());
    assertEquals(List.of(table.uri() + "/00000"), context.storage().list(table.uri()));
    assertEquals(List.of((byte) 1, (byte) 2, (byte) 3),
        List.of(toBoxed(context.storage().read(table.uri() + "/00000"))));
  }

  private static Byte[] toBoxed(byte[] bytes) {
    Byte[] boxed = new Byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      boxed[i] = bytes[i];
    }
    return boxed;
  }
}
