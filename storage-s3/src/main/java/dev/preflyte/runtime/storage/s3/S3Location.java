package dev.preflyte.runtime.storage.s3;

import dev.preflyte.runtime.storage.ObjectUri;
import dev.preflyte.runtime.storage.UnusableUriException;
import java.util.List;

/**
 * An {@code s3://bucket/key} URI split into bucket and key ({@link ObjectUri}: keys may hold
 * spaces, {@code ?} and {@code #}).
 *
 * @param bucket the bucket name, never empty
 * @param key the object key or key prefix, possibly empty (the whole bucket)
 */
public record S3Location(String bucket, String key) {

  private static final String SCHEME = "s3://";

  /** Parses {@code uri}, failing with a message that says what a valid S3 URI looks like. */
  public static S3Location parse(String uri) {
    ObjectUri parts = ObjectUri.split(uri, List.of("s3"), "an s3://bucket/key URI", "an S3 URI: use s3://bucket/key");
    String bucket = parts.bucket("s3://bucket/key");
    if (!bucket.chars().allMatch(S3Location::isBucketCharacter)) {
      throw new UnusableUriException(
          "'" + uri + "' has an invalid bucket name '" + bucket
              + "': bucket names are letters, digits, '.', '-' and '_'");
    }
    return new S3Location(bucket, parts.name());
  }

  /** Parses {@code uri} and requires it to name an object, not just a bucket or a folder. */
  public static S3Location parseObject(String uri) {
    S3Location location = parse(uri);
    ObjectUri.requireObject(uri, location.key, "a bucket or folder, not an object: use s3://bucket/path/to/object");
    return location;
  }

  /**
   * The key prefix of everything inside this location taken as a folder: the key with one trailing
   * {@code /}, or empty for a whole bucket.
   */
  public String folderPrefix() {
    return ObjectUri.folderPrefix(key);
  }

  /** The URI of {@code objectKey} in this bucket. */
  public String uriOf(String objectKey) {
    return SCHEME + bucket + "/" + objectKey;
  }

  @Override
  public String toString() {
    return uriOf(key);
  }

  private static boolean isBucketCharacter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '.' || c == '-' || c == '_';
  }
}
