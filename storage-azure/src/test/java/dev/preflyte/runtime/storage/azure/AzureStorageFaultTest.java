package dev.preflyte.runtime.storage.azure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.testing.AzuriteServer;
import dev.preflyte.runtime.testing.FaultProxy;
import dev.preflyte.runtime.testing.FaultProxy.Fault;
import dev.preflyte.runtime.testing.StorageDeadline;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azure storage, as {@code Storages.standard()} creates it, against Azurite behind the
 * fault-injecting proxy: transient faults are retried to success, a stalled or trickling endpoint
 * ends within the deadline, and a cut-off upload leaves nothing at the final name.
 */
class AzureStorageFaultTest {

  @TempDir Path temp;
  private final AzuriteServer azurite = AzuriteServer.shared();
  private FaultProxy proxy;
  private Storage storage;
  private String container;

  @BeforeEach
  void setUp() {
    proxy = FaultProxy.start(URI.create(azurite.endpoint()));
    storage = new AbfsStorageProvider().create(
        StorageDeadline.behind(proxy, "FLYTE_AZURE_BLOB_ENDPOINT", azurite.environment()));
    container = azurite.newContainer();
  }

  @AfterEach
  void tearDown() throws Exception {
    ((AutoCloseable) storage).close();
    proxy.close();
  }

  private String uri(String path) {
    return azurite.uri(container, path);
  }

  @Test
  void transientFaultsAreRetried() throws Exception {
    byte[] bytes = "retried".getBytes(StandardCharsets.UTF_8);
    proxy.rule(FaultProxy.firstRequests(1, Fault.status(503, "ServerBusy")));
    storage.writeAtomically(uri("a.pb"), bytes);
    proxy.rule(FaultProxy.firstRequests(proxy.requests().size() + 1, Fault.status(500, "InternalError")));
    assertArrayEquals(bytes, storage.read(uri("a.pb")));
    proxy.rule(FaultProxy.firstRequests(proxy.requests().size() + 1, Fault.dropMidBody()));
    assertArrayEquals(bytes, storage.read(uri("a.pb")));
    proxy.rule(FaultProxy.firstRequests(proxy.requests().size() + 1, Fault.cutRequest()));
    Path file = Files.write(temp.resolve("up.bin"), new byte[100_000]);
    storage.upload(file, uri("up.bin"));
    proxy.rule(FaultProxy.passAll());
    assertEquals(100_000, storage.read(uri("up.bin")).length);
  }

  @Test
  void aStalledOrTricklingEndpointEndsWithinTheDeadline() {
    storage.writeAtomically(uri("slow.pb"), "a body that takes far longer than the deadline to trickle"
        .getBytes(StandardCharsets.UTF_8));
    for (Fault fault : List.of(Fault.stall(), Fault.trickle(Duration.ofMillis(400)))) {
      proxy.rule(FaultProxy.always(fault));
      // A trickled answer comes after the server stored the whole blob: only a stalled write must
      // leave nothing.
      String written = fault.equals(Fault.stall()) ? "never.pb" : "late.pb";
      for (Executable call : List.<Executable>of(
          () -> storage.read(uri("slow.pb")), () -> storage.writeAtomically(uri(written), new byte[] {1}))) {
        StorageException e = StorageDeadline.failsWithinDeadline(fault, call);
        assertTrue(e.getMessage().contains(container), e.getMessage());
      }
    }
    proxy.rule(FaultProxy.passAll());
    assertFalse(storage.exists(uri("never.pb")), "a write that never completed is not visible");
  }
}
