package dev.preflyte.runtime.storage.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.storage.StorageException;
import org.junit.jupiter.api.Test;

class AzureLocationTest {

  @Test
  void parsesTheDfsAndBlobForms() {
    AzureLocation dfs = AzureLocation.parse("abfs://data@acct1.dfs.core.windows.net/runs/a b?#/outputs.pb");
    assertEquals(new AzureLocation("abfs", "data", "acct1", "core.windows.net", "runs/a b?#/outputs.pb"), dfs);
    assertEquals("https://acct1.blob.core.windows.net", dfs.blobEndpoint());
    AzureLocation blob = AzureLocation.parse("ABFSS://data@acct1.blob.core.chinacloudapi.cn");
    assertEquals("abfss", blob.scheme());
    assertEquals("", blob.path());
    assertEquals("https://acct1.blob.core.chinacloudapi.cn", blob.blobEndpoint());
    assertEquals("abfss://data@acct1.dfs.core.chinacloudapi.cn/x", blob.uriOf("x"));
    assertEquals("runs/", AzureLocation.parse("abfs://data@acct1.dfs.core.windows.net/runs").folderPrefix());
  }

  @Test
  void rejectsMalformedUrisWithTheFormToUse() {
    assertMessage("abfs://acct1.dfs.core.windows.net/x", "does not name a container and account");
    assertMessage("abfs://data@acct1.example.com/x", "does not name a container and account");
    assertMessage("abfs://Data@acct1.dfs.core.windows.net/x", "invalid container name 'Data'");
    assertMessage("abfs://a--b@acct1.dfs.core.windows.net/x", "invalid container name 'a--b'");
    assertMessage("abfs://ab@acct1.dfs.core.windows.net/x", "invalid container name 'ab'");
    assertMessage("abfs://data@Acct_1.dfs.core.windows.net/x", "invalid storage account name 'Acct_1'");
    assertMessage("abfs://data@ac.dfs.core.windows.net/x", "invalid storage account name 'ac'");
    assertMessage("wasb://data@acct1.blob.core.windows.net/x", "is not an Azure storage URI");
    StorageException e = assertThrows(StorageException.class,
        () -> AzureLocation.parseBlob("abfs://data@acct1.dfs.core.windows.net/dir/"));
    assertTrue(e.getMessage().contains("names a container or folder, not a blob"), e.getMessage());
  }

  private static void assertMessage(String uri, String part) {
    StorageException e = assertThrows(StorageException.class, () -> AzureLocation.parse(uri));
    assertTrue(e.getMessage().startsWith("'" + uri + "' ") && e.getMessage().contains(part), e.getMessage());
  }
}
