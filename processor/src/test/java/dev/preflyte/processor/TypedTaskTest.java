package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.literal.LiteralConversionException;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.TaskSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed tasks: compile, build the task, register its template, run its executor from that template. */
class TypedTaskTest {

  @TempDir Path dir;

  static final JavaFileObject ADDER =
      JavaFileObjects.forSourceLines(
          "com.acme.Adder",
          "package com.acme;",
          "",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "",
          "@PrebuiltTask(image = \"ghcr.io/acme/adder:1.0.0\", taskType = \"adder\")",
          "public record Adder(long offset) {",
          "  /**",
          "   * Adds.",
          "   *",
          "   * @param a the first addend",
          "   * @return the sum plus the offset",
          "   */",
          "  public long execute(long a, long b) {",
          "    return a + b + offset;",
          "  }",
          "}");

  static final JavaFileObject WRITER =
      JavaFileObjects.forSourceLines(
          "com.acme.Writer",
          "package com.acme;",
          "",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "import dev.preflyte.runtime.executor.ExecutionContext;",
          "import java.io.IOException;",
          "import java.nio.file.Files;",
          "",
          "@PrebuiltTask(image = \"ghcr.io/acme/writer:1.0.0\", taskType = \"writer\")",
          "public record Writer(String fileName) {",
          "  public void execute(String text, ExecutionContext context) throws IOException {",
          "    Files.createDirectories(context.workingDirectory());",
          "    Files.writeString(context.workingDirectory().resolve(fileName), text);",
          "  }",
          "}");

  private static LiteralMap inputs(Map<String, Long> values) {
    LiteralMap.Builder map = LiteralMap.newBuilder();
    values.forEach((name, value) -> map.putLiterals(name, LiteralCodecs.int64().encode(value, null)));
    return map.build();
  }

