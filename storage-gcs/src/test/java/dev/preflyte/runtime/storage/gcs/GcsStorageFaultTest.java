package dev.preflyte.runtime.storage.gcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.testing.FaultProxy;
import dev.preflyte.runtime.testing.FaultProxy.Fault;
import dev.preflyte.runtime.testing.GcsStandInServer;
import dev.preflyte.runtime.testing.StorageDeadline;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GCS storage, as {@code Storages.standard()} creates it, against the loopback stand-in (not real
 * GCS) behind the fault-injecting proxy: a dropped answer is retried, and a stalled or trickling
 * endpoint ends within the deadline naming the URI.
 */
class GcsStorageFaultTest {

  private GcsStandInServer server;
  private FaultProxy proxy;
  private Storage storage;

  @BeforeEach
  void setUp() throws Exception {
    server = new GcsStandInServer(null);
    server.createBucket("bkt");
    proxy = FaultProxy.start(URI.create(server.endpoint()));
    storage = new GcsStorageProvider().create(StorageDeadline.behind(proxy, "STORAGE_EMULATOR_HOST", Map.of()));
  }

  @AfterEach
  void tearDown() throws Exception {
    ((AutoCloseable) storage).close();
    proxy.close();
    server.close();
  }

  @Test
  void aDroppedAnswerIsRetried() {
    byte[] bytes = "retried".getBytes(StandardCharsets.UTF_8);
    storage.writeAtomically("gs://bkt/a", bytes);
    proxy.rule(FaultProxy.firstRequests(proxy.requests().size() + 1, Fault.dropMidBody()));
    assertArrayEquals(bytes, storage.read("gs://bkt/a"));
  }

  @Test
  void aStalledOrTricklingEndpointEndsWithinTheDeadline() {
    storage.writeAtomically("gs://bkt/slow", "a body that takes far longer than the deadline to trickle"
        .getBytes(StandardCharsets.UTF_8));
    for (Fault fault : List.of(Fault.stall(), Fault.trickle(Duration.ofMillis(400)))) {
      proxy.rule(FaultProxy.always(fault));
      StorageException e = StorageDeadline.failsWithinDeadline(fault, () -> storage.read("gs://bkt/slow"));
      assertTrue(e.getMessage().startsWith("cannot read gs://bkt/slow: "), e.getMessage());
    }
  }
}
