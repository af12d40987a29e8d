package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.storage.s3.S3Storage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoragesTest {

  @TempDir Path temp;

  @Test
  void plainPathsAndFileUrisGoToLocalStorage() throws Exception {
    Storages storages = Storages.localOnly();
    byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
    storages.writeAtomically(temp.resolve("plain.pb").toString(), bytes);
    storages.writeAtomically(temp.resolve("uri.pb").toUri().toString(), bytes);
    assertArrayEquals(bytes, Files.readAllBytes(temp.resolve("plain.pb")));
    assertArrayEquals(bytes, Files.readAllBytes(temp.resolve("uri.pb")));
    assertTrue(storages.backendFor("/some/path") instanceof LocalStorage);
    assertTrue(storages.backendFor("file:///some/path") instanceof LocalStorage);
    assertTrue(storages.backendFor("FILE:///some/path") instanceof LocalStorage);
  }

  @Test
  void anUnknownSchemeListsTheSupportedOnes() {
    StorageException e = assertThrows(StorageException.class,
        () -> Storages.standard(Map.of()).read("ftp://host/key"));
    assertEquals("no storage for 'ftp://' URIs (in ftp://host/key): supported are [file://, s3://] and local paths",
        e.getMessage());
  }

  @Test
  void aShippedBackendMissingFromTheClassPathIsNamedWithItsArtifact() {
    StorageException e = assertThrows(StorageException.class,
        () -> Storages.standard(Map.of()).read("gs://bucket/key"));
    assertEquals("no storage for 'gs://' URIs (in gs://bucket/key): the gcs backend is not on the class path:"
        + " add the dependency dev.preflyte:preflyte-storage-gcs (the distribution carries it in backends/gcs)",
        e.getMessage());
  }

  @Test
  void aMistypedS3UriReachesTheS3Error() {
    StorageException e = assertThrows(StorageException.class,
        () -> Storages.standard(Map.of()).read("s3:/bucket/key"));
    assertEquals("'s3:/bucket/key' is not an S3 URI: use s3://bucket/key", e.getMessage());
  }

  @Test
  void schemesAreRecognisedCaseInsensitively() {
    assertEquals("s3", Storages.schemeOf("S3://b/k"));
    assertEquals("file", Storages.schemeOf("file:///a"));
    assertEquals("file", Storages.schemeOf("file:/a"));
    assertEquals("file", Storages.schemeOf("/a/b:c"));
    assertEquals("file", Storages.schemeOf("relative/a"));
    assertEquals("file", Storages.schemeOf("C:/windows/path"));
    assertEquals("gs", Storages.schemeOf("gs://b/k"));
  }

  @Test
  void aBlankUriIsRejected() {
    Storages storages = Storages.standard(Map.of());
    for (String blank : new String[] {"", "   ", null}) {
      StorageException e = assertThrows(StorageException.class, () -> storages.exists(blank));
      assertEquals("storage location is blank: give a path or a URI", e.getMessage());
    }
  }

  @Test
  void eachBackendIsCreatedOnceAndOnlyWhenUsed() {
    AtomicInteger created = new AtomicInteger();
    Supplier<Storage> counting = () -> {
      created.incrementAndGet();
      return new LocalStorage();
    };
    Storages storages = new Storages(Map.of("file", counting));
    assertEquals(0, created.get());
    Storage first = storages.backendFor("/a");
    assertSame(first, storages.backendFor("file:///b"));
    assertEquals(1, created.get());
  }

  @Test
  void standardServesS3FromTheGivenEnvironment() {
    try (Storages storages = Storages.standard(Map.of(
        "FLYTE_AWS_ENDPOINT", "http://127.0.0.1:9", "AWS_REGION", "eu-west-1"))) {
      assertTrue(((DeadlineStorage) storages.backendFor("s3://bucket/key")).backend() instanceof S3Storage);
      assertTrue(((DeadlineStorage) storages.backendFor("S3://bucket/key")).backend() instanceof S3Storage);
    }
  }

  @Test
  void withoutVariablesS3UsesAwsAndItsCredentialChain() {
    // Creating the client contacts nothing: credentials are looked up on the first request.
    try (Storages storages = Storages.standard(Map.of())) {
      assertTrue(((DeadlineStorage) storages.backendFor("s3://bucket/key")).backend() instanceof S3Storage);
    }
  }

  @Test
  void badS3SettingsFailWhenS3IsFirstUsed() {
    Storages storages = Storages.standard(Map.of("FLYTE_AWS_ACCESS_KEY_ID", "id-only"));
    StorageException e = assertThrows(StorageException.class, () -> storages.read("s3://bucket/key"));
    assertTrue(e.getMessage().startsWith("FLYTE_AWS_SECRET_ACCESS_KEY is not set but FLYTE_AWS_ACCESS_KEY_ID is"),
        e.getMessage());
    // Local files still work.
    storages.writeAtomically(temp.resolve("ok").toString(), new byte[] {1});
  }
}
