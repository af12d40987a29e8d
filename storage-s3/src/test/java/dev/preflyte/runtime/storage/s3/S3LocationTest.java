package dev.preflyte.runtime.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflyte.runtime.storage.StorageException;
import org.junit.jupiter.api.Test;

class S3LocationTest {

  @Test
  void splitsBucketAndKey() {
    assertEquals(new S3Location("bucket", "a/b c?#.pb"), S3Location.parse("s3://bucket/a/b c?#.pb"));
    assertEquals(new S3Location("bucket", ""), S3Location.parse("s3://bucket"));
    assertEquals(new S3Location("bucket", ""), S3Location.parse("S3://bucket/"));
    assertEquals(new S3Location("my.bucket-1", "dir/"), S3Location.parse("s3://my.bucket-1/dir/"));
  }

  @Test
  void folderPrefixEndsInOneSlash() {
    assertEquals("", S3Location.parse("s3://b").folderPrefix());
    assertEquals("dir/", S3Location.parse("s3://b/dir").folderPrefix());
    assertEquals("dir/", S3Location.parse("s3://b/dir/").folderPrefix());
    assertEquals("s3://b/dir/x", S3Location.parse("s3://b/dir").uriOf("dir/x"));
  }

  @Test
  void malformedUrisSayWhatIsWrong() {
    assertMessage("'s3://' names no bucket: use s3://bucket/key", "s3://");
    assertMessage("'s3:///key' names no bucket: use s3://bucket/key", "s3:///key");
    assertMessage("'gs://b/k' is not an S3 URI: use s3://bucket/key", "gs://b/k");
    assertMessage("storage location is blank: give an s3://bucket/key URI", " ");
    assertMessage("'s3://bad bucket/k' has an invalid bucket name 'bad bucket': bucket names are letters,"
        + " digits, '.', '-' and '_'", "s3://bad bucket/k");
  }

  @Test
  void objectsNeedAKey() {
    StorageException e = assertThrows(StorageException.class, () -> S3Location.parseObject("s3://b/dir/"));
    assertEquals("'s3://b/dir/' names a bucket or folder, not an object: use s3://bucket/path/to/object",
        e.getMessage());
    assertThrows(StorageException.class, () -> S3Location.parseObject("s3://b"));
    assertEquals(new S3Location("b", "k"), S3Location.parseObject("s3://b/k"));
  }

  private static void assertMessage(String expected, String uri) {
    assertEquals(expected, assertThrows(StorageException.class, () -> S3Location.parse(uri)).getMessage());
  }
}
