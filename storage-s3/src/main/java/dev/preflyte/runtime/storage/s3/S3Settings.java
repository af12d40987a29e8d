package dev.preflyte.runtime.storage.s3;

import dev.preflyte.runtime.storage.StorageEnvironment;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.storage.StorageTimeouts;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach S3, read from the environment Flyte gives a task. {@link #toString()} never shows
 * the secret key.
 *
 * <ul>
 *   <li>{@code FLYTE_AWS_ENDPOINT}: an S3-compatible server such as MinIO; implies path-style
 *       addressing. Unset: AWS S3.
 *   <li>{@code FLYTE_AWS_ACCESS_KEY_ID} and {@code FLYTE_AWS_SECRET_ACCESS_KEY}: static
 *       credentials, both or neither. Unset: the standard AWS credential chain (environment,
 *       profile, web identity, container and instance roles).
 *   <li>{@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else {@code us-east-1}.
 *   <li>Timeouts, tries and the deadline of every call: {@link StorageTimeouts}.
 * </ul>
 */
public final class S3Settings {

  static final String ENDPOINT = "FLYTE_AWS_ENDPOINT";
  static final String ACCESS_KEY_ID = "FLYTE_AWS_ACCESS_KEY_ID";
  static final String SECRET_ACCESS_KEY = "FLYTE_AWS_SECRET_ACCESS_KEY";
  static final String DEFAULT_REGION = "us-east-1";

  private final URI endpoint;
  private final String accessKeyId;
  private final String secretAccessKey;
  private final String region;
  private final StorageTimeouts timeouts;

  private S3Settings(URI endpoint, String accessKeyId, String secretAccessKey, String region,
      StorageTimeouts timeouts) {
    this.endpoint = endpoint;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.region = region;
    this.timeouts = timeouts;
  }

  /** Reads the settings from {@code environment} (the process environment, or a test's own map). */
  public static S3Settings fromEnvironment(Map<String, String> environment) {
    URI endpoint = StorageEnvironment.httpEndpoint(environment, ENDPOINT, "http://minio:9000",
        uri -> uri.getRawUserInfo() != null, "must not hold credentials: give the host only, e.g."
            + " http://minio:9000, and the keys in " + ACCESS_KEY_ID + " / " + SECRET_ACCESS_KEY);
    String accessKeyId = StorageEnvironment.nonBlank(environment, ACCESS_KEY_ID);
    String secretAccessKey = StorageEnvironment.nonBlank(environment, SECRET_ACCESS_KEY);
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      String missing = accessKeyId == null ? ACCESS_KEY_ID : SECRET_ACCESS_KEY;
      String present = accessKeyId == null ? SECRET_ACCESS_KEY : ACCESS_KEY_ID;
      throw new StorageException(
          missing + " is not set but " + present + " is: set both for static S3 credentials, or"
              + " neither to use the standard AWS credential chain");
    }
    String region = StorageEnvironment.nonBlank(environment, "AWS_REGION");
    if (region == null) {
      region = StorageEnvironment.nonBlank(environment, "AWS_DEFAULT_REGION");
    }
    return new S3Settings(endpoint, accessKeyId, secretAccessKey,
        region == null ? DEFAULT_REGION : region, StorageTimeouts.fromEnvironment(environment));
  }

  /**
   * A copy that gives up after {@code attempts} tries of a request, waiting at most {@code
   * connectTimeout} for a connection and {@code readTimeout} for data.
   */
  public S3Settings withRetries(int attempts, Duration connectTimeout, Duration readTimeout) {
    return withTimeouts(timeouts.withRetries(attempts, connectTimeout, readTimeout));
  }

  /** A copy with other timeouts. */
  public S3Settings withTimeouts(StorageTimeouts newTimeouts) {
    return new S3Settings(endpoint, accessKeyId, secretAccessKey, region, newTimeouts);
  }

  public StorageTimeouts timeouts() {
    return timeouts;
  }

  /** The custom endpoint ({@code FLYTE_AWS_ENDPOINT}), if any. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** Whether static credentials were given; otherwise the standard AWS chain applies. */
  public boolean hasStaticCredentials() {
    return accessKeyId != null;
  }

  /** The static access key id; {@code null} without static credentials. Not a secret. */
  public String accessKeyId() {
    return accessKeyId;
  }

  /** The static secret key; {@code null} without static credentials. Never log it. */
  String secretAccessKey() {
    return secretAccessKey;
  }

  public String region() {
    return region;
  }




  /** Where requests go, for messages: the custom endpoint, or "AWS S3 (region)". */
  public String describeEndpoint() {
    return endpoint != null ? "endpoint " + endpoint : "AWS S3 in " + region;
  }

  @Override
  public String toString() {
    return "S3Settings{" + describeEndpoint()
        + ", credentials=" + (hasStaticCredentials() ? "static, access key id " + accessKeyId : "AWS chain")
        + ", " + timeouts + "}";
  }
}
