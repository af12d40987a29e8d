package dev.preflyte.runtime.storage.azure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlockListType;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.testing.AzuriteServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the shared contract does not cover: Azure's own credentials, names and block uploads. */
class AzureStorageTest {

  private final AzuriteServer azurite = AzuriteServer.shared();
  private String container;

  @TempDir Path temp;

  @BeforeEach
  void createContainer() {
    container = azurite.newContainer();
  }

  private String uri(String path) {
    return azurite.uri(container, path);
  }

  private BlobContainerClient direct() {
    return new BlobServiceClientBuilder().connectionString(azurite.connectionString())
        .httpClient(new JdkHttpClientBuilder().build()).buildClient().getBlobContainerClient(container);
  }

  private static String fullText(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  @Test
  void aConnectionStringWorksAndStaysOutOfMessages() {
    Map<String, String> environment = Map.of(
        AzureSettings.CONNECTION_STRING, azurite.connectionString());
    try (AzureStorage storage = AzureStorage.fromEnvironment(environment)) {
      storage.writeAtomically(uri("cs.pb"), new byte[] {7});
      assertArrayEquals(new byte[] {7}, storage.read(uri("cs.pb")));
      StorageException e = assertThrows(StorageException.class, () -> storage.read(uri("missing")));
      assertEquals("cannot read " + uri("missing") + ": no such blob", e.getMessage());
      assertFalse(fullText(e).contains(azurite.accountKey()));
      String otherAccount = "abfs://" + container + "@otheraccount.dfs.core.windows.net/x";
      e = assertThrows(StorageException.class, () -> storage.read(otherAccount));
      assertTrue(e.getMessage().contains("is for account 'preflytetest'"), e.getMessage());
      assertFalse(fullText(e).contains(azurite.accountKey()));
    }
  }

  @Test
  void aMissingContainerIsNamed() {
    try (AzureStorage storage = AzureStorage.fromEnvironment(azurite.environment())) {
      String missing = azurite.uri("no-such-container", "k");
      StorageException e = assertThrows(StorageException.class, () -> storage.read(missing));
      assertEquals("cannot read " + missing + ": no such container 'no-such-container' in account preflytetest:"
          + " check the URI and FLYTE_AZURE_BLOB_ENDPOINT", e.getMessage());
    }
  }

  @Test
  void aWrongKeyNamesTheSettingToCheck() {
    String wrongKey = java.util.Base64.getEncoder().encodeToString(new byte[64]);
    Map<String, String> environment = new HashMap<>(azurite.environment());
    environment.put(AzureSettings.ACCOUNT_KEY, wrongKey);
    try (AzureStorage storage = AzureStorage.fromEnvironment(environment)) {
      StorageException e = assertThrows(StorageException.class, () -> storage.read(uri("k")));
      // Azure answers AuthenticationFailed, Azurite AuthorizationFailure.
      assertTrue(e.getMessage().startsWith("cannot read " + uri("k") + ": access denied (HTTP 403 "), e.getMessage());
      assertTrue(e.getMessage().endsWith("): check AZURE_STORAGE_ACCOUNT_KEY"), e.getMessage());
      assertFalse(fullText(e).contains(wrongKey));
    }
  }

  @Test
  void largeUploadsAreStagedBlocksCommittedOnce() throws Exception {
    byte[] bytes = new byte[5 * 1000 + 17];
    new Random(5).nextBytes(bytes);
    Path file = Files.write(temp.resolve("big.bin"), bytes);
    try (AzureStorage storage = AzureStorage.create(
        AzureSettings.fromEnvironment(azurite.environment()), 1000, 1000)) {
      storage.upload(file, uri("big.bin"));
      assertArrayEquals(bytes, storage.read(uri("big.bin")));
    }
    var blocks = direct().getBlobClient("big.bin").getBlockBlobClient().listBlocks(BlockListType.ALL);
    assertEquals(6, blocks.getCommittedBlocks().size());
    assertEquals(0, blocks.getUncommittedBlocks().size());
  }

  @Test
  void settingsHideSecrets() {
    AzureSettings settings = AzureSettings.fromEnvironment(Map.of(
        AzureSettings.CONNECTION_STRING, "AccountName=a;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net"));
    assertFalse(settings.toString().contains("c2VjcmV0"), settings.toString());
    assertTrue(settings.secrets().contains("c2VjcmV0"));
    StorageException e = assertThrows(StorageException.class, () -> AzureSettings.fromEnvironment(
        Map.of(AzureSettings.ENDPOINT, "http://user:pw@host:1")));
    assertFalse(e.getMessage().contains("pw"), e.getMessage());
  }
}
