package dev.preflyte.runtime.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.testing.FaultProxy;
import dev.preflyte.runtime.testing.FaultProxy.Fault;
import dev.preflyte.runtime.testing.S3TestServer;
import dev.preflyte.runtime.testing.StorageDeadline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 storage, as {@code Storages.standard()} creates it, behind a fault-injecting proxy: transient
 * faults are retried and the call succeeds; lasting ones, a stalled and a trickling endpoint end in
 * a {@link StorageException} naming the URI within the configured deadline; nothing half-written
 * is ever visible at the final key.
 */
class S3StorageFaultTest {

  @TempDir Path temp;
  private final S3TestServer server = S3TestServer.shared();
  private FaultProxy proxy;
  private Storage storage;
  private String prefix;

  @BeforeEach
  void setUp() {
    proxy = FaultProxy.start(server.endpoint());
    Map<String, String> environment = StorageDeadline.behind(proxy, "FLYTE_AWS_ENDPOINT", server.environment());
    environment.put("PREFLYTE_STORAGE_MAX_ATTEMPTS", "3");
    storage = new S3StorageProvider().create(environment);
    prefix = "s3://" + server.newBucket() + "/faults";
  }

  @AfterEach
  void tearDown() throws Exception {
    ((AutoCloseable) storage).close();
    proxy.close();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void serverErrorsAndSlowDownsAreRetried() {
    for (Fault fault : List.of(Fault.status(500, "InternalError"), Fault.status(503, "SlowDown"))) {
      String uri = prefix + "/" + fault.hashCode() + ".pb";
      proxy.rule(FaultProxy.firstRequests(proxy.requests().size() + 2, fault));
      storage.writeAtomically(uri, bytes("retried"));
      proxy.rule(FaultProxy.firstRequests(proxy.requests().size() + 2, fault));
      assertArrayEquals(bytes("retried"), storage.read(uri), fault.toString());
    }
  }

  @Test
  void aConnectionDroppedMidBodyIsRetried() throws IOException {
    String uri = prefix + "/dropped.bin";
    byte[] content = new byte[200_000];
    new java.util.Random(7).nextBytes(content);
    storage.writeAtomically(uri, content);

    proxy.rule(FaultProxy.firstRequests(proxy.requests().size() + 1, Fault.dropMidBody()));
    assertArrayEquals(content, storage.read(uri));
    proxy.rule(FaultProxy.firstRequests(proxy.requests().size() + 1, Fault.dropMidBody()));
    Path target = temp.resolve("down/dropped.bin");
    storage.download(uri, target);
    assertArrayEquals(content, Files.readAllBytes(target));
    assertEquals(List.of(target), listed(target.getParent()), "no .partial left behind");
  }

  @Test
  void anUploadCutOffMidBodyIsRetriedAndNeverHalfVisible() throws IOException {
    String uri = prefix + "/cut.bin";
    Path file = Files.write(temp.resolve("cut.bin"), new byte[300_000]);
    proxy.rule(FaultProxy.firstRequests(1, Fault.cutRequest()));
    storage.upload(file, uri);
    assertEquals(300_000, server.client().getObjectAsBytes(get -> get.bucket(bucketOf(uri)).key("faults/cut.bin"))
        .asByteArray().length);

    String never = prefix + "/never.bin";
    proxy.rule(FaultProxy.always(Fault.cutRequest()));
    StorageException e = assertThrows(StorageException.class, () -> storage.upload(file, never));
    assertTrue(firstLine(e).contains(never), firstLine(e));
    proxy.rule(FaultProxy.passAll());
    assertFalse(storage.exists(never), "nothing at the final key");
  }

  @Test
  void latencyIsWaitedFor() {
    String uri = prefix + "/slow.pb";
    storage.writeAtomically(uri, bytes("slow"));
    proxy.rule(FaultProxy.always(Fault.latency(Duration.ofMillis(1500))));
    assertArrayEquals(bytes("slow"), storage.read(uri));
  }

  @Test
  void lastingSlowDownsFailAfterTheRetriesNamingTheUri() {
    String uri = prefix + "/throttled.pb";
    proxy.rule(FaultProxy.always(Fault.status(503, "SlowDown")));
    int before = proxy.requests().size();
    StorageException e = StorageDeadline.failsWithinDeadline(() -> storage.read(uri));
    assertTrue(firstLine(e).startsWith("cannot read " + uri + ": S3 answered HTTP 503 SlowDown"), firstLine(e));
    assertEquals(3, proxy.requests().size() - before, "PREFLYTE_STORAGE_MAX_ATTEMPTS tries");
  }

  @Test
  void aStalledEndpointEndsWithinTheDeadline() {
    String uri = prefix + "/stalled.pb";
    proxy.rule(FaultProxy.always(Fault.stall()));
    for (Executable call : List.<Executable>of(
        () -> storage.read(uri), () -> storage.writeAtomically(uri, bytes("x")))) {
      StorageException e = StorageDeadline.failsWithinDeadline(call);
      assertTrue(firstLine(e).contains(prefix), firstLine(e));
      assertTrue(firstLine(e).contains("timed out") || firstLine(e).contains("deadline"), firstLine(e));
    }
    proxy.rule(FaultProxy.passAll());
    assertFalse(storage.exists(uri), "the stalled write left nothing");
  }

  @Test
  void aTricklingEndpointEndsWithinTheDeadline() throws IOException {
    String uri = prefix + "/trickle.pb";
    storage.writeAtomically(uri, bytes("a body long enough to take far longer than the deadline to trickle"));
    proxy.rule(FaultProxy.always(Fault.trickle(Duration.ofMillis(400))));

    StorageException e = StorageDeadline.failsWithinDeadline(() -> storage.read(uri));
    assertTrue(firstLine(e).startsWith("cannot read " + uri + ": "), firstLine(e));
    assertTrue(firstLine(e).contains("PREFLYTE_STORAGE_DEADLINE"), firstLine(e));

    Path target = temp.resolve("trickle/trickle.pb");
    e = StorageDeadline.failsWithinDeadline(() -> storage.download(uri, target));
    assertTrue(firstLine(e).startsWith("cannot download " + uri + ": "), firstLine(e));
    if (Files.isDirectory(target.getParent())) {
      assertEquals(List.of(), listed(target.getParent()), "neither the target nor a .partial");
    }
  }

  @Test
  void aTricklingStreamEndsWithinTheDeadline() throws IOException {
    String uri = prefix + "/stream.bin";
    storage.writeAtomically(uri, new byte[100_000]);
    proxy.rule(FaultProxy.always(Fault.trickle(Duration.ofMillis(1))));
    long started = System.nanoTime();
    try (InputStream in = storage.open(uri)) {
      IOException e = assertThrows(IOException.class, in::readAllBytes);
      assertTrue(e.getMessage().startsWith("cannot read " + uri + ": "), e.getMessage());
      assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    }
    StorageDeadline.assertEndedWithinDeadline("reading the stream", started);
  }

  private static String bucketOf(String uri) {
    return uri.substring(5, uri.indexOf('/', 5));
  }

  private static List<Path> listed(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  private static String firstLine(Throwable e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }
}
