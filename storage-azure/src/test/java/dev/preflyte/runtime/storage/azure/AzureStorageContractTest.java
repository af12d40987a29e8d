package dev.preflyte.runtime.storage.azure;

import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageContract;
import dev.preflyte.runtime.testing.AzuriteServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract on Azure Blob Storage, against Azurite on loopback. */
class AzureStorageContractTest extends StorageContract {

  private static final int BLOCK_THRESHOLD = 1024 * 1024;
  private static String container;

  private final AzuriteServer azurite = AzuriteServer.shared();

  @BeforeAll
  static void newContainer() {
    container = AzuriteServer.shared().newContainer();
  }

  @Override
  protected Storage newStorage() {
    return AzureStorage.create(AzureSettings.fromEnvironment(azurite.environment()), BLOCK_THRESHOLD, 256 * 1024);
  }

  @Override
  protected String root() {
    return azurite.uri(container, "").replaceAll("/$", "");
  }

  @Override
  protected int largeObjectSize() {
    return BLOCK_THRESHOLD + 1;
  }

  @Override
  protected Optional<Misconfigured> withWrongCredentials() {
    String wrongKey = Base64.getEncoder().encodeToString(
        ("WrongKey" + System.nanoTime() + "-padding-to-look-like-a-key").getBytes(StandardCharsets.US_ASCII));
    return Optional.of(new Misconfigured(
        AzureStorage.fromEnvironment(with(azurite.environment(), "AZURE_STORAGE_ACCOUNT_KEY", wrongKey)), wrongKey));
  }

  @Override
  protected Optional<Storage> withEndpoint(String endpoint) {
    return Optional.of(AzureStorage.create(
        AzureSettings.fromEnvironment(with(azurite.environment(), "FLYTE_AZURE_BLOB_ENDPOINT", endpoint))
            .withRetries(2, Duration.ofSeconds(2), Duration.ofSeconds(2))));
  }
}
