package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor under malformed and unusual sources, as an IDE hands them over mid-edit: each case
 * ends in success or in errors that point at a file and line, never in a processor crash (an
 * exception into javac, or the {@code [PreflyteInternal]} error the processor reports for one).
 * RELIABILITY.md counts these cases.
 */
class BrokenSourcesTest {

  /** How a case must end. */
  enum Outcome { SUCCESS, LOCATED_ERRORS }

  /**
   * One case: its sources and how it must end; {@code message}, when not empty, is text one of the
   * errors must contain (the check the processor or javac is expected to make).
   */
  record Case(String name, Outcome outcome, String message, List<JavaFileObject> sources) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String TASK = "@PrebuiltTask(image = \"ghcr.io/acme/t:1.0\", taskType = \"t\")";

  /** {@code com.acme.<simpleName>} with the annotations and java.util imported; body lines follow. */
  static JavaFileObject source(String simpleName, String... lines) {
    List<String> all = new ArrayList<>(List.of(
        "package com.acme;",
        "import dev.preflyte.annotations.*;",
        "import java.util.*;"));
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines("com.acme." + simpleName, all.toArray(String[]::new));
  }

  private static Case ok(String name, JavaFileObject... sources) {
    return new Case(name, Outcome.SUCCESS, "", List.of(sources));
  }

  private static Case errors(String name, String message, JavaFileObject... sources) {
    return new Case(name, Outcome.LOCATED_ERRORS, message, List.of(sources));
  }

  private static final JavaFileObject ADDER = source("Adder",
      TASK,
      "public record Adder(long offset) {",
      "  public long execute(long a) { return a + offset; }",
      "}");

