package dev.preflyte.runtime.storage.gcs;

import dev.preflyte.runtime.storage.ObjectUri;
import dev.preflyte.runtime.storage.UnusableUriException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code gs://bucket/name} URI split into bucket and object name ({@link ObjectUri}: names may
 * hold spaces, {@code ?} and {@code #}).
 *
 * @param bucket the bucket name
 * @param name the object name or name prefix, possibly empty (the whole bucket)
 */
public record GcsLocation(String bucket, String name) {

  private static final String SCHEME = "gs://";
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

  /** Parses {@code uri}, failing with a message that says what a valid URI looks like. */
  public static GcsLocation parse(String uri) {
    ObjectUri parts = ObjectUri.split(uri, List.of("gs"), "a gs://bucket/object URI", "a GCS URI: use gs://bucket/object");
    String bucket = parts.bucket("gs://bucket/object");
    if (!BUCKET.matcher(bucket).matches() || (!bucket.contains(".") && bucket.length() > 63)) {
      throw new UnusableUriException("'" + uri + "' has an invalid bucket name '" + bucket + "': bucket names are"
          + " 3 to 63 lower-case letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
    }
    return new GcsLocation(bucket, parts.name());
  }

  /** Parses {@code uri} and requires it to name an object, not a bucket or folder. */
  public static GcsLocation parseObject(String uri) {
    GcsLocation location = parse(uri);
    ObjectUri.requireObject(uri, location.name, "a bucket or folder, not an object: use gs://bucket/path/to/object");
    return location;
  }

  /** The name prefix of everything inside this location taken as a folder, or empty. */
  public String folderPrefix() {
    return ObjectUri.folderPrefix(name);
  }

  /** The URI of object {@code objectName} in this bucket. */
  public String uriOf(String objectName) {
    return SCHEME + bucket + "/" + objectName;
  }

  public GcsLocation at(String objectName) {
    return new GcsLocation(bucket, objectName);
  }
}
