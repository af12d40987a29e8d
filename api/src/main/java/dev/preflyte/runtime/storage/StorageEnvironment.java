package dev.preflyte.runtime.storage;

import java.net.URI;
import java.util.Map;
import java.util.function.Predicate;

/** How every storage backend's settings read the task's environment variables, in one place. */
public final class StorageEnvironment {

  private StorageEnvironment() {}

  /** The value of {@code variable} in {@code environment}; {@code null} when unset or blank. */
  public static String nonBlank(Map<String, String> environment, String variable) {
    String value = environment.get(variable);
    return value == null || value.isBlank() ? null : value;
  }

  /**
   * The http(s) URL with a host in {@code variable}, as an endpoint to send requests to; {@code
   * null} when unset or blank. A value that {@code holdsSecrets} is refused before anything echoes
   * it, with {@code "<variable> <secretsRule>"}; a value that is no URL at all is not echoed either,
   * as a mistyped one might hold a password.
   *
   * @param example a URL of the right form, for the messages, e.g. {@code http://minio:9000}
   */
  public static URI httpEndpoint(Map<String, String> environment, String variable, String example,
      Predicate<URI> holdsSecrets, String secretsRule) {
    String raw = nonBlank(environment, variable);
    if (raw == null) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(raw.strip());
    } catch (IllegalArgumentException e) {
      throw new StorageException(variable + " is not a URL: use e.g. " + example);
    }
    if (holdsSecrets.test(uri)) {
      throw new StorageException(variable + " " + secretsRule);
    }
    String scheme = uri.getScheme();
    if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
      throw new StorageException(variable + " '" + raw + "' is not an http(s) URL with a host: use e.g. " + example);
    }
    return uri;
  }
}
