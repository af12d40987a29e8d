package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectUriTest {

  private static ObjectUri split(String uri) {
    return ObjectUri.split(uri, List.of("s3", "s3x"), "an s3://bucket/key URI", "an S3 URI: use s3://bucket/key");
  }

  @Test
  void splitsAtTheSchemeAndTheFirstSlashOnly() {
    assertEquals(new ObjectUri("S3://b/k/x y?#z", "s3", "b", "k/x y?#z"), split("S3://b/k/x y?#z"));
    assertEquals(new ObjectUri("s3x://b", "s3x", "b", ""), split("s3x://b"));
    assertEquals(new ObjectUri("s3:///k", "s3", "", "k"), split("s3:///k"));
  }

  @Test
  void aBlankOrForeignUriIsRefusedInTheBackendsWords() {
    for (String blank : new String[] {null, "", "  "}) {
      StorageException e = assertThrows(StorageException.class, () -> split(blank));
      assertEquals("storage location is blank: give an s3://bucket/key URI", e.getMessage());
    }
    for (String foreign : List.of("gs://b/k", "s3:/b/k", "b/k", "xs3://b/k")) {
      StorageException e = assertThrows(StorageException.class, () -> split(foreign));
      assertEquals("'" + foreign + "' is not an S3 URI: use s3://bucket/key", e.getMessage());
    }
  }

  @Test
  void anEmptyAuthorityNamesNoBucket() {
    assertEquals("b", split("s3://b/k").bucket("s3://bucket/key"));
    UnusableUriException e = assertThrows(UnusableUriException.class, () -> split("s3:///k").bucket("s3://bucket/key"));
    assertEquals("'s3:///k' names no bucket: use s3://bucket/key", e.getMessage());
  }

  @Test
  void aFolderPrefixEndsInOneSlash() {
    Map<String, String> prefixes = Map.of("", "", "a", "a/", "a/b", "a/b/", "a/b/", "a/b/");
    prefixes.forEach((name, prefix) -> assertEquals(prefix, ObjectUri.folderPrefix(name), "of '" + name + "'"));
  }

  @Test
  void onlyANonEmptyNameWithoutATrailingSlashNamesAnObject() {
    assertTrue(ObjectUri.namesObject("a/b"));
    assertFalse(ObjectUri.namesObject(""));
    assertFalse(ObjectUri.namesObject("a/"));
    ObjectUri.requireObject("s3://b/a", "a", "a folder");
    StorageException e = assertThrows(StorageException.class,
        () -> ObjectUri.requireObject("s3://b/a/", "a/", "a bucket or folder, not an object: use s3://bucket/path/to/object"));
    assertEquals("'s3://b/a/' names a bucket or folder, not an object: use s3://bucket/path/to/object", e.getMessage());
  }
}
