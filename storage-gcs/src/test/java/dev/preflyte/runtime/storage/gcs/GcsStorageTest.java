package dev.preflyte.runtime.storage.gcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.storage.StorageTimeouts;
import dev.preflyte.runtime.testing.GcsStandInServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the shared contract leaves out, against the loopback stand-in for GCS (not real GCS). */
class GcsStorageTest {

  private GcsStandInServer server;
  private GcsStorage storage;

  @BeforeEach
  void start() throws IOException {
    server = new GcsStandInServer(null);
    server.createBucket("bkt");
    storage = GcsStorage.fromEnvironment(Map.of("STORAGE_EMULATOR_HOST", server.endpoint().substring(7)));
  }

  @AfterEach
  void stop() {
    storage.close();
    server.close();
  }

  @Test
  void theEmulatorHostIsReadAsGoogleClientsReadIt() {
    storage.writeAtomically("gs://bkt/x", new byte[] {1});
    assertArrayEquals(new byte[] {1}, server.object("bkt", "x"), "host:port without a scheme, no credentials");
  }

  @Test
  void transientFailuresAreRetried() {
    storage.writeAtomically("gs://bkt/retried", new byte[] {4});
    server.failNext(2, 503);
    assertArrayEquals(new byte[] {4}, storage.read("gs://bkt/retried"));
  }

  @Test
  void persistentFailuresNameTheStatusAndTheUri() {
    server.failNext(100, 503);
    StorageException e = assertThrows(StorageException.class, () -> storage.read("gs://bkt/k"));
    assertEquals("cannot read gs://bkt/k: GCS answered HTTP 503 after " + StorageTimeouts.DEFAULTS.maxAttempts() + " attempt(s)", e.getMessage());
    server.failNext(0, 503);
  }

  @Test
  void listingFollowsEveryPage() {
    server.pageSize(7);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String uri = String.format("gs://bkt/many/%04d", i);
      storage.writeAtomically(uri, new byte[0]);
      expected.add(uri);
    }
    assertEquals(expected, storage.list("gs://bkt/many"));
  }

  @Test
  void aMissingBucketAndMalformedUrisAreNamed() {
    StorageException e = assertThrows(StorageException.class, () -> storage.read("gs://nope/k"));
    assertEquals("cannot read gs://nope/k: no such bucket 'nope'", e.getMessage());
    e = assertThrows(StorageException.class, () -> storage.read("gs://Bad_Bucket/k"));
    assertTrue(e.getMessage().startsWith("'gs://Bad_Bucket/k' has an invalid bucket name 'Bad_Bucket'"), e.getMessage());
    e = assertThrows(StorageException.class, () -> storage.read("gs://bkt/dir/"));
    assertTrue(e.getMessage().contains("names a bucket or folder, not an object"), e.getMessage());
  }
}
