package dev.preflyte.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated sources for the README's {@code Adder}, compared character for character with
 * src/test/resources/golden. Run with {@code -Dpreflyte.updateGolden=true} to rewrite them after an
 * intended change, and review the diff.
 */
class GoldenSourceTest {

  @ParameterizedTest
  @ValueSource(strings = {"com.acme.AdderTask", "com.acme.AdderExecutor"})
  void generatedSourceMatchesGolden(String className) throws IOException {
    Compilation compilation = Compiled.run(TypedTaskTest.ADDER);
    assertThat(compilation).succeededWithoutWarnings();
    String golden = "golden/" + className.substring(className.lastIndexOf('.') + 1) + ".java";
    if (Boolean.getBoolean("preflyte.updateGolden")) {
      Path target = Path.of("src/test/resources").resolve(golden);
      Files.createDirectories(target.getParent());
      try (InputStream in = compilation.generatedSourceFile(className).orElseThrow().openInputStream()) {
        Files.write(target, in.readAllBytes());
      }
      return;
    }
    String expected;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(golden)) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(compilation).generatedSourceFile(className).contentsAsUtf8String().isEqualTo(expected);
  }
}
