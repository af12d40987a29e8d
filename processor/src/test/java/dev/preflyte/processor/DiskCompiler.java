package dev.preflyte.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A compiler (javac unless told otherwise) over real directories, as a build tool runs it: sources
 * in, classes and resources out.
 */
final class DiskCompiler {

  private DiskCompiler() {}

  /** The outcome of one javac run. */
  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    String describe() {
      return diagnostics.stream().map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
    }
  }

  /** Writes {@code source} as {@code dir/relativePath}. */
  static Path write(Path dir, String relativePath, String... lines) {
    Path file = dir.resolve(relativePath);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Compiles {@code sources} into {@code output} (classes and resources; generated sources go to
   * {@code output/../generated}) with the processor, the test class path plus {@code output}.
   */
  static Result compile(Path output, List<Path> sources, String... extraOptions) {
    List<String> options = new ArrayList<>(List.of("-Xlint:all,-processing"));
    options.addAll(List.of(extraOptions));
    return compile(ToolProvider.getSystemJavaCompiler(), output, sources, options);
  }

  /** As {@link #compile(Path, List, String...)} with {@code javac} and only {@code extraOptions} added. */
  static Result compile(JavaCompiler javac, Path output, List<Path> sources, List<String> extraOptions) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Path generated = output.resolveSibling(output.getFileName() + "-generated");
      Files.createDirectories(output);
      Files.createDirectories(generated);
      List<String> options = new ArrayList<>(List.of(
          "-d", output.toString(),
          "-s", generated.toString(),
          "-classpath", System.getProperty("java.class.path") + java.io.File.pathSeparator + output));
      options.addAll(extraOptions);
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new PrebuiltTaskProcessor()));
      boolean success = task.call();
      Result result = new Result(success, List.copyOf(diagnostics.getDiagnostics()));
      for (Diagnostic<? extends JavaFileObject> diagnostic : result.diagnostics()) {
        if (diagnostic.getMessage(Locale.ROOT).contains("[PreflyteInternal]")) {
          throw new AssertionError("the processor crashed:\n" + result.describe());
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