  static Stream<Case> cases() {
    String manyComponents = IntStream.range(0, 200).mapToObj(i -> "String p" + i).collect(Collectors.joining(", "));
    String manyParameters = IntStream.range(0, 120).mapToObj(i -> "long a" + i).collect(Collectors.joining(", "));
    String[] manyMethods = IntStream.range(0, 1000)
        .mapToObj(i -> "  public int helper" + i + "(int x) { return x + " + i + "; }").toArray(String[]::new);
    List<String> hugeBody = new ArrayList<>(List.of(TASK, "public record Huge(long offset) {",
        "  public long execute(long a) { return a + offset; }"));
    hugeBody.addAll(List.of(manyMethods));
    hugeBody.add("}");

    return Stream.of(
        // Generic, local, nested and inner classes.
        errors("generic record", "", source("G", TASK,
            "public record G<T>(T value) {", "  public String execute() { return String.valueOf(value); }", "}")),
        errors("generic execute method", "", source("G", TASK,
            "public record G(long x) {", "  public <T> T execute(T input) { return input; }", "}")),
        errors("execute parameter of the class's type variable", "", source("G", TASK,
            "public class G<T extends Number> {", "  public long execute(T input) { return input.longValue(); }", "}")),
        // javac gives processors no local classes: the annotation there is not seen (no output, no error).
        ok("local class", source("Outer",
            "public class Outer {", "  void m() {", "    " + TASK,
            "    record Local(long x) { public long execute() { return x; } }", "  }", "}")),
        ok("static nested record", source("Outer",
            "public class Outer {", "  " + TASK,
            "  public record Nested(long x) { public long execute() { return x; } }", "}")),
        errors("inner (non-static) class", "", source("Outer",
            "public class Outer {", "  " + TASK,
            "  public class Inner { public long execute() { return 1; } }", "}")),
        errors("private nested class", "", source("Outer",
            "public class Outer {", "  " + TASK,
            "  private record Hidden(long x) { public long execute() { return x; } }", "}")),
        // The annotation on kinds of type that cannot be a task.
        errors("interface", "", source("I", TASK, "public interface I {", "  long execute();", "}")),
        errors("enum", "", source("E", TASK, "public enum E {", "  A, B;", "  public long execute() { return 1; }", "}")),
        errors("annotation type", "", source("A", TASK, "public @interface A {", "  String value();", "}")),
        errors("abstract class", "", source("Abs", TASK,
            "public abstract class Abs {", "  public abstract long execute(long a);", "}")),
        errors("on a package-info", "", JavaFileObjects.forSourceLines("com.acme.package-info",
            TASK.replace("@PrebuiltTask", "@dev.preflyte.annotations.PrebuiltTask"), "package com.acme;")),
        // Types no processor generates (another processor's output that never came).
        errors("configuration of a missing type", "Generated", source("M", TASK,
            "public record M(com.acme.gen.Generated config) {", "  public long execute() { return 1; }", "}")),
        errors("execute parameter of a missing type", "Missing", source("M", TASK,
            "public record M(long x) {", "  public long execute(Missing input) { return x; }", "}")),
        errors("execute result of a missing type", "Missing", source("M", TASK,
            "public record M(long x) {", "  public Missing execute() { return null; }", "}")),
        errors("superclass missing", "Missing", source("M", TASK,
            "public class M extends MissingBase {", "  public long execute() { return 1; }", "}")),
        errors("interface missing", "Missing", source("M", TASK,
            "public record M(long x) implements MissingApi {", "  public long execute() { return x; }", "}")),
        errors("declared task of a missing task class", "", ADDER, source("Tasks",
            "public final class Tasks {",
            "  @DeclaredTask public static final MissingTask T = MissingTask.of(null);", "}")),
        // Syntax errors next to the annotation.
        errors("annotation not closed", "", source("S",
            "@PrebuiltTask(image = \"ghcr.io/acme/t:1.0\", taskType = \"t\"",
            "public record S(long x) { public long execute() { return x; } }")),
        errors("annotation value not a string", "", source("S",
            "@PrebuiltTask(image = 42, taskType = \"t\")",
            "public record S(long x) { public long execute() { return x; } }")),
        errors("annotation value not a constant", "", source("S",
            "@PrebuiltTask(image = String.valueOf(1), taskType = \"t\")",
            "public record S(long x) { public long execute() { return x; } }")),
        errors("annotation value an undefined constant", "cannot find symbol", source("S",
            "@PrebuiltTask(image = Images.MISSING, taskType = \"t\")",
            "public record S(long x) { public long execute() { return x; } }")),
        errors("annotation missing taskType", "", source("S",
            "@PrebuiltTask(image = \"ghcr.io/acme/t:1.0\")",
            "public record S(long x) { public long execute() { return x; } }")),
        errors("annotation repeated", "", source("S", TASK, TASK,
            "public record S(long x) { public long execute() { return x; } }")),
        errors("missing semicolon in execute", "", source("S", TASK,
            "public record S(long x) {", "  public long execute() { return x }", "}")),
        errors("body type error in execute", "", source("S", TASK,
            "public record S(long x) {", "  public long execute() { return \"text\"; }", "}")),
        errors("class not closed", "", source("S", TASK,
            "public record S(long x) {", "  public long execute() { return x; }")),
        // execute missing, doubled, static, odd.
        errors("no execute method", "", source("S", TASK, "public record S(long x) {", "}")),
        errors("two execute methods", "", source("S", TASK, "public record S(long x) {",
            "  public long execute() { return x; }", "  public long execute(long a) { return a; }", "}")),
        errors("static execute", "", source("S", TASK, "public record S(long x) {",
            "  public static long execute(long a) { return a; }", "}")),
        ok("execute throwing a checked exception", source("S", TASK, "public record S(long x) {",
            "  public long execute(long a) throws java.io.IOException { return a + x; }", "}")),
        errors("execute with varargs of an unsupported type", "", source("S", TASK, "public record S(long x) {",
            "  public long execute(Object... a) { return x; }", "}")),
        // Names that clash with generated ones or with Java.
        errors("user class with the task class's name", "com.acme.AdderTask is already a class of this compilation", ADDER, source("AdderTask",
            "public final class AdderTask {}")),
        errors("user class with the executor's name", "com.acme.AdderExecutor is already a class of this compilation", ADDER, source("AdderExecutor",
            "public final class AdderExecutor {}")),
        ok("class already ending in Task", source("CopyTask", TASK,
            "public record CopyTask(long x) { public long execute() { return x; } }")),
        ok("components named like generated members", source("N", TASK,
            "public record N(String of, String custom, String executorName, String CUSTOM) {",
            "  public String execute() { return of + custom + executorName + CUSTOM; }", "}")),
        ok("dollar in the class name", source("Ad$der", TASK,
            "public record Ad$der(long x) { public long execute() { return x; } }")),
        ok("default package", JavaFileObjects.forSourceLines("Top",
            TASK.replace("@PrebuiltTask", "@dev.preflyte.annotations.PrebuiltTask"),
            "public record Top(long x) { public long execute() { return x; } }")),
        // Unusual but legal shapes.
        errors("configuration of an unsupported type", "", source("U", TASK,
            "public record U(Thread worker) { public long execute() { return 1; } }")),
        ok("deeply nested configuration type", source("D", TASK,
            "public record D(Map<String, List<Map<String, Optional<Long>>>> deep) {",
            "  public long execute() { return deep.size(); }", "}")),
        ok("recursive configuration", source("R", TASK,
            "public record R(R next) { public long execute() { return 1; } }")),
        ok("huge: 200 configuration components", source("Wide", TASK,
            "public record Wide(" + manyComponents + ") {", "  public String execute() { return p0 + p199; }", "}")),
        ok("huge: 120 execute parameters", source("Many", TASK,
            "public record Many(long x) {", "  public long execute(" + manyParameters + ") { return a0 + a119; }", "}")),
        ok("huge: 1000 other methods", source("Huge", hugeBody.toArray(String[]::new))),
        ok("record implementing a sealed interface", source("Shape",
            "public sealed interface Shape permits Shape.Circle {", "  " + TASK,
            "  record Circle(double r) implements Shape { public double execute() { return r; } }", "}")),
        errors("declared task on an instance field", "", ADDER, source("Tasks",
            "public final class Tasks {",
            "  @DeclaredTask public final AdderTask t = AdderTask.of(new Adder(1));", "}")),
        errors("declared task method with parameters", "", ADDER, source("Tasks",
            "public final class Tasks {",
            "  @DeclaredTask public static AdderTask t(long o) { return AdderTask.of(new Adder(o)); }", "}")),
        errors("declared task of a type that is not a task", "", source("Tasks",
            "public final class Tasks {", "  @DeclaredTask public static final String T = \"x\";", "}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void endsInLocatedDiagnosticsOrSuccess(Case c) {
    // Compiled.run asserts that no [PreflyteInternal] error (a caught processor crash) was reported;
    // an exception escaping into javac would fail the test here too.
    Compilation compilation = Compiled.run(c.sources().toArray(JavaFileObject[]::new));
    String diagnostics = compilation.diagnostics().stream()
        .map(d -> d.getKind() + " " + (d.getSource() == null ? "-" : d.getSource().getName()) + ":"
            + d.getLineNumber() + ": " + d.getMessage(null))
        .collect(Collectors.joining("\n"));
    if (c.outcome() == Outcome.SUCCESS) {
      assertEquals(Compilation.Status.SUCCESS, compilation.status(), diagnostics);
      return;
    }
    assertEquals(Compilation.Status.FAILURE, compilation.status(), diagnostics);
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertNotNull(error.getSource(), () -> "error without a file: " + error.getMessage(null));
      assertTrue(error.getLineNumber() > 0, () -> "error without a line: " + error.getMessage(null));
      // javac's placeholder for a value it could not attribute: javac reports the cause itself.
      assertTrue(!error.getMessage(null).contains("<error>"), () -> "echoes javac's placeholder: " + diagnostics);
    }
    assertTrue(c.message().isEmpty()
        || compilation.errors().stream().anyMatch(e -> e.getMessage(null).contains(c.message())), diagnostics);
  }
}
