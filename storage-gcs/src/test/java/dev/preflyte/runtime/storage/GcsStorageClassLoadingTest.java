package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.testing.GcsStandInServer;
import dev.preflyte.runtime.testing.StandardStorageJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves in a fresh JVM, from its class-load log, that {@link Storages#standard()} loads neither
 * Google's client library (nor its gRPC, Guava, Jackson or OpenTelemetry) nor the GCS backend until
 * a {@code gs://} URI is used.
 */
class GcsStorageClassLoadingTest {

  /** Runs without the backend's variables, which the machine running the tests may have set. */
  private static final StandardStorageJvm JVM = new StandardStorageJvm(List.of("GOOGLE_", "STORAGE_EMULATOR_HOST"));

  private static final List<String> GOOGLE_PACKAGES = List.of(
      "com.google.cloud.", "com.google.api.", "com.google.auth.", "com.google.common.", "io.grpc.",
      "io.opentelemetry.", "io.opencensus.", "com.fasterxml.jackson.", "dev.preflyte.runtime.storage.gcs.");

  @TempDir Path temp;

  @Test
  void localFilesLoadNoGoogleClass() throws Exception {
    JVM.assertLocalFilesLoadNoClassOf(temp, GOOGLE_PACKAGES);
  }

  @Test
  void aGsUriLoadsTheClientLibrary() throws Exception {
    try (GcsStandInServer server = new GcsStandInServer(null)) {
      server.createBucket("lazy");
      List<String> loaded = JVM.loadedClasses(Map.of("STORAGE_EMULATOR_HOST", server.endpoint()),
          temp.toString(), "gs://lazy/from-child");

      assertTrue(loaded.contains("dev.preflyte.runtime.storage.gcs.GcsStorage"));
      assertTrue(loaded.contains("com.google.cloud.storage.StorageOptions"));
      assertTrue(loaded.stream().noneMatch(name -> name.startsWith("io.grpc.netty")), "no Netty");
      assertEquals("local", new String(server.object("lazy", "from-child"), StandardCharsets.UTF_8));
    }
  }
}
