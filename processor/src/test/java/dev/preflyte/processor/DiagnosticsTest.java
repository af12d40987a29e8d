package dev.preflyte.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every compile-time check: its message, the file and line it points at, and the error count. */
class DiagnosticsTest {

  /** A task source whose line 5 is the annotation, line 6 the class declaration and line 7 the execute method. */
  static JavaFileObject task(String annotation, String declaration, String... body) {
    List<String> lines = new ArrayList<>(List.of(
        "package com.acme;",
        "",
        "import dev.preflyte.annotations.*;",
        "import java.util.*;",
        annotation,
        declaration));
    lines.addAll(List.of(body));
    lines.add("}");
    return JavaFileObjects.forSourceLines("com.acme.T", lines.toArray(String[]::new));
  }

  private static JavaFileObject withAnnotation(String image, String taskType) {
    return task("@PrebuiltTask(image = \"" + image + "\", taskType = \"" + taskType + "\")",
        "public record T(long x) {", "  public long execute() { return x; }");
  }

  private static final String OK = "@PrebuiltTask(image = \"ghcr.io/acme/t:1.0\", taskType = \"t\")";

  private static void assertOneError(JavaFileObject source, String prefix, int line) {
    Compilation compilation = Compiled.run(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(prefix).inFile(source).onLine(line);
  }

  /**
   * Asserts the errors, in order: {@code expected} alternates a message prefix and the line it must
   * be reported on, in {@code source}.
   */
  private static void assertErrors(Compilation compilation, JavaFileObject source, Object... expected) {
    assertThat(compilation).hadErrorCount(expected.length / 2);
    List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
    for (int i = 0; i < expected.length / 2; i++) {
      Diagnostic<? extends JavaFileObject> error = errors.get(i);
      String message = error.getMessage(null);
      assertTrue(message.startsWith((String) expected[2 * i]), message);
      assertEquals(source.toUri(), error.getSource().toUri(), message);
      assertEquals(((Integer) expected[2 * i + 1]).longValue(), error.getLineNumber(), message);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "'', [PreflyteImage] image is blank",
    "'  ', [PreflyteImage] image is blank",
    "ghcr.io/Acme/adder:1.0, '[PreflyteImage] image \"ghcr.io/Acme/adder:1.0\" is not a valid image reference (the path component \"Acme\"'",
    "'ghcr.io/acme/adder:1.0 ', [PreflyteImage] image \"ghcr.io/acme/adder:1.0 \" is not a valid image reference (it contains whitespace)",
    "ghcr.io/acme/adder@sha256:abc, [PreflyteImage] image \"ghcr.io/acme/adder@sha256:abc\" is not a valid image reference (the digest",
    "ghcr.io:99999/acme/adder:1, [PreflyteImage] image \"ghcr.io:99999/acme/adder:1\" is not a valid image reference (the registry port",
    "ghcr.io/acme/adder:.bad, [PreflyteImage] image \"ghcr.io/acme/adder:.bad\" is not a valid image reference (the tag",
    "ghcr.io//adder:1, [PreflyteImage] image \"ghcr.io//adder:1\" is not a valid image reference (the path component \"\"",
  })
  void invalidImagesAreErrorsOnTheAnnotation(String image, String message) {
    assertOneError(withAnnotation(image, "t"), message, 5);
  }

  @ParameterizedTest
  @CsvSource({
    "ghcr.io/acme/adder:latest, uses the tag \"latest\"",
    "ghcr.io/acme/adder, has no tag",
    "adder, has no tag",
  })
  void unpinnedImagesAreWarningsUnlessSuppressed(String image, String message) {
    JavaFileObject source = withAnnotation(image, "t");
    Compilation compilation = Compiled.run(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[PreflyteImage] image \"" + image + "\" " + message)
        .inFile(source).onLine(5);

    JavaFileObject suppressed = task("@SuppressWarnings(\"preflyte\") @PrebuiltTask(image = \"" + image
        + "\", taskType = \"t\")", "public record T(long x) {", "  public long execute() { return x; }");
    Compilation quiet = Compiled.run(suppressed);
    assertThat(quiet).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @CsvSource({
    "localhost:5000/a/b:1.0",
    "registry.example.com/team/app-name_x.y:v1.2.3-rc.1",
    "ubuntu:24.04",
    "ghcr.io/a/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "ghcr.io/a/b:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  })
  void validImagesPassWithoutWarnings(String image) {
    assertThat(Compiled.run(withAnnotation(image, "t"))).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @CsvSource({
    "'', [PreflyteTaskType] taskType is blank",
    "My Task, '[PreflyteTaskType] taskType \"My Task\" is not valid'",
    "-x, '[PreflyteTaskType] taskType \"-x\" is not valid'",
    "spark, '[PreflyteTaskType] taskType \"spark\" is claimed by a Flyte back-end plugin'",
    "python-task, '[PreflyteTaskType] taskType \"python-task\" is claimed by a Flyte back-end plugin'",
    "container_array, '[PreflyteTaskType] taskType \"container_array\" is claimed'",
    "snowflake, '[PreflyteTaskType] taskType \"snowflake\" is claimed'",
  })
  void badTaskTypesAreErrorsOnTheAnnotation(String taskType, String message) {
    assertOneError(withAnnotation("ghcr.io/acme/t:1.0", taskType), message, 5);
  }

  @Test
  void imageAndTaskTypeProblemsAreReportedTogether() {
    JavaFileObject source = withAnnotation("", "spark");
    assertErrors(Compiled.run(source), source,
        "[PreflyteImage] image is blank", 5, "[PreflyteTaskType] taskType \"spark\"", 5);
  }

  @Test
  void classShapeProblemsAreAllReported() {
    JavaFileObject source = task(OK, "abstract class T<X> {", "  T(int a) {}", "  public long execute() { return 1; }");
    Compilation compilation = Compiled.run(source);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation).hadErrorContaining("[PreflyteTaskClass] com.acme.T is not public").inFile(source).onLine(6);
    assertThat(compilation).hadErrorContaining("[PreflyteTaskClass] com.acme.T is abstract").inFile(source).onLine(6);
    assertThat(compilation).hadErrorContaining("[PreflyteTaskClass] com.acme.T has type parameters")
        .inFile(source).onLine(6);
    assertThat(compilation).hadErrorContaining("[PreflyteTaskClass] com.acme.T has no public no-argument constructor")
        .inFile(source).onLine(6);
  }

  @Test
  void problemsOfTheClassAndItsMembersAreReportedInOneCompile() {
    JavaFileObject source = task("@PrebuiltTask(image = \"\", taskType = \"t\")", "record T(Object config) {",
        "  public long execute(Object in) { return 1; }");
    assertErrors(Compiled.run(source), source,
        "[PreflyteImage] image is blank", 5,
        "[PreflyteTaskClass] com.acme.T is not public", 6,
        "[PreflyteType] configuration property 'config' has type java.lang.Object", 6,
        "[PreflyteType] input 'in' has type java.lang.Object", 7);
  }

  @Test
  void innerClassIsAnError() {
    JavaFileObject source = task("", "public class T {",
        "  " + OK,
        "  public class Inner {",
        "    public long execute() { return 1; }",
        "  }");
    assertOneError(source, "[PreflyteTaskClass] com.acme.T.Inner is an inner class", 8);
  }

  @Test
  void interfaceIsAnError() {
    assertOneError(task(OK, "public interface T {", "  long execute();"),
        "[PreflyteTaskClass] @PrebuiltTask is on interface com.acme.T", 6);
  }

  @Test
  void missingExecuteIsAnError() {
    assertOneError(task(OK, "public record T(long x) {", "  long execute() { return x; }"),
        "[PreflyteExecute] com.acme.T has no public method named execute", 6);
  }

  @Test
  void severalExecuteMethodsAreErrorsOnEach() {
    JavaFileObject source = task(OK, "public record T(long x) {",
        "  public long execute() { return x; }",
        "  public long execute(long y) { return y; }");
    Compilation compilation = Compiled.run(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[PreflyteExecute] com.acme.T has 2 public methods named execute")
        .inFile(source).onLine(7);
    assertThat(compilation).hadErrorContaining("[PreflyteExecute] com.acme.T has 2 public methods named execute")
        .inFile(source).onLine(8);
  }

  @Test
  void staticExecuteIsAnError() {
    assertOneError(task(OK, "public record T(long x) {", "  public static long execute() { return 1; }"),
        "[PreflyteExecute] execute is static", 7);
  }

  @Test
  void unsupportedTypesAreNamedWithTheSupportedOnes() {
    JavaFileObject source = task(OK, "public record T(long x) {",
        "  public long execute(char c, Object o, List<?> w, Map<Integer, String> m, int[] a, List raw) {",
        "    return x;",
        "  }");
    assertErrors(Compiled.run(source), source,
        "[PreflyteType] input 'c' has type char, which Preflyte cannot convert: use one of long/Long", 7,
        "[PreflyteType] input 'o' has type java.lang.Object, which Preflyte cannot convert", 7,
        "[PreflyteType] input 'w' has type java.util.List<?> with a missing or wildcard type argument", 7,
        "[PreflyteType] input 'm' has type java.util.Map<java.lang.Integer,java.lang.String>, which Preflyte cannot", 7,
        "[PreflyteType] input 'a' has type int[], which Preflyte cannot convert", 7,
        "[PreflyteType] input 'raw' has type java.util.List with a missing or wildcard type argument", 7);
  }

  @Test
  void unsupportedConfigurationTypesAreErrorsOnTheComponent() {
    JavaFileObject source = task(OK,
        "public record T(dev.preflyte.runtime.types.FlyteFile file, Optional<Optional<String>> twice,",
        "    StringBuilder text, Plain plain) {",
        "  public static class Plain { public int a; }",
        "  public void execute() {}");
    assertErrors(Compiled.run(source), source,
        "[PreflyteType] configuration property 'file' has type dev.preflyte.runtime.types.FlyteFile", 6,
        "[PreflyteType] configuration property 'twice' nests Optional inside Optional", 6,
        "[PreflyteType] configuration property 'text' has type java.lang.StringBuilder", 7,
        "[PreflyteType] configuration property 'plain' has type com.acme.T.Plain, which Preflyte cannot convert: use one of"
            + " long/Long, int/Integer, double/Double, float/Float, boolean/Boolean, String, Instant, Duration, enums,"
            + " List<T>, Map<String, T>, Optional<T> and records of these", 7);
  }

  @Test
  void inaccessibleTypesAreErrors() {
    JavaFileObject source = task(OK, "public record T(Hidden hidden) {",
        "  private record Hidden(long a) {}",
        "  public void execute() {}");
    assertOneError(source, "[PreflyteType] configuration property 'hidden' has type com.acme.T.Hidden, which the"
        + " generated code in the task's package cannot access", 6);
  }

  @Test
  void unreachableClassFieldIsAnError() {
    JavaFileObject source = task(OK, "public class T {",
        "  private String secret;",
        "  public final int fixed = 1;",
        "  public void execute() {}");
    Compilation compilation = Compiled.run(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[PreflyteProperty] configuration field 'secret' of com.acme.T cannot be"
        + " read and written by the generated code: make it public and non-final, or add public getSecret() and"
        + " setSecret(...)").inFile(source).onLine(7);
    assertThat(compilation).hadErrorContaining("[PreflyteProperty] configuration field 'fixed'").inFile(source).onLine(8);
  }

  @Test
  void outputsOnAClassIsAnError() {
    JavaFileObject source = task(OK, "public record T() {",
        "  @Outputs public static class Result { public long a; }",
        "  public Result execute() { return new Result(); }");
    assertOneError(source, "[PreflyteOutputs] com.acme.T.Result is annotated @Outputs but is not a record", 8);
  }

  @Test
  void privateOutputsRecordIsAnError() {
    JavaFileObject source = task(OK, "public record T() {",
        "  @Outputs private record Result(long a) {}",
        "  public long execute() { return 1; }",
        "  public Result execute2() { return new Result(1); }");
    assertThat(Compiled.run(source)).succeededWithoutWarnings();
    JavaFileObject hidden = task(OK, "public class T {",
        "  @Outputs private record Result(long a) {}",
        "  public Result execute() { return new Result(1); }");
    assertOneError(hidden, "[PreflyteType] the return value of execute has type com.acme.T.Result, which the generated"
        + " code in the task's package cannot access", 8);
  }

  @Test
  void unsupportedOutputComponentIsAnErrorOnTheComponent() {
    JavaFileObject source = task(OK, "public record T() {",
        "  @Outputs public record Result(long a,",
        "      Object b) {}",
        "  public Result execute() { return new Result(1, null); }");
    assertOneError(source, "[PreflyteType] output 'b' has type java.lang.Object, which Preflyte cannot convert", 8);
  }

  @Test
  void halfDynamicExecuteIsAnError() {
    JavaFileObject source = task(OK, "public record T() {",
        "  public long execute(dev.preflyte.runtime.executor.TaskInputs in) { return 1; }");
    assertOneError(source, "[PreflyteDynamic] a task with a dynamic interface takes TaskInputs and returns TaskOutputs", 7);
  }

  @Test
  void badInputNameIsAnError() {
    JavaFileObject source = task(OK, "public record T() {", "  public long execute(long a$b) { return 1; }");
    assertOneError(source, "[PreflyteExecute] parameter 'a$b' cannot be a Flyte input name", 7);
  }

  @Test
  void twoTasksGeneratingTheSameClassAreAnError() {
    JavaFileObject nested = JavaFileObjects.forSourceLines("com.acme.Outer",
        "package com.acme;",
        "public class Outer {",
        "  @dev.preflyte.annotations.PrebuiltTask(image = \"ghcr.io/a/b:1\", taskType = \"t\")",
        "  public record Adder() { public void execute() {} }",
        "}");
    JavaFileObject flat = JavaFileObjects.forSourceLines("com.acme.Outer_Adder",
        "package com.acme;",
        "@dev.preflyte.annotations.PrebuiltTask(image = \"ghcr.io/a/b:1\", taskType = \"t\")",
        "public record Outer_Adder() { public void execute() {} }");
    Compilation compilation = Compiled.run(nested, flat);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[PreflyteDuplicate] the generated class com.acme.Outer_AdderTask would"
        + " also be generated for com.acme.Outer.Adder: rename one of the two task classes").inFile(flat).onLine(3);
  }

  @Test
  void typesThatNeverResolveAreReportedOnceAtTheEnd() {
    JavaFileObject source = task(OK, "public record T(Missing config) {",
        "  public Missing execute(Missing in) { return in; }");
    Compilation compilation = Compiled.run(source);
    long ours = compilation.errors().stream()
        .filter(d -> d.getMessage(null).startsWith("[PreflyteUnresolved] com.acme.T uses types that never resolved"
            + " (Missing)"))
        .count();
    assertEquals(1, ours, () -> Compiled.describe(compilation));
    assertThat(compilation).hadErrorContaining("[PreflyteUnresolved]").inFile(source).onLine(6);
  }
}
