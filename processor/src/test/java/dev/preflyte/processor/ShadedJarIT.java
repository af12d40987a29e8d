package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.annotations.PrebuiltTask;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor jar as users get it (shaded, after {@code package}): its dependencies relocated,
 * and the processor working with nothing but that jar and the annotations on the processor path.
 */
class ShadedJarIT {

  private static Path jar;
  private static Set<String> entries;

  @BeforeAll
  static void openJar() throws IOException {
    String property = System.getProperty("preflyte.processorJar");
    assertTrue(property != null, "preflyte.processorJar is not set; run this test with failsafe (mvn verify)");
    jar = Path.of(property);
    assertTrue(Files.isRegularFile(jar), "no processor jar at " + jar);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      entries = zip.stream().map(ZipEntry::getName).collect(Collectors.toUnmodifiableSet());
    }
  }

  @Test
  void carriesItsDependenciesRelocated() {
    assertTrue(entries.contains("dev/preflyte/processor/shaded/javapoet/JavaFile.class"), "relocated JavaPoet");
    assertTrue(entries.contains("dev/preflyte/processor/shaded/conventions/GeneratedNames.class"),
        "relocated conventions");
    assertEquals(List.of(), matching(e -> e.startsWith("com/palantir/")), "unrelocated JavaPoet");
    assertEquals(List.of(), matching(e -> e.startsWith("dev/preflyte/conventions/")), "unrelocated conventions");
    assertEquals(List.of(), matching(e -> e.startsWith("META-INF/maven/") && !e.endsWith("/")
        && !e.startsWith("META-INF/maven/dev.preflyte/preflyte-processor/")),
        "the shaded jars' Maven metadata");
  }

  @Test
  void leavesOutModuleDescriptorsAndSignatures() {
    assertEquals(List.of(), matching(e -> e.endsWith("module-info.class")));
    assertEquals(List.of(), matching(e -> e.startsWith("META-INF/")
        && (e.endsWith(".SF") || e.endsWith(".DSA") || e.endsWith(".RSA") || e.endsWith(".EC"))));
  }

  @Test
  void keepsTheProcessorRegistrationsAndJavaPoetsLicence() throws IOException {
    assertEquals("dev.preflyte.processor.PrebuiltTaskProcessor",
        read("META-INF/services/javax.annotation.processing.Processor").strip());
    assertTrue(read("META-INF/gradle/incremental.annotation.processors")
        .startsWith("dev.preflyte.processor.PrebuiltTaskProcessor,"));
    assertTrue(read("META-INF/licenses/javapoet/LICENSE").contains("Apache License"));
    assertTrue(read("META-INF/licenses/javapoet/NOTICE").contains("JavaPoet"));
  }

  @Test
  void generatesTheTaskWithOnlyTheJarOnTheProcessorPath(@TempDir Path dir) throws Exception {
    Path source = DiskCompiler.write(dir.resolve("src"), "com/acme/Adder.java",
        "package com.acme;",
        "",
        "import dev.preflyte.annotations.PrebuiltTask;",
        "",
        "@PrebuiltTask(image = \"ghcr.io/acme/adder:1.0.0\", taskType = \"adder\")",
        "public record Adder(long offset) {",
        "  public long execute(long a, long b) {",
        "    return a + b + offset;",
        "  }",
        "}");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    // The api (and everything else the test sees) compiles the generated code; the processor path
    // holds just what a user's build would put there: this jar, and the annotations it reads.
    String processorPath = jar + File.pathSeparator + annotationsLocation();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean success;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>(List.of(
          "-d", classes.toString(),
          "-s", generated.toString(),
          "-classpath", System.getProperty("java.class.path"),
          "-processorpath", processorPath,
          "-Xlint:all,-processing"));
      success = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(List.of(source))).call();
    }
    String described = diagnostics.getDiagnostics().stream()
        .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
    assertTrue(success, described);
    assertFalse(diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR
        || d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING), described);

    assertTrue(Files.isRegularFile(generated.resolve("com/acme/AdderTask.java")), "AdderTask.java generated");
    assertTrue(Files.isRegularFile(classes.resolve("com/acme/AdderTask.class")), "AdderTask compiled");
    assertTrue(Files.isRegularFile(classes.resolve("com/acme/AdderExecutor.class")), "AdderExecutor compiled");
    // Named by the relocated conventions: must be what the runtime's own copy looks for.
    assertEquals("com.acme.AdderExecutor\n",
        Files.readString(classes.resolve("META-INF/preflyte/executors/com.acme.Adder"), StandardCharsets.UTF_8));
  }

  private static List<String> matching(java.util.function.Predicate<String> filter) {
    return entries.stream().filter(filter).sorted().toList();
  }

  private static String read(String entry) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry found = zip.getEntry(entry);
      assertTrue(found != null, entry + " is missing from " + jar);
      try (InputStream in = zip.getInputStream(found)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  private static Path annotationsLocation() throws URISyntaxException {
    return Path.of(PrebuiltTask.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
