package dev.preflyte.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.preflyte.conventions.DeclaredTaskIndex;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.DeclaredTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code @DeclaredTask}: the index the processor writes, every check on a declaration, partial recompiles. */
class DeclaredTaskTest {

  @TempDir Path dir;

  /** The task type the declarations use; its AdderTask is generated in the same compilation. */
  static final JavaFileObject ADDER = JavaFileObjects.forSourceLines("com.acme.Adder",
      "package com.acme;",
      "",
      "@dev.preflyte.annotations.PrebuiltTask(image = \"ghcr.io/acme/adder:1.0\", taskType = \"adder\")",
      "public record Adder(long offset) {",
      "  public long execute(long a) { return a + offset; }",
      "}");

  /** A declaring class {@code com.acme.Tasks} whose member lines start at line 5. */
  static JavaFileObject declaring(String classDeclaration, String... members) {
    List<String> lines = new ArrayList<>(List.of(
        "package com.acme;",
        "",
        "import dev.preflyte.annotations.DeclaredTask;",
        classDeclaration));
    lines.addAll(List.of(members));
    lines.add("}");
    return JavaFileObjects.forSourceLines("com.acme.Tasks", lines.toArray(String[]::new));
  }

  static JavaFileObject tasks(String... members) {
    return declaring("public final class Tasks {", members);
  }