  @Test
  void recordTaskRunsFromItsRegisteredTemplate() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), ADDER);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.AdderTask", compiled.record("com.acme.Adder", 100L));

    TaskTemplate template = Compiled.registered(task);
    assertEquals("adder", template.getType());
    assertEquals("com.acme.Adder", template.getId().getName());
    assertEquals("ghcr.io/acme/adder:1.0.0", template.getContainer().getImage());
    assertEquals("com.acme.Adder", template.getContainer().getArgs(template.getContainer().getArgsCount() - 1));
    assertEquals(List.of("a", "b"), List.copyOf(template.getInterface().getInputs().getVariablesMap().keySet()));
    assertEquals(List.of("o0"), List.copyOf(template.getInterface().getOutputs().getVariablesMap().keySet()));
    assertEquals(LiteralCodecs.int64().literalType(),
        template.getInterface().getInputs().getVariablesMap().get("a").getType());
    assertEquals(100.0, template.getCustom().getFieldsMap().get("offset").getNumberValue());
    assertEquals("the first addend", template.getInterface().getInputs().getVariablesOrThrow("a").getDescription());
    assertEquals("", template.getInterface().getInputs().getVariablesOrThrow("b").getDescription());
    assertEquals("the sum plus the offset",
        template.getInterface().getOutputs().getVariablesOrThrow("o0").getDescription());

    LiteralMap outputs = compiled.run(task, inputs(Map.of("a", 2L, "b", 3L)), dir.resolve("run"));
    assertEquals(105L, LiteralCodecs.int64().decode(outputs.getLiteralsMap().get("o0"), null));
    assertEquals(1, outputs.getLiteralsCount());
  }

  @Test
  void executorRejectsMissingInputsNamingThem() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), ADDER);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.AdderTask", compiled.record("com.acme.Adder", 0L));
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> compiled.run(task, inputs(Map.of("a", 2L)), dir.resolve("run")));
    assertTrue(e.getMessage().startsWith("input 'b'"), e.getMessage());
  }

  @Test
  void settingsOverrideNameAndImageApartFromTheConfiguration() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), ADDER);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.AdderTask", compiled.record("com.acme.Adder", 0L),
        TaskSettings.builder().name("my.adder").image("ghcr.io/acme/adder:2.0.0").retries(3).build());
    TaskTemplate template = Compiled.registered(task);
    assertEquals("my.adder", template.getId().getName());
    assertEquals("ghcr.io/acme/adder:2.0.0", template.getContainer().getImage());
    assertEquals(3, template.getMetadata().getRetries().getRetries());
    // The executor is still found by the annotated class's name, whatever the task is called.
    assertEquals("com.acme.Adder", task.executorName());
    LiteralMap outputs = compiled.run(task, inputs(Map.of("a", 1L, "b", 1L)), dir.resolve("run"));
    assertEquals(2L, LiteralCodecs.int64().decode(outputs.getLiteralsMap().get("o0"), null));
  }

  @Test
  void classWithPublicFieldsAndBeanPropertiesKeepsDefaults() throws Exception {
    JavaFileObject greeter =
        JavaFileObjects.forSourceLines(
            "com.acme.Greeter",
            "package com.acme;",
            "",
            "import dev.preflyte.annotations.PrebuiltTask;",
            "",
            "@PrebuiltTask(image = \"ghcr.io/acme/greeter:1.0.0\", taskType = \"greeter\")",
            "public class Greeter {",
            "  public String greeting = \"Hello\";",
            "  private int repeat = 1;",
            "  private boolean loud;",
            "  static final String IGNORED_CONSTANT = \"x\";",
            "  transient String ignoredCache;",
            "",
            "  public int getRepeat() { return repeat; }",
            "  public void setRepeat(int repeat) { this.repeat = repeat; }",
            "  public boolean isLoud() { return loud; }",
            "  public void setLoud(boolean loud) { this.loud = loud; }",
            "",
            "  public String execute(String name) {",
            "    String line = greeting + \", \" + name;",
            "    if (loud) {",
            "      line = line.toUpperCase(java.util.Locale.ROOT);",
            "    }",
            "    return String.join(\" \", java.util.Collections.nCopies(repeat, line));",
            "  }",
            "}");
    Compiled compiled = Compiled.compile(dir.resolve("out"), greeter);

    PrebuiltContainerTask<?> defaults = compiled.task("com.acme.GreeterTask", compiled.instance("com.acme.Greeter"));
    assertEquals(List.of("greeting", "loud", "repeat"),
        List.copyOf(Compiled.registered(defaults).getCustom().getFieldsMap().keySet()));
    LiteralMap in = LiteralMap.newBuilder().putLiterals("name", LiteralCodecs.string().encode("Ada", null)).build();
    assertEquals("Hello, Ada",
        LiteralCodecs.string().decode(compiled.run(defaults, in, dir.resolve("a")).getLiteralsMap().get("o0"), null));

    Object config = compiled.instance("com.acme.Greeter");
    config.getClass().getField("greeting").set(config, "Hi");
    Compiled.set(config, "setRepeat", 2);
    Compiled.set(config, "setLoud", true);
    PrebuiltContainerTask<?> configured = compiled.task("com.acme.GreeterTask", config);
    assertEquals("HI, ADA HI, ADA",
        LiteralCodecs.string().decode(compiled.run(configured, in, dir.resolve("b")).getLiteralsMap().get("o0"), null));
  }

  @Test
  void outputsRecordGivesOneOutputPerComponent() throws Exception {
    JavaFileObject stats =
        JavaFileObjects.forSourceLines(
            "com.acme.Stats",
            "package com.acme;",
            "",
            "import dev.preflyte.annotations.Outputs;",
            "import dev.preflyte.annotations.PrebuiltTask;",
            "import java.util.List;",
            "",
            "@PrebuiltTask(image = \"ghcr.io/acme/stats:1.0.0\", taskType = \"stats\")",
            "public record Stats() {",
            "  /**",
            "   * What the statistics found.",
            "   *",
            "   * @param count how many values",
            "   * @param mean their mean,",
            "   *     NaN for none",
            "   */",
            "  @Outputs",
            "  public record Summary(long count, double mean, List<String> labels) {}",
            "",
            "  /**",
            "   * Summarizes.",
            "   *",
            "   * @param values the {@code values} to summarize",
            "   * @return the summary, which is ignored for @Outputs records",
            "   */",
            "  public Summary execute(List<Long> values) {",
            "    double mean = values.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);",
            "    return new Summary(values.size(), mean, values.stream().map(v -> \"v\" + v).toList());",
            "  }",
            "}");
    Compiled compiled = Compiled.compile(dir.resolve("out"), stats);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.StatsTask", compiled.record("com.acme.Stats"));
    TaskTemplate template = Compiled.registered(task);
    assertEquals(List.of("count", "mean", "labels"),
        List.copyOf(template.getInterface().getOutputs().getVariablesMap().keySet()));
    assertFalse(template.hasCustom(), "a record without components has no custom");
    assertEquals("the values to summarize",
        template.getInterface().getInputs().getVariablesOrThrow("values").getDescription());
    assertEquals("how many values", template.getInterface().getOutputs().getVariablesOrThrow("count").getDescription());
    assertEquals("their mean, NaN for none",
        template.getInterface().getOutputs().getVariablesOrThrow("mean").getDescription());
    assertEquals("", template.getInterface().getOutputs().getVariablesOrThrow("labels").getDescription());

    LiteralMap in = LiteralMap.newBuilder()
        .putLiterals("values", LiteralCodecs.listOf(LiteralCodecs.int64()).encode(List.of(1L, 2L, 6L), null))
        .build();
    LiteralMap out = compiled.run(task, in, dir.resolve("run"));
    assertEquals(3L, LiteralCodecs.int64().decode(out.getLiteralsMap().get("count"), null));
    assertEquals(3.0, LiteralCodecs.float64().decode(out.getLiteralsMap().get("mean"), null));
    assertEquals(List.of("v1", "v2", "v6"),
        LiteralCodecs.listOf(LiteralCodecs.string()).decode(out.getLiteralsMap().get("labels"), null));
  }

  @Test
  void voidTaskWithContextHasNoOutputsAndGetsTheContext() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), WRITER);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.WriterTask", compiled.record("com.acme.Writer", "note.txt"));
    TaskTemplate template = Compiled.registered(task);
    assertEquals(List.of("text"), List.copyOf(template.getInterface().getInputs().getVariablesMap().keySet()));
    assertFalse(template.getInterface().hasOutputs());

    LiteralMap in = LiteralMap.newBuilder().putLiterals("text", LiteralCodecs.string().encode("hello", null)).build();
    LiteralMap out = compiled.run(task, in, dir.resolve("run"));
    assertEquals(0, out.getLiteralsCount());
    assertEquals("hello", Files.readString(dir.resolve("run/work/note.txt")));
  }

  @Test
  void inputsOfEveryScalarAndContainerKind() throws Exception {
    JavaFileObject echo =
        JavaFileObjects.forSourceLines(
            "com.acme.Echo",
            "package com.acme;",
            "",
            "import dev.preflyte.annotations.Outputs;",
            "import dev.preflyte.annotations.PrebuiltTask;",
            "import java.time.Duration;",
            "import java.time.Instant;",
            "import java.util.List;",
            "import java.util.Map;",
            "import java.util.Optional;",
            "",
            "@PrebuiltTask(image = \"ghcr.io/acme/echo:1.0.0\", taskType = \"echo-all\")",
            "public record Echo() {",
            "  public enum Color { RED, GREEN }",
            "",
            "  @Outputs",
            "  public record All(long l, Long bl, int i, Integer bi, double d, Double bd, float f, Float bf,",
            "      boolean z, Boolean bz, String s, Instant t, Duration p, Color c,",
            "      List<Map<String, Long>> nested, Optional<String> present, Optional<String> absent) {}",
            "",
            "  public All execute(long l, Long bl, int i, Integer bi, double d, Double bd, float f, Float bf,",
            "      boolean z, Boolean bz, String s, Instant t, Duration p, Color c,",
            "      List<Map<String, Long>> nested, Optional<String> present, Optional<String> absent) {",
            "    return new All(l, bl, i, bi, d, bd, f, bf, z, bz, s, t, p, c, nested, present, absent);",
            "  }",
            "}");
    Compiled compiled = Compiled.compile(dir.resolve("out"), echo);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.EchoTask", compiled.record("com.acme.Echo"));
    Class<?> color = compiled.type("com.acme.Echo$Color");
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object red = Enum.valueOf((Class) color, "RED");

    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("l", Long.MAX_VALUE);
    values.put("bl", -7L);
    values.put("i", Integer.MIN_VALUE);
    values.put("bi", 42);
    values.put("d", 0.1);
    values.put("bd", Double.NEGATIVE_INFINITY);
    values.put("f", 1.5f);
    values.put("bf", -2.25f);
    values.put("z", true);
    values.put("bz", false);
    values.put("s", "text");
    values.put("t", java.time.Instant.parse("2026-11-29T01:02:03.456Z"));
    values.put("p", java.time.Duration.ofMillis(1500));
    values.put("c", red);
    values.put("nested", List.of(Map.of("x", 1L), Map.of()));
    values.put("present", java.util.Optional.of("here"));
    values.put("absent", java.util.Optional.empty());

    TaskTemplate template = Compiled.registered(task);
    LiteralMap.Builder in = LiteralMap.newBuilder();
    dev.preflyte.runtime.executor.TaskOutputs expected = dev.preflyte.runtime.executor.TaskOutputs.create();
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      dev.preflyte.runtime.literal.LiteralCodec<Object> codec = codecFor(entry.getKey(), color);
      assertEquals(codec.literalType(), template.getInterface().getInputs().getVariablesMap().get(entry.getKey()).getType(),
          entry.getKey());
      in.putLiterals(entry.getKey(), codec.encode(entry.getValue(), null));
      expected.put(entry.getKey(), codec, entry.getValue());
    }
    LiteralMap out = compiled.run(task, in.build(), dir.resolve("run"));
    assertEquals(expected.toLiteralMap(null), out);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static dev.preflyte.runtime.literal.LiteralCodec<Object> codecFor(String name, Class<?> color) {
    Object codec = switch (name) {
      case "l", "bl" -> LiteralCodecs.int64();
      case "i", "bi" -> LiteralCodecs.int32();
      case "d", "bd" -> LiteralCodecs.float64();
      case "f", "bf" -> LiteralCodecs.float32();
      case "z", "bz" -> LiteralCodecs.bool();
      case "s" -> LiteralCodecs.string();
      case "t" -> LiteralCodecs.datetime();
      case "p" -> LiteralCodecs.duration();
      case "c" -> LiteralCodecs.enumOf((Class) color);
      case "nested" -> LiteralCodecs.listOf(LiteralCodecs.mapOf(LiteralCodecs.int64()));
      default -> LiteralCodecs.optionalOf(LiteralCodecs.string());
    };
    return (dev.preflyte.runtime.literal.LiteralCodec<Object>) codec;
  }
}
