package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated code compiles without a single warning under {@code -Xlint:all -Werror}. */
class GeneratedCodeLintTest {

  private static final JavaFileObject GREETER =
      JavaFileObjects.forSourceLines(
          "com.acme.nested.Outer",
          "package com.acme.nested;",
          "",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "import dev.preflyte.runtime.types.FlyteFile;",
          "import java.util.List;",
          "",
          "public class Outer {",
          "  @PrebuiltTask(image = \"localhost:5000/acme/greeter@sha256:"
              + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\", taskType = \"greeter\")",
          "  public static class Greeter {",
          "    public String greeting = \"Hello\";",
          "    private List<Integer> counts = List.of();",
          "    public List<Integer> getCounts() { return counts; }",
          "    public void setCounts(List<Integer> counts) { this.counts = counts; }",
          "    public FlyteFile execute(FlyteFile in, String name) throws Exception { return in; }",
          "  }",
          "}");

  @Test
  void generatedSourcesHaveNoLintWarnings() {
    List<JavaFileObject> sources = List.of(
        TypedTaskTest.ADDER, ConfigRoundTripTest.CONF, DynamicTaskTest.SUM, GREETER);
    Compilation processed = Compiled.run(sources.toArray(JavaFileObject[]::new));
    assertEquals(Compilation.Status.SUCCESS, processed.status(), () -> Compiled.describe(processed));
    assertEquals(8, processed.generatedSourceFiles().size());

    for (JavaFileObject generated : processed.generatedSourceFiles()) {
      String text;
      try {
        text = generated.getCharContent(true).toString();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      for (String line : text.split("\n")) {
        // Types are imported, never spelled out in the code, as in hand-written code.
        String code = line.strip();
        if (!code.startsWith("import ") && !code.startsWith("package ") && !code.startsWith("*")
            && !code.startsWith("/**")) {
          org.junit.jupiter.api.Assertions.assertFalse(line.contains("dev.preflyte.runtime."),
              () -> generated.getName() + ": " + line);
        }
      }
    }

    List<JavaFileObject> all = new ArrayList<>(sources);
    all.addAll(processed.generatedSourceFiles());
    Compilation strict = Compiler.javac().withOptions("-Xlint:all", "-Werror", "-proc:none").compile(all);
    assertEquals(Compilation.Status.SUCCESS, strict.status(), () -> Compiled.describe(strict));
    assertEquals(0, strict.warnings().size(), () -> Compiled.describe(strict));
  }
}
