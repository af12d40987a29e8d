package dev.preflyte.runtime.storage.gcs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.storage.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without any Google credential (no key file, no gcloud login, no metadata server off GCP), a gs://
 * call ends within the deadline in a first line naming the URI and what to check.
 */
class GcsMissingCredentialsTest {

  @Test
  void noCredentialsFailFastNamingTheUri() {
    assumeTrue(System.getenv("GOOGLE_APPLICATION_CREDENTIALS") == null
            && !Files.exists(Path.of(System.getProperty("user.home"), ".config", "gcloud")),
        "this machine gives Google credentials of its own");
    String uri = "gs://preflyte-no-credentials/metadata/inputs.pb";
    try (Storages storages = Storages.standard(Map.of("PREFLYTE_STORAGE_DEADLINE", "30s"))) {
      long started = System.nanoTime();
      StorageException e = assertThrows(StorageException.class, () -> storages.read(uri));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      System.out.println("missing Google credentials reported after " + took.toMillis() + " ms: " + first);
      assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);
      assertTrue(first.startsWith("cannot read " + uri + ": "), first);
      // Google's library sends no token when it finds none, so what fails first is the request:
      // denied (HTTP 401) where storage.googleapis.com is reachable, not resolvable in this build.
      assertTrue(first.contains("access denied") || first.contains("cannot connect to Google Cloud Storage"), first);
    }
  }
}
