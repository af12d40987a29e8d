package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.testing.AzuriteServer;
import dev.preflyte.runtime.testing.StandardStorageJvm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves in a fresh JVM, from its class-load log, that {@link Storages#standard()} loads neither
 * the Azure SDK (nor its Reactor, Jackson or MSAL) nor the Azure backend until an {@code abfs://}
 * URI is used.
 */
class AzureStorageClassLoadingTest {

  /** Runs without the backend's variables, which the machine running the tests may have set. */
  private static final StandardStorageJvm JVM = new StandardStorageJvm(List.of("AZURE_", "FLYTE_AZURE_"));

  private static final List<String> AZURE_PACKAGES = List.of(
      "com.azure.", "com.microsoft.aad.", "reactor.", "com.fasterxml.jackson.",
      "dev.preflyte.runtime.storage.azure.");

  @TempDir Path temp;

  @Test
  void localFilesLoadNoAzureClass() throws Exception {
    JVM.assertLocalFilesLoadNoClassOf(temp, AZURE_PACKAGES);
  }

  @Test
  void anAbfsUriLoadsTheSdk() throws Exception {
    AzuriteServer azurite = AzuriteServer.shared();
    String uri = azurite.uri(azurite.newContainer(), "from-child");
    List<String> loaded = JVM.loadedClasses(azurite.environment(), temp.toString(), uri);

    assertTrue(loaded.contains("dev.preflyte.runtime.storage.azure.AzureStorage"));
    assertTrue(loaded.contains("com.azure.storage.blob.BlobServiceClient"));
    assertTrue(loaded.stream().noneMatch(name -> name.startsWith("io.netty.")), "no Netty");
  }
}
