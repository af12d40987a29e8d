package dev.preflyte.runtime.storage.gcs;

import com.google.auth.Credentials;
import dev.preflyte.runtime.storage.StorageEnvironment;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.storage.StorageTimeouts;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach Google Cloud Storage, read from the task's environment.
 *
 * <ul>
 *   <li>Credentials: Application Default Credentials (workload identity on GKE, a key file named by
 *       {@code GOOGLE_APPLICATION_CREDENTIALS}, the metadata server).
 *   <li>{@code STORAGE_EMULATOR_HOST}: an emulator, {@code host:port} or {@code http://host:port},
 *       as Google's own clients read it; then, as they do, no credentials are sent.
 *   <li>{@code GOOGLE_CLOUD_PROJECT}: the project, only reported to the client library; object
 *       reads and writes do not need it.
 *   <li>Timeouts, tries and the deadline of every call: {@link StorageTimeouts}.
 * </ul>
 *
 * <p>{@link #toString()} shows no credential.
 */
public final class GcsSettings {

  static final String EMULATOR_HOST = "STORAGE_EMULATOR_HOST";
  static final String PROJECT = "GOOGLE_CLOUD_PROJECT";

  private final URI emulatorHost;
  private final String project;
  private final Credentials credentials;
  private final StorageTimeouts timeouts;

  private GcsSettings(URI emulatorHost, String project, Credentials credentials, StorageTimeouts timeouts) {
    this.emulatorHost = emulatorHost;
    this.project = project;
    this.credentials = credentials;
    this.timeouts = timeouts;
  }

  /** Reads the settings from {@code environment}. */
  public static GcsSettings fromEnvironment(Map<String, String> environment) {
    String project = StorageEnvironment.nonBlank(environment, PROJECT);
    return new GcsSettings(emulatorFrom(StorageEnvironment.nonBlank(environment, EMULATOR_HOST)),
        project == null ? null : project.strip(), null, StorageTimeouts.fromEnvironment(environment));
  }

  /** A copy that gives up after {@code attempts} tries, each allowed {@code timeout} to connect and to read. */
  public GcsSettings withRetries(int attempts, Duration timeout) {
    return withTimeouts(timeouts.withRetries(attempts, timeout, timeout));
  }

  /** A copy with other timeouts. */
  public GcsSettings withTimeouts(StorageTimeouts newTimeouts) {
    return new GcsSettings(emulatorHost, project, credentials, newTimeouts);
  }

  public StorageTimeouts timeouts() {
    return timeouts;
  }

  /** A copy that sends {@code explicit} credentials instead of the default ones (tests). */
  GcsSettings withCredentials(Credentials explicit) {
    return new GcsSettings(emulatorHost, project, explicit, timeouts);
  }

  public Optional<URI> emulatorHost() {
    return Optional.ofNullable(emulatorHost);
  }

  Optional<String> project() {
    return Optional.ofNullable(project);
  }

  Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }


  String describeEndpoint() {
    return emulatorHost != null ? "the emulator at " + emulatorHost : "Google Cloud Storage";
  }

  String credentialHint() {
    return emulatorHost != null && credentials == null
        ? "the emulator's access rules (" + EMULATOR_HOST + " is set, so no credentials are sent)"
        : "the task's Google credentials (workload identity, GOOGLE_APPLICATION_CREDENTIALS) and their"
            + " roles on the bucket";
  }

  @Override
  public String toString() {
    return "GcsSettings{" + describeEndpoint() + ", " + timeouts + "}";
  }

  private static URI emulatorFrom(String raw) {
    if (raw == null) {
      return null;
    }
    String value = raw.strip();
    if (!value.contains("://")) {
      value = "http://" + value;
    }
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new StorageException(EMULATOR_HOST + " is not host:port or an http(s) URL: use e.g. localhost:4443");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null
        || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
      throw new StorageException(EMULATOR_HOST + " is not host:port or an http(s) URL with a host and no"
          + " credentials: use e.g. localhost:4443");
    }
    return uri;
  }
}
