package dev.preflyte.runtime.storage.azure;

import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageContract;
import dev.preflyte.runtime.testing.AzuriteServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/** The storage contract on Azure Blob Storage, against Azurite on loopback. */
class AzureStorageContractTest extends StorageContract {

  private static final int BLOCK_THRESHOLD = 1024 * 1024;
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static String container;

  private final AzuriteServer azurite = AzuriteServer.shared();
  private final AzureStorage storage =
      AzureStorage.create(AzureSettings.fromEnvironment(azurite.environment()), BLOCK_THRESHOLD, 256 * 1024);

  @AfterEach
  void close() {
    storage.close();
  }

  @Override
  protected Storage storage() {
    return storage;
  }

  @Override
  protected String freshPrefix() {
    synchronized (AzureStorageContractTest.class) {
      if (container == null) {
        container = azurite.newContainer();
      }
    }
    return azurite.uri(container, "run-" + RUNS.incrementAndGet()).replaceAll("/$", "");
  }

  @Override
  protected int largeObjectSize() {
    return BLOCK_THRESHOLD + 1;
  }

  @Override
  protected Optional<Misconfigured> withWrongCredentials() {
    String wrongKey = java.util.Base64.getEncoder().encodeToString(
        ("WrongKey" + System.nanoTime() + "-padding-to-look-like-a-key").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    Map<String, String> environment = new HashMap<>(azurite.environment());
    environment.put("AZURE_STORAGE_ACCOUNT_KEY", wrongKey);
    return Optional.of(new Misconfigured(AzureStorage.fromEnvironment(environment), wrongKey));
  }

  @Override
  protected Optional<Storage> withEndpoint(String endpoint) {
    Map<String, String> environment = new HashMap<>(azurite.environment());
    environment.put("FLYTE_AZURE_BLOB_ENDPOINT", endpoint);
    return Optional.of(AzureStorage.create(AzureSettings.fromEnvironment(environment)
        .withRetries(2, Duration.ofSeconds(2), Duration.ofSeconds(2))));
  }
}
