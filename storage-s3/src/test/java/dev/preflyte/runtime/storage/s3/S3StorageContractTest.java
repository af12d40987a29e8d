package dev.preflyte.runtime.storage.s3;

import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageContract;
import dev.preflyte.runtime.testing.S3TestServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/** The storage contract on S3, against the S3 test server (S3Proxy) on loopback. */
class S3StorageContractTest extends StorageContract {

  private static final int PART_SIZE = 5 * 1024 * 1024; // S3's smallest allowed part
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static String bucket;

  private final S3TestServer server = S3TestServer.shared();
  private final S3Storage storage =
      S3Storage.create(S3Settings.fromEnvironment(server.environment()), PART_SIZE, PART_SIZE);

  @AfterEach
  void close() {
    storage.close();
  }

  @Override
  protected Storage storage() {
    return storage;
  }

  @Override
  protected String freshPrefix() {
    synchronized (S3StorageContractTest.class) {
      if (bucket == null) {
        bucket = server.newBucket();
      }
    }
    return "s3://" + bucket + "/run-" + RUNS.incrementAndGet();
  }

  @Override
  protected int largeObjectSize() {
    return PART_SIZE + 1;
  }

  @Override
  protected Optional<Misconfigured> withWrongCredentials() {
    String wrongSecret = "WrongSecretValue" + System.nanoTime();
    Map<String, String> environment = new HashMap<>(server.environment());
    environment.put("FLYTE_AWS_SECRET_ACCESS_KEY", wrongSecret);
    return Optional.of(new Misconfigured(S3Storage.fromEnvironment(environment), wrongSecret));
  }

  @Override
  protected Optional<Storage> withEndpoint(String endpoint) {
    Map<String, String> environment = new HashMap<>(server.environment());
    environment.put("FLYTE_AWS_ENDPOINT", endpoint);
    return Optional.of(S3Storage.create(S3Settings.fromEnvironment(environment)
        .withRetries(2, Duration.ofSeconds(2), Duration.ofSeconds(2))));
  }
}
