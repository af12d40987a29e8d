package dev.preflyte.runtime.storage.s3;

import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageContract;
import dev.preflyte.runtime.testing.S3TestServer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract on S3, against the S3 test server (S3Proxy) on loopback. */
class S3StorageContractTest extends StorageContract {

  private static final int PART_SIZE = 5 * 1024 * 1024; // S3's smallest allowed part
  private static String bucket;

  private final S3TestServer server = S3TestServer.shared();

  @BeforeAll
  static void newBucket() {
    bucket = S3TestServer.shared().newBucket();
  }

  @Override
  protected Storage newStorage() {
    return S3Storage.create(S3Settings.fromEnvironment(server.environment()), PART_SIZE, PART_SIZE);
  }

  @Override
  protected String root() {
    return "s3://" + bucket;
  }

  @Override
  protected int largeObjectSize() {
    return PART_SIZE + 1;
  }

  @Override
  protected Optional<Misconfigured> withWrongCredentials() {
    String wrongSecret = "WrongSecretValue" + System.nanoTime();
    return Optional.of(new Misconfigured(
        S3Storage.fromEnvironment(with(server.environment(), "FLYTE_AWS_SECRET_ACCESS_KEY", wrongSecret)), wrongSecret));
  }

  @Override
  protected Optional<Storage> withEndpoint(String endpoint) {
    return Optional.of(S3Storage.create(S3Settings.fromEnvironment(with(server.environment(), "FLYTE_AWS_ENDPOINT", endpoint))
        .withRetries(2, Duration.ofSeconds(2), Duration.ofSeconds(2))));
  }
}