  private static String index(Compilation compilation, String binaryName) throws IOException {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, DeclaredTaskIndex.indexResource(binaryName))
        .orElseThrow(() -> new AssertionError("no index for " + binaryName))
        .getCharContent(true).toString();
  }

  @Test
  void writesOneSortedIndexPerDeclaringClass() throws Exception {
    JavaFileObject tasks = tasks(
        "  @DeclaredTask public static AdderTask zeta() { return AdderTask.of(new Adder(3)); }",
        "  @DeclaredTask(name = \"add_two\") public static final AdderTask TWO = AdderTask.of(new Adder(2));",
        "  @DeclaredTask public static final AdderTask ONE = AdderTask.of(new Adder(1));",
        "  public static final AdderTask NOT_DECLARED = AdderTask.of(new Adder(9));",
        "  public static final class Nested {",
        "    @DeclaredTask public static final AdderTask INNER = AdderTask.of(new Adder(4));",
        "  }");
    Compiled compiled = Compiled.compile(dir, ADDER, tasks);
    assertEquals("field\tONE\t\nfield\tTWO\tadd_two\nmethod\tzeta\t\n", index(compiled.compilation, "com.acme.Tasks"));
    assertEquals("field\tINNER\t\n", index(compiled.compilation, "com.acme.Tasks$Nested"));
    try (Stream<Path> files = Files.list(dir.resolve(DeclaredTaskIndex.INDEX_DIRECTORY))) {
      assertEquals(List.of("com.acme.Tasks", "com.acme.Tasks$Nested"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }

    // The runtime reads what the processor wrote.
    List<DeclaredTask> declared = DeclaredTasks.load(compiled.loader);
    assertEquals(List.of("add_two", "com.acme.Tasks.Nested.INNER", "com.acme.Tasks.ONE", "com.acme.Tasks.zeta"),
        declared.stream().map(DeclaredTask::name).toList());
    assertEquals(List.of("com.acme.Tasks.TWO", "com.acme.Tasks.Nested.INNER", "com.acme.Tasks.ONE",
        "com.acme.Tasks.zeta()"), declared.stream().map(DeclaredTask::declaration).toList());
    assertEquals("com.acme.Adder", declared.get(0).task().executorName());
  }

  @Test
  void aClassWithoutDeclarationsGetsNoIndex() {
    Compiled compiled = Compiled.compile(dir, ADDER);
    assertFalse(Files.exists(dir.resolve(DeclaredTaskIndex.INDEX_DIRECTORY)));
    assertTrue(compiled.compilation.generatedFiles().stream()
        .noneMatch(f -> f.toUri().getPath().contains(DeclaredTaskIndex.INDEX_DIRECTORY)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "@DeclaredTask public static AdderTask T = AdderTask.of(new Adder(1));"
        + "|[PreflyteDeclaredTask] the declared task com.acme.Tasks.T is not final: declare it 'public static final'",
    "@DeclaredTask public final AdderTask T = AdderTask.of(new Adder(1));"
        + "|[PreflyteDeclaredTask] the declared task com.acme.Tasks.T is not static: declare it",
    "@DeclaredTask static final AdderTask T = AdderTask.of(new Adder(1));"
        + "|[PreflyteDeclaredTask] the declared task com.acme.Tasks.T is not public: declare it",
    "@DeclaredTask AdderTask T = AdderTask.of(new Adder(1));"
        + "|[PreflyteDeclaredTask] the declared task com.acme.Tasks.T is not public, static, final: declare it",
    "@DeclaredTask public AdderTask t() { return AdderTask.of(new Adder(1)); }"
        + "|[PreflyteDeclaredTask] the declared task com.acme.Tasks.t() is not static: declare the method 'public static'",
    "@DeclaredTask public static AdderTask t(long x) { return AdderTask.of(new Adder(x)); }"
        + "|[PreflyteDeclaredTask] the declared task com.acme.Tasks.t() takes 1 parameter: tools call it with none",
    "@DeclaredTask public static final String T = \"x\";"
        + "|[PreflyteDeclaredTask] the declared task com.acme.Tasks.T has type java.lang.String, which is not a"
        + " dev.preflyte.runtime.task.PrebuiltContainerTask: declare a generated task",
    "@DeclaredTask public static void t() {}"
        + "|[PreflyteDeclaredTask] the declared task com.acme.Tasks.t() has type void, which is not a",
    "@DeclaredTask public static final java.util.List<AdderTask> T = java.util.List.of();"
        + "|[PreflyteDeclaredTask] the declared task com.acme.Tasks.T has type java.util.List<com.acme.AdderTask>",
    "@DeclaredTask(name = \"bad name\") public static final AdderTask T = AdderTask.of(new Adder(1));"
        + "|[PreflyteDeclaredTask] the task name \"bad name\" of com.acme.Tasks.T is not valid for Flyte"
        + " (it contains ' '): use 1 to 255 letters",
    "@DeclaredTask(name = \"\") public static final AdderTask $T = AdderTask.of(new Adder(1));"
        + "|[PreflyteDeclaredTask] the default task name \"com.acme.Tasks.$T\" of com.acme.Tasks.$T is not valid"
        + " for Flyte (it contains '$'): give @DeclaredTask(name = ...) with",
  })
  void badDeclarationsAreOneErrorOnTheMember(String member, String message) {
    JavaFileObject source = tasks("  " + member);
    Compilation compilation = Compiled.run(ADDER, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(5);
  }

  @Test
  void aDeclarationInAClassThatIsNotPublicIsAnError() {
    JavaFileObject source = declaring("final class Tasks {",
        "  @DeclaredTask public static final AdderTask T = AdderTask.of(new Adder(1));");
    Compilation compilation = Compiled.run(ADDER, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[PreflyteDeclaredTask] the declared task com.acme.Tasks.T is in"
        + " com.acme.Tasks, which is not a public top-level or member class").inFile(source).onLine(5);
  }

  @Test
  void oneNameTwiceInOneClassNamesBoth() {
    JavaFileObject source = tasks(
        "  @DeclaredTask(name = \"same\") public static final AdderTask A = AdderTask.of(new Adder(1));",
        "  @DeclaredTask(name = \"same\") public static AdderTask b() { return AdderTask.of(new Adder(2)); }");
    Compilation compilation = Compiled.run(ADDER, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[PreflyteDeclaredTask] the task name \"same\" is declared twice,"
        + " by com.acme.Tasks.A and com.acme.Tasks.b(): give one of them another name with"
        + " @DeclaredTask(name = \"...\")").inFile(source).onLine(6);
  }

  @Test
  void anExplicitNameEqualToAnotherClassesDefaultNameIsADuplicate() {
    JavaFileObject first = tasks(
        "  @DeclaredTask public static final AdderTask A = AdderTask.of(new Adder(1));");
    JavaFileObject second = JavaFileObjects.forSourceLines("com.acme.More",
        "package com.acme;",
        "",
        "public final class More {",
        "  @dev.preflyte.annotations.DeclaredTask(name = \"com.acme.Tasks.A\")",
        "  public static final AdderTask B = AdderTask.of(new Adder(2));",
        "}");
    Compilation compilation = Compiled.run(ADDER, second, first);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[PreflyteDeclaredTask] the task name \"com.acme.Tasks.A\" is"
        + " declared twice, by com.acme.More.B and com.acme.Tasks.A").inFile(first).onLine(5);
  }

  @Test
  void aDeclarationOfATypeThatNeverResolvesIsLeftToJavac() {
    JavaFileObject source = tasks("  @DeclaredTask public static final MissingTask T = null;");
    Compilation compilation = Compiled.run(ADDER, source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(source).onLine(5);
  }


  // Partial recompiles, on disk as a build tool runs them.

  private Path source(String name, String... members) {
    List<String> lines = new ArrayList<>(List.of("package com.acme;", "",
        "import dev.preflyte.annotations.DeclaredTask;", "", "public final class " + name + " {"));
    lines.addAll(List.of(members));
    lines.add("}");
    return DiskCompiler.write(dir.resolve("src"), "com/acme/" + name + ".java", lines.toArray(String[]::new));
  }

  private Path adderSource() {
    return DiskCompiler.write(dir.resolve("src"), "com/acme/Adder.java",
        "package com.acme;",
        "",
        "@dev.preflyte.annotations.PrebuiltTask(image = \"ghcr.io/acme/adder:1.0\", taskType = \"adder\")",
        "public record Adder(long offset) {",
        "  public long execute(long a) { return a + offset; }",
        "}");
  }

  @Test
  void aClassWithABadDeclarationGetsNoIndexAtAll() {
    Path adder = adderSource();
    Path alpha = source("Alpha",
        "  @DeclaredTask public static final AdderTask ONE = AdderTask.of(new Adder(1));",
        "  @DeclaredTask public static AdderTask TWO = AdderTask.of(new Adder(2));");
    Path out = dir.resolve("classes");
    DiskCompiler.Result result = DiskCompiler.compile(out, List.of(adder, alpha));
    assertFalse(result.success(), result::describe);
    assertFalse(Files.exists(out.resolve(DeclaredTaskIndex.indexResource("com.acme.Alpha"))));
  }

  private static List<String> indexes(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out.resolve(DeclaredTaskIndex.INDEX_DIRECTORY))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void partialRecompileRewritesOnlyItsOwnIndexAndADeletedClassLeavesNone() throws Exception {
    Path adder = adderSource();
    Path alpha = source("Alpha", "  @DeclaredTask public static final AdderTask ONE = AdderTask.of(new Adder(1));");
    Path beta = source("Beta", "  @DeclaredTask public static final AdderTask TWO = AdderTask.of(new Adder(2));");
    Path out = dir.resolve("classes");
    DiskCompiler.Result full = DiskCompiler.compile(out, List.of(adder, alpha, beta));
    assertTrue(full.success(), full::describe);
    assertEquals(List.of("com.acme.Alpha", "com.acme.Beta"), indexes(out));

    // Alpha changes alone: only Alpha is recompiled (AdderTask comes from the earlier output).
    source("Alpha",
        "  @DeclaredTask public static final AdderTask ONE = AdderTask.of(new Adder(1));",
        "  @DeclaredTask(name = \"three\") public static AdderTask three() { return AdderTask.of(new Adder(3)); }");
    DiskCompiler.Result partial = DiskCompiler.compile(out, List.of(alpha));
    assertTrue(partial.success(), partial::describe);
    assertEquals(List.of("com.acme.Alpha", "com.acme.Beta"), indexes(out));
    assertEquals("field\tONE\t\nmethod\tthree\tthree\n",
        Files.readString(out.resolve(DeclaredTaskIndex.indexResource("com.acme.Alpha"))));
    assertEquals("field\tTWO\t\n", Files.readString(out.resolve(DeclaredTaskIndex.indexResource("com.acme.Beta"))));

    // Beta is deleted: the build removes what Beta originated, then recompiles what is left.
    Files.delete(beta);
    Files.delete(out.resolve("com/acme/Beta.class"));
    Files.delete(out.resolve(DeclaredTaskIndex.indexResource("com.acme.Beta")));
    DiskCompiler.Result afterDelete = DiskCompiler.compile(out, List.of(alpha));
    assertTrue(afterDelete.success(), afterDelete::describe);
    assertEquals(List.of("com.acme.Alpha"), indexes(out));

    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
        new java.net.URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      assertEquals(List.of("com.acme.Alpha.ONE", "three"),
          DeclaredTasks.load(loader).stream().map(DeclaredTask::name).toList());
    }
  }
}
