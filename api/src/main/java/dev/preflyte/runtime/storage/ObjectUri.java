package dev.preflyte.runtime.storage;

import java.util.List;
import java.util.Locale;

/**
 * A remote storage URI, {@code scheme://authority/name}, split by hand rather than with {@link
 * java.net.URI}: object names may hold spaces, {@code ?} and {@code #}, which are not URI syntax.
 * The one place that says how every backend's URI is built; each backend checks its own authority
 * (a bucket, or {@code container@account} host) and words the messages about its own form.
 *
 * @param uri the URI as given, for messages
 * @param scheme the scheme in lower case
 * @param authority what stands between {@code ://} and the first {@code /}, possibly empty
 * @param name the object name or name prefix after that {@code /}, possibly empty
 */
public record ObjectUri(String uri, String scheme, String authority, String name) {

  /**
   * Splits {@code uri}, whose scheme must be one of {@code schemes} (lower case), failing with
   * {@code "storage location is blank: give <toGive>"} or {@code "'<uri>' is not <notOurs>"}.
   *
   * @param toGive what to give instead of a blank location, e.g. {@code an s3://bucket/key URI}
   * @param notOurs what a URI of another scheme is not, and the fix, e.g. {@code an S3 URI: use
   *     s3://bucket/key}
   */
  public static ObjectUri split(String uri, List<String> schemes, String toGive, String notOurs) {
    if (uri == null || uri.isBlank()) {
      throw new StorageException("storage location is blank: give " + toGive);
    }
    int colon = uri.indexOf("://");
    String scheme = colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!schemes.contains(scheme)) {
      throw new StorageException("'" + uri + "' is not " + notOurs);
    }
    String rest = uri.substring(colon + 3);
    int slash = rest.indexOf('/');
    return new ObjectUri(uri, scheme, slash < 0 ? rest : rest.substring(0, slash),
        slash < 0 ? "" : rest.substring(slash + 1));
  }

  /** The authority as a bucket name, failing when there is none with {@code "... names no bucket: use <form>"}. */
  public String bucket(String form) {
    if (authority.isEmpty()) {
      throw new UnusableUriException("'" + uri + "' names no bucket: use " + form);
    }
    return authority;
  }

  /**
   * The name prefix of everything inside {@code name} taken as a folder: the name with one trailing
   * {@code /}, or empty for a whole bucket or container.
   */
  public static String folderPrefix(String name) {
    return name.isEmpty() || name.endsWith("/") ? name : name + "/";
  }

  /** Whether {@code name} can name an object: not empty, and not a folder ending in {@code /}. */
  public static boolean namesObject(String name) {
    return !name.isEmpty() && !name.endsWith("/");
  }

  /**
   * Fails with {@code "'<uri>' names <notAnObject>"} unless {@code name}, the name {@code uri}
   * gives, {@link #namesObject names an object}.
   *
   * @param notAnObject what else it names, and the fix, e.g. {@code a bucket or folder, not an
   *     object: use s3://bucket/path/to/object}
   */
  public static void requireObject(String uri, String name, String notAnObject) {
    if (!namesObject(name)) {
      throw new StorageException("'" + uri + "' names " + notAnObject);
    }
  }
}
