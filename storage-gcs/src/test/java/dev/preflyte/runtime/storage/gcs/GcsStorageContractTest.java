package dev.preflyte.runtime.storage.gcs;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageContract;
import dev.preflyte.runtime.testing.GcsStandInServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The storage contract on gs://, through Google's client library, against the loopback stand-in
 * for GCS ({@link GcsStandInServer}): not real GCS.
 */
class GcsStorageContractTest extends StorageContract {

  static final String TOKEN = "good-token";
  private static final int THRESHOLD = 1024 * 1024;
  private static GcsStandInServer server;

  @BeforeAll
  static void start() throws IOException {
    server = new GcsStandInServer(TOKEN);
    server.createBucket("contract");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static GcsSettings settings(String endpoint, String token) {
    return GcsSettings.fromEnvironment(Map.of("STORAGE_EMULATOR_HOST", endpoint))
        .withCredentials(new FixedToken(token));
  }

  /** Credentials whose token, when refreshed after a 401, comes back the same, as a revoked key's would fail again. */
  static final class FixedToken extends GoogleCredentials {
    private final String token;

    FixedToken(String token) {
      super(new AccessToken(token, new Date(System.currentTimeMillis() + 3_600_000)));
      this.token = token;
    }

    @Override
    public AccessToken refreshAccessToken() {
      return new AccessToken(token, new Date(System.currentTimeMillis() + 3_600_000));
    }
  }

  @Override
  protected Storage newStorage() {
    return GcsStorage.create(settings(server.endpoint(), TOKEN), THRESHOLD, 256 * 1024);
  }

  @Override
  protected String root() {
    return "gs://contract";
  }

  @Override
  protected int largeObjectSize() {
    return THRESHOLD + 1;
  }

  @Override
  protected Optional<Misconfigured> withWrongCredentials() {
    String wrong = "wrong-token-" + System.nanoTime();
    return Optional.of(new Misconfigured(GcsStorage.create(settings(server.endpoint(), wrong)), wrong));
  }

  @Override
  protected Optional<Storage> withEndpoint(String endpoint) {
    return Optional.of(GcsStorage.create(settings(endpoint, TOKEN).withRetries(2, Duration.ofSeconds(2))));
  }
}
