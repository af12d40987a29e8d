package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage contract every backend keeps, as one suite: a subclass per backend says how to reach
 * it, and every backend then runs the same cases: read, write atomically (nothing visible at the
 * final name until complete), large objects in parts, listing a folder prefix, a missing object,
 * wrong credentials, and an endpoint that never answers (bounded time). A case that does not apply
 * to a backend (local files have no credentials) is reported as skipped.
 */
public abstract class StorageContract {

  private static final AtomicInteger RUNS = new AtomicInteger();

  @TempDir protected Path temp;

  /** A new backend under test, with working credentials; the suite closes it after the test. */
  protected abstract Storage newStorage();

  /**
   * Where the tests write, without a trailing slash, e.g. {@code s3://bucket}: each test gets a
   * folder of its own under it.
   */
  protected abstract String root();

  /** A size above the threshold at which {@link #storage()} uploads in parts. */
  protected abstract int largeObjectSize();

  /** The backend with a wrong secret; empty when the backend has no credentials. */
  protected abstract Optional<Misconfigured> withWrongCredentials();

  /**
   * The backend sent to {@code endpoint} ({@code http://127.0.0.1:<port>}) with short timeouts and
   * few retries; empty when the backend has no endpoint.
   */
  protected abstract Optional<Storage> withEndpoint(String endpoint);

  /** This test's folder under {@link #root()}: nothing is under it before the test. */
  protected String prefix;

  private Storage storage;

  @BeforeEach
  void freshLocation() {
    prefix = root() + "/run-" + RUNS.incrementAndGet();
  }

  @AfterEach
  void closeStorage() {
    if (storage != null) {
      close(storage);
    }
  }

  /** The backend under test, made on first use in each test. */
  protected final Storage storage() {
    if (storage == null) {
      storage = newStorage();
    }
    return storage;
  }

  /** A copy of {@code environment} with {@code variable} set to {@code value}. */
  protected static Map<String, String> with(Map<String, String> environment, String variable, String value) {
    Map<String, String> changed = new HashMap<>(environment);
    changed.put(variable, value);
    return changed;
  }

  /** A backend holding a wrong {@code secret}, which no message may show. */
  public record Misconfigured(Storage storage, String secret) {}

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  protected static String firstLine(Throwable e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }

