package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.testing.AzuriteServer;
import dev.preflyte.runtime.testing.StandardStorageJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves in a fresh JVM, from its class-load log, that {@link Storages#standard()} loads neither
 * the Azure SDK (nor its Reactor, Jackson or MSAL) nor the Azure backend until an {@code abfs://}
 * URI is used.
 */
class AzureStorageClassLoadingTest {

  /** The variables of the Azure backend, which the machine running the tests may have set. */
  private static final List<String> AZURE_ENVIRONMENT = List.of("AZURE_", "FLYTE_AZURE_");

  private static final List<String> AZURE_PACKAGES = List.of(
      "com.azure.", "com.microsoft.aad.", "reactor.", "com.fasterxml.jackson.",
      "dev.preflyte.runtime.storage.azure.");

  @TempDir Path temp;

  @Test
  void localFilesLoadNoAzureClass() throws Exception {
    List<String> loaded = loadedClasses(Map.of(), temp.toString());

    assertTrue(loaded.contains(Storages.class.getName()), "the class-load log is read: " + loaded.size());
    assertTrue(loaded.contains(LocalStorage.class.getName()));
    List<String> azure = loaded.stream()
        .filter(name -> AZURE_PACKAGES.stream().anyMatch(name::startsWith))
        .toList();
    assertEquals(List.of(), azure, "classes loaded for local files only");
  }

  @Test
  void anAbfsUriLoadsTheSdk() throws Exception {
    AzuriteServer azurite = AzuriteServer.shared();
    String uri = azurite.uri(azurite.newContainer(), "from-child");
    List<String> loaded = loadedClasses(azurite.environment(), temp.toString(), uri);

    assertTrue(loaded.contains("dev.preflyte.runtime.storage.azure.AzureStorage"));
    assertTrue(loaded.contains("com.azure.storage.blob.BlobServiceClient"));
    assertTrue(loaded.stream().noneMatch(name -> name.startsWith("io.netty.")), "no Netty");
  }

  /** Runs {@link dev.preflyte.runtime.testing.StandardStorageProgram} with {@code args}; the classes it loaded. */
  private static List<String> loadedClasses(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    return StandardStorageJvm.loadedClasses(AZURE_ENVIRONMENT, environment, args);
  }
}
