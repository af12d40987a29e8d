package dev.preflyte.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated sources of every shape a task can take, compared character for character with
 * src/test/resources/golden, and kept within 100 columns. Run with {@code
 * -Dpreflyte.updateGolden=true} to rewrite them after an intended change, and review the diff.
 */
class GoldenSourceTest {

  /** Nested records, Optional, Map and List in the configuration. */
  static final JavaFileObject FETCH =
      JavaFileObjects.forSourceLines(
          "com.acme.Fetch",
          "package com.acme;",
          "",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "import java.time.Duration;",
          "import java.util.List;",
          "import java.util.Map;",
          "import java.util.Optional;",
          "",
          "@PrebuiltTask(image = \"ghcr.io/acme/fetch:1.0.0\", taskType = \"fetch\")",
          "public record Fetch(String baseUrl, Map<String, String> headers, List<Retry> retries,",
          "    Optional<Duration> pause) {",
          "  public record Retry(int status, Optional<Backoff> backoff) {}",
          "",
          "  public record Backoff(Duration first, double factor) {}",
          "",
          "  public long execute(String path) {",
          "    return (baseUrl + path).length();",
          "  }",
          "}");

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("record", TypedTaskTest.ADDER, "com.acme.Adder"),
        Arguments.of("bean class", EclipseCompilerTest.GREETER, "com.acme.Greeter"),
        Arguments.of("nested records, Optional, Map, List", FETCH, "com.acme.Fetch"),
        Arguments.of("@Outputs record", EclipseCompilerTest.STATS, "com.acme.Stats"),
        Arguments.of("void, ExecutionContext parameter", TypedTaskTest.WRITER, "com.acme.Writer"),
        Arguments.of("dynamic interface", DynamicTaskTest.SUM, "com.acme.Sum"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void generatedSourcesMatchTheGoldenOnes(String shape, JavaFileObject source, String type) throws IOException {
    Compilation compilation = Compiled.run(source);
    assertThat(compilation).succeededWithoutWarnings();
    for (String suffix : new String[] {"Task", "Executor"}) {
      String className = type + suffix;
      String golden = "golden/" + className.substring(className.lastIndexOf('.') + 1) + ".java";
      String generated;
      try (InputStream in = compilation.generatedSourceFile(className).orElseThrow().openInputStream()) {
        generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      generated.lines().forEach(line -> assertTrue(line.length() <= 100,
          () -> className + " has a line of " + line.length() + " characters: " + line));
      generated.lines().forEach(line -> assertTrue(line.equals(line.stripTrailing()),
          () -> className + " has trailing white space: '" + line + "'"));
      if (Boolean.getBoolean("preflyte.updateGolden")) {
        Path target = Path.of("src/test/resources").resolve(golden);
        Files.createDirectories(target.getParent());
        Files.writeString(target, generated);
        continue;
      }
      String expected;
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(golden)) {
        expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(compilation).generatedSourceFile(className).contentsAsUtf8String().isEqualTo(expected);
    }
  }
}
