package dev.preflyte.runtime.storage.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With no Azure credential configured at all (no connection string, no key, no AZURE_CLIENT_*,
 * no workload identity, no managed identity reachable), a call ends quickly in a clear one-line
 * error, instead of probing for an identity for minutes.
 */
class AzureMissingIdentityTest {

  @Test
  void noCredentialFailsFastWithOneClearLine() throws Exception {
    assertTrue(System.getenv().keySet().stream().noneMatch(name -> name.startsWith("AZURE_")),
        "this test needs an environment without AZURE_* variables");
    String uri = "abfss://flyte@preflytenoidentity.dfs.core.windows.net/metadata/inputs.pb";
    Storage storage = new AbfssStorageProvider().create(Map.of());
    long started = System.nanoTime();
    StorageException e = assertThrows(StorageException.class, () -> storage.read(uri));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    ((AutoCloseable) storage).close();

    String message = e.getMessage();
    assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "took " + took + ": " + message);
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.startsWith("cannot read " + uri + ": no Azure credential could be obtained: set "
        + "AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_KEY"), message);
    System.out.println("missing Azure identity reported after " + took.toMillis() + " ms: " + message);
  }
}
