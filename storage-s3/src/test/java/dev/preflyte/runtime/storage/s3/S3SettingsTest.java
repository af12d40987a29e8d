package dev.preflyte.runtime.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.storage.StorageException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

  private static final String SECRET = "SettingsSecretValue-91f3";

  @Test
  void aCustomEndpointWithStaticKeys() {
    S3Settings settings = S3Settings.fromEnvironment(Map.of(
        "FLYTE_AWS_ENDPOINT", "http://minio.flyte:9000",
        "FLYTE_AWS_ACCESS_KEY_ID", "minio",
        "FLYTE_AWS_SECRET_ACCESS_KEY", SECRET));
    assertEquals(Optional.of(URI.create("http://minio.flyte:9000")), settings.endpoint());
    assertTrue(settings.hasStaticCredentials());
    assertEquals("minio", settings.accessKeyId());
    assertEquals(SECRET, settings.secretAccessKey());
    assertEquals("us-east-1", settings.region());
    assertEquals("endpoint http://minio.flyte:9000", settings.describeEndpoint());
  }

  @Test
  void noVariablesMeansAwsWithTheStandardChain() {
    S3Settings settings = S3Settings.fromEnvironment(Map.of());
    assertEquals(Optional.empty(), settings.endpoint());
    assertFalse(settings.hasStaticCredentials());
    assertEquals("us-east-1", settings.region());
    assertEquals("AWS S3 in us-east-1", settings.describeEndpoint());
  }

  @Test
  void regionComesFromAwsRegionThenAwsDefaultRegion() {
    assertEquals("eu-west-1", S3Settings.fromEnvironment(
        Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "us-west-2")).region());
    assertEquals("us-west-2", S3Settings.fromEnvironment(
        Map.of("AWS_REGION", " ", "AWS_DEFAULT_REGION", "us-west-2")).region());
  }

  @Test
  void oneKeyWithoutTheOtherIsAnError() {
    StorageException e = assertThrows(StorageException.class,
        () -> S3Settings.fromEnvironment(Map.of("FLYTE_AWS_SECRET_ACCESS_KEY", SECRET)));
    assertEquals("FLYTE_AWS_ACCESS_KEY_ID is not set but FLYTE_AWS_SECRET_ACCESS_KEY is: set both for static"
        + " S3 credentials, or neither to use the standard AWS credential chain", e.getMessage());
    assertFalse(e.getMessage().contains(SECRET));
    e = assertThrows(StorageException.class,
        () -> S3Settings.fromEnvironment(Map.of("FLYTE_AWS_ACCESS_KEY_ID", "id")));
    assertTrue(e.getMessage().startsWith("FLYTE_AWS_SECRET_ACCESS_KEY is not set but FLYTE_AWS_ACCESS_KEY_ID is"));
  }

  @Test
  void badEndpointsAreRejectedWithoutEchoingCredentials() {
    StorageException e = assertThrows(StorageException.class,
        () -> S3Settings.fromEnvironment(Map.of("FLYTE_AWS_ENDPOINT", "minio:9000")));
    assertEquals("FLYTE_AWS_ENDPOINT 'minio:9000' is not an http(s) URL with a host: use e.g. http://minio:9000",
        e.getMessage());
    e = assertThrows(StorageException.class,
        () -> S3Settings.fromEnvironment(Map.of("FLYTE_AWS_ENDPOINT", "http://user:" + SECRET + "@minio:9000")));
    assertTrue(e.getMessage().startsWith("FLYTE_AWS_ENDPOINT must not hold credentials"), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET));
    e = assertThrows(StorageException.class,
        () -> S3Settings.fromEnvironment(Map.of("FLYTE_AWS_ENDPOINT", "http://bad host " + SECRET)));
    assertEquals("FLYTE_AWS_ENDPOINT is not a URL: use e.g. http://minio:9000", e.getMessage());
  }

  @Test
  void toStringNeverShowsTheSecret() {
    S3Settings settings = S3Settings.fromEnvironment(Map.of(
        "FLYTE_AWS_ENDPOINT", "http://127.0.0.1:9000",
        "FLYTE_AWS_ACCESS_KEY_ID", "minio",
        "FLYTE_AWS_SECRET_ACCESS_KEY", SECRET)).withRetries(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertFalse(settings.toString().contains(SECRET), settings.toString());
    assertTrue(settings.toString().contains("access key id minio"), settings.toString());
    assertEquals(1, settings.timeouts().maxAttempts());
  }

  @Test
  void retriesNeedAtLeastOneAttempt() {
    S3Settings settings = S3Settings.fromEnvironment(Map.of());
    assertThrows(IllegalArgumentException.class,
        () -> settings.withRetries(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
  }
}