  protected static String fullText(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  @Test
  void readsWhatWasWritten() throws IOException {
    String uri = prefix + "/run/outputs.pb";
    byte[] bytes = "outputs".getBytes(StandardCharsets.UTF_8);
    storage().writeAtomically(uri, bytes);
    assertArrayEquals(bytes, storage().read(uri));
    try (InputStream in = storage().open(uri)) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
    assertTrue(storage().exists(uri));
    Path target = temp.resolve("down/outputs.pb");
    storage().download(uri, target);
    assertArrayEquals(bytes, Files.readAllBytes(target));

    storage().writeAtomically(uri, new byte[0]);
    assertArrayEquals(new byte[0], storage().read(uri), "an empty object replaces the old one");
  }

  @Test
  void writesAreAtomic() throws Exception {
    int size = largeObjectSize();
    byte[] first = randomBytes(size, 1);
    byte[] second = randomBytes(size, 2);
    Path file = Files.write(temp.resolve("second.bin"), second);
    String replaced = prefix + "/replaced.bin";
    String fresh = prefix + "/fresh.bin";
    storage().writeAtomically(replaced, first);

    CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
      storage().upload(file, fresh);
      storage().upload(file, replaced);
    });
    while (!writes.isDone()) {
      byte[] now = storage().read(replaced);
      assertTrue(Arrays.equals(first, now) || Arrays.equals(second, now),
          "a reader saw " + now.length + " bytes that are neither the old object nor the new one");
      if (storage().exists(fresh)) {
        assertArrayEquals(second, storage().read(fresh), "visible before complete");
      }
    }
    writes.get();
    assertArrayEquals(second, storage().read(replaced));
    assertArrayEquals(second, storage().read(fresh));
  }

  @Test
  void largeObjectsGoInParts() throws IOException {
    int size = largeObjectSize() * 2 + 12_345; // several parts and a short last one
    byte[] bytes = randomBytes(size, 3);
    String uploaded = prefix + "/large/uploaded.bin";
    storage().upload(Files.write(temp.resolve("large.bin"), bytes), uploaded);
    Path target = temp.resolve("large-down.bin");
    storage().download(uploaded, target);
    assertArrayEquals(bytes, Files.readAllBytes(target));

    String written = prefix + "/large/written.bin";
    storage().writeAtomically(written, bytes);
    assertArrayEquals(bytes, storage().read(written));
    try (InputStream in = storage().open(written)) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
  }

  @Test
  void listsAFolderPrefix() throws IOException {
    for (String name : List.of("a/1.txt", "a/b/2.txt", "a/b/c/3.txt", "ab/4.txt", "a.txt")) {
      storage().writeAtomically(prefix + "/" + name, name.getBytes(StandardCharsets.UTF_8));
    }
    List<String> expected = List.of(prefix + "/a/1.txt", prefix + "/a/b/2.txt", prefix + "/a/b/c/3.txt");
    assertEquals(expected, storage().list(prefix + "/a"), "a sibling sharing the prefix is not inside");
    assertEquals(expected, storage().list(prefix + "/a/"));
    assertTrue(storage().exists(prefix + "/a"), "a folder with objects exists");
    assertFalse(storage().exists(prefix + "/nothing"));
    assertEquals(List.of(), storage().list(prefix + "/nothing"));

    Path target = temp.resolve("tree");
    storage().downloadDirectory(prefix + "/a", target);
    assertArrayEquals("a/b/c/3.txt".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target.resolve("b/c/3.txt")));
    storage().uploadDirectory(target, prefix + "/copy");
    assertEquals(List.of(prefix + "/copy/1.txt", prefix + "/copy/b/2.txt", prefix + "/copy/b/c/3.txt"),
        storage().list(prefix + "/copy"));
  }

  @Test
  void aMissingObjectIsNamed() throws IOException {
    String uri = prefix + "/missing.pb";
    StorageException e = assertThrows(StorageException.class, () -> storage().read(uri));
    assertTrue(firstLine(e).startsWith("cannot read " + uri + ": "), firstLine(e));
    e = assertThrows(StorageException.class, () -> storage().open(uri).close());
    assertTrue(firstLine(e).contains(uri), firstLine(e));
    assertFalse(storage().exists(uri));
    Path target = temp.resolve("downloads/missing.pb");
    e = assertThrows(StorageException.class, () -> storage().download(uri, target));
    assertTrue(firstLine(e).startsWith("cannot download " + uri + ": "), firstLine(e));
    if (Files.isDirectory(target.getParent())) {
      try (Stream<Path> left = Files.list(target.getParent())) {
        assertEquals(List.of(), left.toList(), "neither the target nor a temporary file");
      }
    }
  }

  @Test
  void wrongCredentialsAreClearAndShowNoSecret() {
    Optional<Misconfigured> wrong = withWrongCredentials();
    assumeTrue(wrong.isPresent(), "this backend has no credentials");
    String uri = prefix + "/guarded.pb";
    storage().writeAtomically(uri, new byte[] {1});
    Storage denied = wrong.get().storage();
    List<StorageException> failures = List.of(
        assertThrows(StorageException.class, () -> denied.read(uri)),
        assertThrows(StorageException.class, () -> denied.writeAtomically(uri, new byte[] {2})),
        assertThrows(StorageException.class, () -> denied.list(prefix)));
    for (StorageException e : failures) {
      assertTrue(firstLine(e).contains(uri) || firstLine(e).contains(prefix), firstLine(e));
      assertTrue(firstLine(e).contains("denied") || firstLine(e).contains("credential"), firstLine(e));
      assertFalse(fullText(e).contains(wrong.get().secret()), "the secret leaked: " + fullText(e));
    }
    assertArrayEquals(new byte[] {1}, storage().read(uri), "the denied write changed nothing");
    close(denied);
  }

  @Test
  void anEndpointThatNeverAnswersFailsInBoundedTime() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Optional<Storage> backend = withEndpoint("http://127.0.0.1:" + silent.getLocalPort());
      assumeTrue(backend.isPresent(), "this backend has no endpoint");
      List<Socket> held = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // accepted, then never answered
          }
        } catch (IOException closed) {
          // the test is over
        }
      }, "silent-endpoint");
      acceptor.setDaemon(true);
      acceptor.start();
      String uri = prefix + "/never.pb";
      StorageException e = assertTimeoutPreemptively(Duration.ofSeconds(45),
          () -> assertThrows(StorageException.class, () -> backend.get().read(uri)));
      assertTrue(firstLine(e).startsWith("cannot read " + uri + ": "), firstLine(e));
      assertTrue(firstLine(e).contains("timed out") || firstLine(e).contains("cannot connect"), firstLine(e));
      close(backend.get());
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  private static void close(Storage storage) {
    if (storage instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }
}
