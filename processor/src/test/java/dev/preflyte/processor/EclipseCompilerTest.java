package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.task.TaskSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The processor under the Eclipse compiler (ecj), which Eclipse IDE users run it through: the
 * generated sources and registrations are the same text as under javac, the generated code runs,
 * and errors carry the same messages on the same elements.
 *
 * <p>ecj compiles real files only (its {@code getTask} turns every source URI into a
 * {@link java.io.File}, so compile-testing's in-memory sources are refused): these tests compile on
 * disk, as a build does.
 */
class EclipseCompilerTest {

  @TempDir Path dir;

  /** ecj's options: the project's target; everything else as ecj defaults (javadoc not analysed). */
  private static final List<String> ECJ_OPTIONS = List.of("--release", "17");

  static final JavaFileObject GREETER =
      JavaFileObjects.forSourceLines(
          "com.acme.Greeter",
          "package com.acme;",
          "",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "",
          "/** Greets, with bean properties and field defaults. */",
          "@PrebuiltTask(image = \"ghcr.io/acme/greeter:1.0.0\", taskType = \"greeter\")",
          "public class Greeter {",
          "  public String greeting = \"Hello\";",
          "  private int repeat = 1;",
          "  private boolean loud;",
          "  static final String IGNORED_CONSTANT = \"x\";",
          "",
          "  public int getRepeat() { return repeat; }",
          "  public void setRepeat(int repeat) { this.repeat = repeat; }",
          "  public boolean isLoud() { return loud; }",
          "  public void setLoud(boolean loud) { this.loud = loud; }",
          "",
          "  /**",
          "   * Greets someone.",
          "   *",
          "   * @param name who to greet",
          "   * @return the greeting",
          "   */",
          "  public String execute(String name) {",
          "    String line = greeting + \", \" + name;",
          "    if (loud) {",
          "      line = line.toUpperCase(java.util.Locale.ROOT);",
          "    }",
          "    return String.join(\" \", java.util.Collections.nCopies(repeat, line));",
          "  }",
          "}");

  static final JavaFileObject STATS =
      JavaFileObjects.forSourceLines(
          "com.acme.Stats",
          "package com.acme;",
          "",
          "import dev.preflyte.annotations.Outputs;",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "import java.util.List;",
          "",
          "@PrebuiltTask(image = \"ghcr.io/acme/stats:1.0.0\", taskType = \"stats\")",
          "public record Stats(String prefix) {",
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
          "  /** @param values the values to summarize */",
          "  public Summary execute(List<Long> values) {",
          "    double mean = values.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);",
          "    return new Summary(values.size(), mean, values.stream().map(v -> prefix + v).toList());",
          "  }",
          "}");

  // ---------------------------------------------------------------- compiling

  /** Writes {@code source} under {@code root} at its package path; returns the file. */
  private static Path writeSource(Path root, JavaFileObject source) {
    String path = source.toUri().getPath();
    Path file = root.resolve(path.substring(path.indexOf('/', 0) + 1));
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getCharContent(true), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private DiskCompiler.Result ecj(String name, JavaFileObject... sources) {
    Path src = dir.resolve(name + "-src");
    List<Path> files = Stream.of(sources).map(s -> writeSource(src, s)).toList();
    return DiskCompiler.compile(new EclipseCompiler(), dir.resolve(name), files, ECJ_OPTIONS);
  }

  /**
   * Compiles {@code sources} with ecj and with javac, asserts both succeed without warnings and
   * generate the same files with the same text, and returns ecj's outputs loaded.
   */
  private Compiled compileWithBoth(JavaFileObject... sources) throws IOException {
    DiskCompiler.Result eclipse = ecj("ecj", sources);
    assertTrue(eclipse.success(), eclipse::describe);
    assertEquals(List.of(), eclipse.diagnostics(), eclipse::describe);

    Path javacSrc = dir.resolve("javac-src");
    List<Path> files = Stream.of(sources).map(s -> writeSource(javacSrc, s)).toList();
    DiskCompiler.Result javac = DiskCompiler.compile(dir.resolve("javac"), files);
    assertTrue(javac.success(), javac::describe);
    assertEquals(List.of(), javac.diagnostics(), javac::describe);

    Map<String, String> generatedByEcj = generatedText(dir.resolve("ecj"));
    assertFalse(generatedByEcj.isEmpty());
    assertEquals(generatedText(dir.resolve("javac")), generatedByEcj);
    return Compiled.loaded(dir.resolve("ecj"));
  }

  /** Every generated source and resource of a compilation into {@code output}, by relative path. */
  private static Map<String, String> generatedText(Path output) throws IOException {
    Map<String, String> text = new TreeMap<>();
    for (Path root : List.of(output, output.resolveSibling(output.getFileName() + "-generated"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".class")).toList()) {
          text.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return text;
  }

  private static LiteralMap longs(Map<String, Long> values) {
    LiteralMap.Builder map = LiteralMap.newBuilder();
    values.forEach((name, value) -> map.putLiterals(name, LiteralCodecs.int64().encode(value, null)));
    return map.build();
  }

  // ---------------------------------------------------------------- running

  @Test
  void adderMatchesTheGoldenSourcesAndRuns() throws Exception {
    Compiled compiled = compileWithBoth(TypedTaskTest.ADDER);
    for (String name : List.of("AdderTask", "AdderExecutor")) {
      String golden;
      try (var in = getClass().getClassLoader().getResourceAsStream("golden/" + name + ".java")) {
        golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertEquals(golden, Files.readString(dir.resolve("ecj-generated/com/acme/" + name + ".java")));
    }
    PrebuiltContainerTask<?> task = compiled.task("com.acme.AdderTask", compiled.record("com.acme.Adder", 100L));
    TaskTemplate template = Compiled.registered(task);
    assertEquals(List.of("a", "b"), List.copyOf(template.getInterface().getInputs().getVariablesMap().keySet()));
    assertEquals("the first addend", template.getInterface().getInputs().getVariablesOrThrow("a").getDescription());
    assertEquals("the sum plus the offset",
        template.getInterface().getOutputs().getVariablesOrThrow("o0").getDescription());
    LiteralMap outputs = compiled.run(task, longs(Map.of("a", 2L, "b", 3L)), dir.resolve("run"));
    assertEquals(105L, LiteralCodecs.int64().decode(outputs.getLiteralsOrThrow("o0"), null));
  }

  @Test
  void declaredTasksAreIndexedAsUnderJavac() throws Exception {
    Compiled compiled = compileWithBoth(DeclaredTaskTest.ADDER, DeclaredTaskTest.tasks(
        "  @DeclaredTask public static AdderTask zeta() { return AdderTask.of(new Adder(3)); }",
        "  @DeclaredTask(name = \"add_two\") public static final AdderTask TWO = AdderTask.of(new Adder(2));"));
    assertEquals("field\tTWO\tadd_two\nmethod\tzeta\t\n",
        Files.readString(dir.resolve("ecj/META-INF/preflyte/tasks/com.acme.Tasks")));
    assertEquals(List.of("add_two", "com.acme.Tasks.zeta"),
        dev.preflyte.runtime.registry.DeclaredTasks.load(compiled.loader).stream()
            .map(dev.preflyte.runtime.registry.DeclaredTask::name).toList());
  }

  @Test
  void classWithBeanPropertiesKeepsItsFieldDefaults() throws Exception {
    Compiled compiled = compileWithBoth(GREETER);
    PrebuiltContainerTask<?> defaults = compiled.task("com.acme.GreeterTask", compiled.instance("com.acme.Greeter"));
    TaskTemplate template = Compiled.registered(defaults);
    assertEquals(List.of("greeting", "loud", "repeat"), List.copyOf(template.getCustom().getFieldsMap().keySet()));
    assertEquals("who to greet", template.getInterface().getInputs().getVariablesOrThrow("name").getDescription());
    LiteralMap in = LiteralMap.newBuilder().putLiterals("name", LiteralCodecs.string().encode("Ada", null)).build();
    assertEquals("Hello, Ada", LiteralCodecs.string()
        .decode(compiled.run(defaults, in, dir.resolve("a")).getLiteralsOrThrow("o0"), null));

    Object greeter = compiled.instance("com.acme.Greeter");
    greeter.getClass().getField("greeting").set(greeter, "Hi");
    Compiled.set(greeter, "setRepeat", 2);
    Compiled.set(greeter, "setLoud", true);
    PrebuiltContainerTask<?> configured = compiled.task("com.acme.GreeterTask", greeter);
    assertEquals("HI, ADA HI, ADA", LiteralCodecs.string()
        .decode(compiled.run(configured, in, dir.resolve("b")).getLiteralsOrThrow("o0"), null));
  }

  @Test
  void outputsRecordGivesOneOutputPerComponentInDeclarationOrder() throws Exception {
    Compiled compiled = compileWithBoth(STATS);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.StatsTask", compiled.record("com.acme.Stats", "v"));
    TaskTemplate template = Compiled.registered(task);
    assertEquals(List.of("count", "mean", "labels"),
        List.copyOf(template.getInterface().getOutputs().getVariablesMap().keySet()));
    assertEquals("their mean, NaN for none",
        template.getInterface().getOutputs().getVariablesOrThrow("mean").getDescription());
    assertEquals("the values to summarize",
        template.getInterface().getInputs().getVariablesOrThrow("values").getDescription());
    LiteralMap in = LiteralMap.newBuilder()
        .putLiterals("values", LiteralCodecs.listOf(LiteralCodecs.int64()).encode(List.of(1L, 2L, 6L), null))
        .build();
    LiteralMap out = compiled.run(task, in, dir.resolve("run"));
    assertEquals(3L, LiteralCodecs.int64().decode(out.getLiteralsOrThrow("count"), null));
    assertEquals(3.0, LiteralCodecs.float64().decode(out.getLiteralsOrThrow("mean"), null));
    assertEquals(List.of("v1", "v2", "v6"),
        LiteralCodecs.listOf(LiteralCodecs.string()).decode(out.getLiteralsOrThrow("labels"), null));
  }

  @Test
  void voidTaskGetsTheExecutionContext() throws Exception {
    Compiled compiled = compileWithBoth(TypedTaskTest.WRITER);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.WriterTask", compiled.record("com.acme.Writer", "n.txt"));
    TaskTemplate template = Compiled.registered(task);
    assertEquals(List.of("text"), List.copyOf(template.getInterface().getInputs().getVariablesMap().keySet()));
    assertFalse(template.getInterface().hasOutputs());
    LiteralMap in = LiteralMap.newBuilder().putLiterals("text", LiteralCodecs.string().encode("hello", null)).build();
    assertEquals(0, compiled.run(task, in, dir.resolve("run")).getLiteralsCount());
    assertEquals("hello", Files.readString(dir.resolve("run/work/n.txt")));
  }

  @Test
  void dynamicTaskTakesItsInterfaceFromTheTaskInstance() throws Exception {
    Compiled compiled = compileWithBoth(DynamicTaskTest.SUM);
    TaskInterface sum = TaskInterface.builder()
        .input("x", LiteralCodecs.int64()).input("y", LiteralCodecs.int64()).output("total", LiteralCodecs.int64())
        .build();
    PrebuiltContainerTask<?> task = compiled.dynamicTask("com.acme.SumTask",
        compiled.record("com.acme.Sum", "total", 100L), sum, TaskSettings.defaults());
    TaskTemplate template = Compiled.registered(task);
    assertEquals(List.of("x", "y"), List.copyOf(template.getInterface().getInputs().getVariablesMap().keySet()));
    LiteralMap outputs = compiled.run(task, longs(Map.of("x", 1L, "y", 2L)), dir.resolve("run"));
    assertEquals(103L, LiteralCodecs.int64().decode(outputs.getLiteralsOrThrow("total"), null));
  }

  @Test
  void nestedConfigurationRoundTripsThroughTheTemplate() throws Throwable {
    Compiled compiled = compileWithBoth(ConfigRoundTripTest.CONF);
    Class<?> conf = compiled.type("com.acme.Conf");
    Class<?> inner = compiled.type("com.acme.Conf$Inner");
    Object safe = compiled.type("com.acme.Conf$Mode").getEnumConstants()[1];
    Object leaf = inner.getConstructors()[0].newInstance("leaf", 7L, null);
    Object root = inner.getConstructors()[0].newInstance("root", (1L << 53) + 1, leaf);
    Object config = conf.getConstructors()[0].newInstance(
        Long.MAX_VALUE, 1L, null, -1, 2, 0.5, null, 1.5f, null, true, null,
        "text", java.time.Instant.EPOCH, java.time.Duration.ofMillis(1500), safe,
        List.of(1L, 2L), new ArrayList<>(java.util.Arrays.asList("a", null)), Map.of("k", 1.0),
        Optional.of("x"), Optional.of(leaf), List.of(Optional.of(1), Optional.empty()),
        root, List.of(leaf, root), Map.of("d", List.of(Map.of("m", safe))));
    PrebuiltContainerTask<?> task = compiled.task("com.acme.ConfTask", config);
    TaskTemplate template = Compiled.registered(task);
    assertEquals(config, compiled.decodeCustom("com.acme.ConfTask", template.getCustom()));
    // The executor decodes the same configuration from the registered template and runs.
    assertEquals(0, compiled.run(task, LiteralMap.getDefaultInstance(), dir.resolve("run")).getLiteralsCount());
  }

  @Test
  void javadocAnalysisLeavesTheGeneratedCodeWithoutWarnings() throws Exception {
    Path src = dir.resolve("doc-src");
    DiskCompiler.Result result = DiskCompiler.compile(new EclipseCompiler(), dir.resolve("doc"),
        List.of(writeSource(src, TypedTaskTest.ADDER), writeSource(src, GREETER)),
        List.of("--release", "17", "-enableJavadoc", "-warn:+unused,+invalidJavadoc,+invalidJavadocTag"));
    assertTrue(result.success(), result::describe);
    List<String> aboutGenerated = result.diagnostics().stream()
        .filter(d -> d.getSource() != null && d.getSource().getName().contains("doc-generated"))
        .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT)).toList();
    assertEquals(List.of(), aboutGenerated);
  }

  // ---------------------------------------------------------------- diagnostics

  private static final String OK = "@PrebuiltTask(image = \"ghcr.io/acme/t:1.0\", taskType = \"t\")";

  /**
   * ecj's errors on {@code source} as "line: message" in report order; an error ecj gives no
   * source file for is "-: message".
   */
  private List<String> ecjErrors(JavaFileObject source) {
    DiskCompiler.Result result = ecj("diag", source);
    assertFalse(result.success(), result::describe);
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : result.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        if (d.getSource() == null) {
          errors.add("-: " + d.getMessage(Locale.ROOT));
        } else {
          // ecj names the file in its own way (it drops a directory from the URI), so compare the file name.
          assertEquals("T.java", Path.of(d.getSource().getName()).getFileName().toString(), d.getMessage(Locale.ROOT));
          errors.add(d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
        }
      }
    }
    return errors;
  }

  private void assertEcjErrors(JavaFileObject source, String... lineAndPrefix) {
    List<String> errors = ecjErrors(source);
    assertEquals(lineAndPrefix.length, errors.size(), () -> String.join("\n", errors));
    for (int i = 0; i < lineAndPrefix.length; i++) {
      assertTrue(errors.get(i).startsWith(lineAndPrefix[i]), errors.get(i));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "'', [PreflyteImage] image is blank",
    "ghcr.io/Acme/adder:1.0, '[PreflyteImage] image \"ghcr.io/Acme/adder:1.0\" is not a valid image reference (the path component \"Acme\"'",
  })
  void invalidImageIsAnErrorOnTheAnnotation(String image, String message) {
    assertEcjErrors(DiagnosticsTest.task("@PrebuiltTask(image = \"" + image + "\", taskType = \"t\")",
        "public class T {", "  public long execute() { return 1; }"), "5: " + message);
  }

  @Test
  void reservedTaskTypeIsAnErrorOnTheAnnotation() {
    assertEcjErrors(DiagnosticsTest.task("@PrebuiltTask(image = \"ghcr.io/acme/t:1.0\", taskType = \"spark\")",
        "public class T {", "  public long execute() { return 1; }"),
        "5: [PreflyteTaskType] taskType \"spark\" is claimed by a Flyte back-end plugin");
  }

  @Test
  void missingExecuteIsAnErrorOnTheClass() {
    assertEcjErrors(DiagnosticsTest.task(OK, "public class T {", "  long execute() { return 1; }"),
        "6: [PreflyteExecute] com.acme.T has no public method named execute");
  }

  /**
   * ecj's Messager gives no position for an error on a record, a record component or a record's
   * field (its element-kind switch has no case for records, and the fields it makes for components
   * have no declaration of their own), so these errors arrive without file or line; their messages
   * still name the record and the property.
   */
  @Test
  void errorsOnARecordOrItsComponentsHaveNoPositionUnderEcj() {
    assertEcjErrors(DiagnosticsTest.task(OK, "public record T(long x) {", "  long execute() { return x; }"),
        "-: [PreflyteExecute] com.acme.T has no public method named execute");
    assertEcjErrors(DiagnosticsTest.task("@PrebuiltTask(image = \"\", taskType = \"t\")",
        "public record T(long x) {", "  public long execute() { return x; }"),
        "-: [PreflyteImage] image is blank");
    assertEcjErrors(DiagnosticsTest.task(OK, "public record T(StringBuilder text,", "    Optional<Optional<String>> twice) {",
            "  public void execute() {}"),
        "-: [PreflyteType] configuration property 'text' has type java.lang.StringBuilder",
        "-: [PreflyteType] configuration property 'twice' nests Optional inside Optional");
  }

  @Test
  void unsupportedTypesAreErrorsOnTheirElements() {
    assertEcjErrors(DiagnosticsTest.task(OK, "public record T(long x) {",
            "  public long execute(char c, Object o, List<?> w, int[] a) {",
            "    return x;",
            "  }"),
        "7: [PreflyteType] input 'c' has type char, which Preflyte cannot convert: use one of long/Long",
        "7: [PreflyteType] input 'o' has type java.lang.Object, which Preflyte cannot convert",
        "7: [PreflyteType] input 'w' has type java.util.List<?> with a missing or wildcard type argument",
        "7: [PreflyteType] input 'a' has type int[], which Preflyte cannot convert");
    assertEcjErrors(DiagnosticsTest.task(OK, "public class T {", "  public StringBuilder text;",
            "  public Optional<Optional<String>> twice;",
            "  public void execute() {}"),
        "7: [PreflyteType] configuration property 'text' has type java.lang.StringBuilder",
        "8: [PreflyteType] configuration property 'twice' nests Optional inside Optional");
  }

  @Test
  void unresolvedTypesAreReportedOnceOnTheClass() {
    List<String> errors = ecjErrors(DiagnosticsTest.task(OK, "public class T {",
        "  public Missing config;",
        "  public Missing execute(Missing in) { return in; }"));
    List<String> ours = errors.stream().filter(e -> e.contains("[Preflyte")).collect(Collectors.toList());
    assertEquals(1, ours.size(), () -> String.join("\n", errors));
    assertTrue(ours.get(0).startsWith("6: [PreflyteUnresolved] com.acme.T uses types that never resolved (Missing)"),
        ours.get(0));
  }
}
