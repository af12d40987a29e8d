package dev.preflyte.runtime.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.testing.S3TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** S3Storage against a real S3-compatible server on loopback. */
class S3StorageTest {

  private final S3TestServer server = S3TestServer.shared();
  private String bucket;
  private S3Storage storage;

  @TempDir Path temp;

  @BeforeEach
  void createBucket() {
    bucket = server.newBucket();
    storage = S3Storage.fromEnvironment(server.environment());
  }

  @AfterEach
  void closeStorage() {
    storage.close();
  }

  private String uri(String key) {
    return "s3://" + bucket + "/" + key;
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void smallObjectRoundTrips() {
    byte[] bytes = "outputs".getBytes(StandardCharsets.UTF_8);
    storage.writeAtomically(uri("run/outputs.pb"), bytes);
    assertArrayEquals(bytes, storage.read(uri("run/outputs.pb")));
  }

  @Test
  void emptyObjectRoundTrips() {
    storage.writeAtomically(uri("empty"), new byte[0]);
    assertArrayEquals(new byte[0], storage.read(uri("empty")));
    assertTrue(storage.exists(uri("empty")));
  }

  @Test
  void multiMegabyteFileRoundTrips() throws IOException {
    byte[] bytes = randomBytes(7 * 1024 * 1024 + 13, 1);
    Path source = Files.write(temp.resolve("big.bin"), bytes);
    storage.upload(source, uri("data/big.bin"));

    Path target = temp.resolve("down/nested/big.bin");
    storage.download(uri("data/big.bin"), target);
    assertArrayEquals(bytes, Files.readAllBytes(target));
    assertArrayEquals(bytes, storage.read(uri("data/big.bin")));
    try (Stream<Path> left = Files.list(target.getParent())) {
      assertEquals(List.of(target), left.toList(), "no temporary file stays behind");
    }
  }

  @Test
  void largeFilesAreUploadedInParts() throws IOException {
    int partSize = 5 * 1024 * 1024; // S3's smallest allowed part
    byte[] bytes = randomBytes(2 * partSize + 12_345, 5);
    Path source = Files.write(temp.resolve("parts.bin"), bytes);
    try (S3Storage parts = S3Storage.create(S3Settings.fromEnvironment(server.environment()), partSize, partSize)) {
      parts.upload(source, uri("parts.bin"));
    }
    String etag = server.client().headObject(head -> head.bucket(bucket).key("parts.bin")).eTag();
    assertTrue(etag.endsWith("-3\""), "a three-part upload's ETag: " + etag);
    assertArrayEquals(bytes, storage.read(uri("parts.bin")));
    assertEquals(0, server.client().listMultipartUploads(list -> list.bucket(bucket)).uploads().size(),
        "no upload left open");
  }

  @Test
  void aFailedMultipartUploadNamesTheBucket() throws IOException {
    Path source = Files.write(temp.resolve("parts.bin"), randomBytes(6 * 1024 * 1024, 6));
    String missing = "s3://no-such-bucket-" + System.nanoTime() + "/parts.bin";
    try (S3Storage parts = S3Storage.create(S3Settings.fromEnvironment(server.environment()), 1, 5 * 1024 * 1024)) {
      StorageException e = assertThrows(StorageException.class, () -> parts.upload(source, missing));
      assertTrue(firstLine(e).startsWith("cannot upload " + source + " to " + missing + ": no such bucket"),
          firstLine(e));
    }
  }

  @Test
  void openStreamsTheObject() throws IOException {
    byte[] bytes = randomBytes(3 * 1024 * 1024, 2);
    storage.writeAtomically(uri("stream.bin"), bytes);
    try (InputStream in = storage.open(uri("stream.bin"))) {
      byte[] head = in.readNBytes(16);
      assertArrayEquals(java.util.Arrays.copyOf(bytes, 16), head);
      byte[] rest = in.readAllBytes();
      assertEquals(bytes.length - 16, rest.length);
      assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 16, bytes.length), rest);
    }
    // Closing before the end must not hang or fail.
    try (InputStream in = storage.open(uri("stream.bin"))) {
      assertEquals(bytes[0] & 0xff, in.read());
    }
  }

  @Test
  void existsTellsObjectsFoldersAndMissingKeysApart() {
    storage.writeAtomically(uri("dir/file.txt"), new byte[] {1});
    assertTrue(storage.exists(uri("dir/file.txt")));
    assertTrue(storage.exists(uri("dir")), "a folder with objects exists");
    assertTrue(storage.exists(uri("dir/")));
    assertFalse(storage.exists(uri("dir/missing.txt")));
    assertFalse(storage.exists(uri("di")), "a key prefix is not a folder");
    assertFalse(storage.exists(uri("other")));
  }

  @Test
  void writeAtomicallyReplacesAnObject() {
    storage.writeAtomically(uri("outputs.pb"), randomBytes(100_000, 3));
    byte[] replacement = "second".getBytes(StandardCharsets.UTF_8);
    storage.writeAtomically(uri("outputs.pb"), replacement);
    assertArrayEquals(replacement, storage.read(uri("outputs.pb")));
  }

  @Test
  void listReturnsEveryPageSorted() throws Exception {
    int count = 1_050; // more than the 1000 keys S3 returns in one page
    List<String> expected = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> puts = new ArrayList<>();
      for (int i = count - 1; i >= 0; i--) {
        String key = "many/" + (i % 7) + "/item-" + i;
        expected.add(uri(key));
        puts.add(pool.submit(() -> server.client().putObject(
            put -> put.bucket(bucket).key(key), RequestBody.fromString("x"))));
      }
      for (Future<?> put : puts) {
        put.get();
      }
    } finally {
      pool.shutdown();
    }
    storage.writeAtomically(uri("manyx/not-inside"), new byte[] {1});
    expected.sort(null);

    assertEquals(expected, storage.list(uri("many")));
    assertEquals(expected, storage.list(uri("many/")));
  }

  @Test
  void listOfOneObjectIsThatObject() {
    storage.writeAtomically(uri("a/b.txt"), new byte[] {1});
    assertEquals(List.of(uri("a/b.txt")), storage.list(uri("a/b.txt")));
    assertEquals(List.of(), storage.list(uri("nothing/here")));
  }

  @Test
  void directoriesRoundTripWithNestedPaths() throws IOException {
    Path source = temp.resolve("source");
    Map<String, byte[]> files = new HashMap<>();
    files.put("top.txt", "top".getBytes(StandardCharsets.UTF_8));
    files.put("a/b/c/deep.bin", randomBytes(70_000, 4));
    files.put("a/sibling.txt", new byte[0]);
    files.put("with space/é.txt", "unicode".getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = source.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue());
    }
    Files.createDirectories(source.resolve("empty/dir"));

    storage.uploadDirectory(source, uri("dirs/run1"));
    assertEquals(
        files.keySet().stream().map(key -> uri("dirs/run1/" + key)).sorted().toList(),
        storage.list(uri("dirs/run1")));

    Path target = temp.resolve("target");
    storage.downloadDirectory(uri("dirs/run1/"), target);
    List<String> downloaded;
    try (Stream<Path> walk = Files.walk(target)) {
      downloaded = walk.filter(Files::isRegularFile)
          .map(path -> target.relativize(path).toString().replace('\\', '/'))
          .sorted().toList();
    }
    assertEquals(files.keySet().stream().sorted().toList(), downloaded);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      assertArrayEquals(file.getValue(), Files.readAllBytes(target.resolve(file.getKey())), file.getKey());
    }
  }

  @Test
  void downloadingAnEmptyFolderCreatesAnEmptyDirectory() throws IOException {
    Path target = temp.resolve("nothing");
    storage.downloadDirectory(uri("no/such/folder"), target);
    assertTrue(Files.isDirectory(target));
    try (Stream<Path> entries = Files.list(target)) {
      assertEquals(0, entries.count());
    }
  }

  @Test
  void aFolderDownloadOfAKeyLeavesThatObjectOut() throws IOException {
    storage.writeAtomically(uri("just/a-key"), "an object, not a folder".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(uri("just/a-key")), storage.list(uri("just/a-key")));
    Path target = temp.resolve("folder-of-a-key");
    storage.downloadDirectory(uri("just/a-key"), target);
    try (Stream<Path> entries = Files.list(target)) {
      assertEquals(List.of(), entries.toList(), "the key has no place inside the folder it names");
    }
  }

  @Test
  void readingAMissingKeyNamesTheKey() throws IOException {
    StorageException e = assertThrows(StorageException.class, () -> storage.read(uri("missing.pb")));
    assertEquals("cannot read " + uri("missing.pb") + ": no such key", firstLine(e));
    e = assertThrows(StorageException.class, () -> storage.open(uri("missing.pb")));
    assertEquals("cannot read " + uri("missing.pb") + ": no such key", firstLine(e));
    Path target = temp.resolve("downloads/x");
    e = assertThrows(StorageException.class, () -> storage.download(uri("missing.pb"), target));
    assertEquals("cannot download " + uri("missing.pb") + ": no such key", firstLine(e));
    try (Stream<Path> left = Files.list(target.getParent())) {
      assertEquals(List.of(), left.toList(), "neither the target nor a temporary file");
    }
    assertNoSecret(e);
  }

  @Test
  void aDownloadUnderAFileNamesTheTarget() throws IOException {
    storage.writeAtomically(uri("obj"), new byte[] {1});
    Path file = Files.write(temp.resolve("file"), new byte[] {2});
    StorageException e = assertThrows(StorageException.class,
        () -> storage.download(uri("obj"), file.resolve("child")));
    assertTrue(firstLine(e).startsWith("cannot download " + uri("obj") + ": to " + file.resolve("child") + ": "),
        firstLine(e));
    assertArrayEquals(new byte[] {2}, Files.readAllBytes(file));
  }

  @Test
  void downloadReplacesAnExistingFile() throws IOException {
    storage.writeAtomically(uri("obj"), new byte[] {1, 2, 3});
    Path target = Files.write(temp.resolve("existing"), new byte[] {9});
    storage.download(uri("obj"), target);
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
  }

  @Test
  void aMissingBucketIsNamed() {
    String missing = "s3://no-such-bucket-" + System.nanoTime() + "/key";
    StorageException e = assertThrows(StorageException.class, () -> storage.read(missing));
    assertEquals("cannot read " + missing + ": no such bucket: check the bucket name and FLYTE_AWS_ENDPOINT",
        firstLine(e));
    assertNoSecret(e);
    e = assertThrows(StorageException.class, () -> storage.writeAtomically(missing, new byte[] {1}));
    assertTrue(firstLine(e).startsWith("cannot write " + missing + ": no such bucket"), firstLine(e));
    e = assertThrows(StorageException.class, () -> storage.list(missing));
    assertTrue(firstLine(e).startsWith("cannot list " + missing + ": no such bucket"), firstLine(e));
    e = assertThrows(StorageException.class, () -> storage.exists(missing));
    assertTrue(firstLine(e).startsWith("cannot check " + missing + ": no such bucket"), firstLine(e));
  }

  @Test
  void aWrongSecretKeyIsReportedAsAccessDeniedWithoutTheKey() {
    String wrongSecret = "WrongSecretValue" + System.nanoTime();
    Map<String, String> environment = new HashMap<>(server.environment());
    environment.put("FLYTE_AWS_SECRET_ACCESS_KEY", wrongSecret);
    storage.writeAtomically(uri("guarded"), new byte[] {1});
    try (S3Storage wrong = S3Storage.fromEnvironment(environment)) {
      List<StorageException> failures = List.of(
          assertThrows(StorageException.class, () -> wrong.read(uri("guarded"))),
          assertThrows(StorageException.class, () -> wrong.writeAtomically(uri("guarded"), new byte[] {2})),
          assertThrows(StorageException.class, () -> wrong.exists(uri("guarded"))),
          assertThrows(StorageException.class, () -> wrong.list(uri(""))));
      for (StorageException e : failures) {
        assertTrue(firstLine(e).contains(" " + uri("") ) || firstLine(e).contains(uri("guarded")), firstLine(e));
        assertTrue(firstLine(e).contains("access denied"), firstLine(e));
        assertTrue(firstLine(e).endsWith(
            "check FLYTE_AWS_ACCESS_KEY_ID / FLYTE_AWS_SECRET_ACCESS_KEY / the task's IAM role"), firstLine(e));
        assertFalse(fullText(e).contains(wrongSecret), "the wrong secret leaked: " + fullText(e));
        assertNoSecret(e);
      }
    }
    assertArrayEquals(new byte[] {1}, storage.read(uri("guarded")), "the denied write changed nothing");
  }

  @Test
  void anEndpointNobodyListensOnFailsQuicklyAndNamesTheEndpoint() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> environment = new HashMap<>(server.environment());
    environment.put("FLYTE_AWS_ENDPOINT", "http://127.0.0.1:" + closedPort);
    S3Settings settings = S3Settings.fromEnvironment(environment)
        .withRetries(2, Duration.ofSeconds(2), Duration.ofSeconds(2));
    try (S3Storage unreachable = S3Storage.create(settings)) {
      // A guard against hanging, not a performance assertion.
      StorageException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> assertThrows(StorageException.class, () -> unreachable.read(uri("k"))));
      assertTrue(firstLine(e).startsWith("cannot read " + uri("k") + ": cannot connect to endpoint http://127.0.0.1:"
          + closedPort + ": check FLYTE_AWS_ENDPOINT"), firstLine(e));
      assertNoSecret(e);
    }
  }

  @Test
  void malformedUrisAreRejectedBeforeAnyRequest() {
    StorageException e = assertThrows(StorageException.class, () -> storage.read("s3:///key"));
    assertEquals("'s3:///key' names no bucket: use s3://bucket/key", firstLine(e));
    e = assertThrows(StorageException.class, () -> storage.read("s3://" + bucket));
    assertTrue(firstLine(e).contains("names a bucket or folder, not an object"), firstLine(e));
    e = assertThrows(StorageException.class, () -> storage.writeAtomically(uri("folder/"), new byte[0]));
    assertTrue(firstLine(e).contains("names a bucket or folder, not an object"), firstLine(e));
  }

  @Test
  void uploadingAMissingFileNamesIt() {
    Path missing = temp.resolve("absent.bin");
    StorageException e = assertThrows(StorageException.class, () -> storage.upload(missing, uri("x")));
    assertEquals("cannot upload " + uri("x") + ": no such file " + missing, firstLine(e));
    e = assertThrows(StorageException.class, () -> storage.uploadDirectory(missing, uri("x")));
    assertEquals("cannot upload " + uri("x") + ": " + missing + " is not a directory", firstLine(e));
  }

  private void assertNoSecret(Throwable e) {
    assertFalse(fullText(e).contains(server.secretAccessKey()), "the secret leaked: " + fullText(e));
  }

  /** The throwable with its causes and suppressed exceptions, as a stack trace prints them. */
  static String fullText(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  static String firstLine(Throwable e) {
    return e.getMessage().lines().findFirst().orElse("");
  }
}
