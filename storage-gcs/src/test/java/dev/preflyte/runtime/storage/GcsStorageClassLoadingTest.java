package dev.preflyte.runtime.storage;

import dev.preflyte.runtime.testing.ClassLoadLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.testing.GcsStandInServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves in a fresh JVM, from its class-load log, that {@link Storages#standard()} loads neither
 * Google's client library (nor its gRPC, Guava, Jackson or OpenTelemetry) nor the GCS backend until
 * a {@code gs://} URI is used.
 */
class GcsStorageClassLoadingTest {

  private static final List<String> GOOGLE_PACKAGES = List.of(
      "com.google.cloud.", "com.google.api.", "com.google.auth.", "com.google.common.", "io.grpc.",
      "io.opentelemetry.", "io.opencensus.", "com.fasterxml.jackson.", "dev.preflyte.runtime.storage.gcs.");

  @TempDir Path temp;

  @Test
  void localFilesLoadNoGoogleClass() throws Exception {
    List<String> loaded = loadedClasses(Map.of(), temp.toString());

    assertTrue(loaded.contains(Storages.class.getName()), "the class-load log is read: " + loaded.size());
    assertTrue(loaded.contains(LocalStorage.class.getName()));
    List<String> google = loaded.stream()
        .filter(name -> GOOGLE_PACKAGES.stream().anyMatch(name::startsWith))
        .toList();
    assertEquals(List.of(), google, "classes loaded for local files only");
  }

  @Test
  void aGsUriLoadsTheClientLibrary() throws Exception {
    try (GcsStandInServer server = new GcsStandInServer(null)) {
      server.createBucket("lazy");
      List<String> loaded = loadedClasses(Map.of("STORAGE_EMULATOR_HOST", server.endpoint()),
          temp.toString(), "gs://lazy/from-child");

      assertTrue(loaded.contains("dev.preflyte.runtime.storage.gcs.GcsStorage"));
      assertTrue(loaded.contains("com.google.cloud.storage.StorageOptions"));
      assertTrue(loaded.stream().noneMatch(name -> name.startsWith("io.grpc.netty")), "no Netty");
      assertEquals("local", new String(server.object("lazy", "from-child"), StandardCharsets.UTF_8));
    }
  }

  /** Runs {@link GcsStandardStorageProgram} with {@code args}; the names of the classes it loaded. */
  private static List<String> loadedClasses(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:stdout",
        "-cp", System.getProperty("java.class.path"),
        GcsStandardStorageProgram.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("GOOGLE_") || name.equals("STORAGE_EMULATOR_HOST"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the program finished");
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.lines().anyMatch("done"::equals), output);
    return ClassLoadLog.classNames(output);
  }
}
