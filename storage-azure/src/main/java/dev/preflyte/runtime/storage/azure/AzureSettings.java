package dev.preflyte.runtime.storage.azure;

import dev.preflyte.runtime.storage.StorageEnvironment;
import dev.preflyte.runtime.storage.StorageTimeouts;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach Azure Blob Storage, read from the task's environment. The credential is the first
 * of these that is set:
 *
 * <ul>
 *   <li>{@code AZURE_STORAGE_CONNECTION_STRING}: a connection string (account key or SAS, and the
 *       endpoint it names).
 *   <li>{@code AZURE_STORAGE_ACCOUNT_KEY}: the shared key of the account each URI names.
 *   <li>otherwise azure-identity's {@code DefaultAzureCredential}: environment ({@code
 *       AZURE_CLIENT_ID}, {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_SECRET}), workload identity
 *       on AKS, managed identity.
 * </ul>
 *
 * <p>{@code FLYTE_AZURE_BLOB_ENDPOINT} overrides where requests go, for emulators such as Azurite:
 * a base URL to which the account is appended as a path ({@code http://127.0.0.1:10000} serves
 * account {@code a} at {@code http://127.0.0.1:10000/a}). Timeouts, tries and the deadline of every
 * call: {@link StorageTimeouts}. {@link #toString()} never shows a secret.
 */
public final class AzureSettings {

  static final String CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";
  static final String ACCOUNT_KEY = "AZURE_STORAGE_ACCOUNT_KEY";
  static final String ENDPOINT = "FLYTE_AZURE_BLOB_ENDPOINT";

  private final String connectionString;
  private final String accountKey;
  private final URI endpoint;
  private final StorageTimeouts timeouts;

  private AzureSettings(String connectionString, String accountKey, URI endpoint, StorageTimeouts timeouts) {
    this.connectionString = connectionString;
    this.accountKey = accountKey;
    this.endpoint = endpoint;
    this.timeouts = timeouts;
  }

  /** Reads the settings from {@code environment} (the process environment, or a test's own map). */
  public static AzureSettings fromEnvironment(Map<String, String> environment) {
    URI endpoint = StorageEnvironment.httpEndpoint(environment, ENDPOINT, "http://127.0.0.1:10000",
        uri -> uri.getRawUserInfo() != null || uri.getRawQuery() != null, "must not hold credentials or a"
            + " query: give the host only, e.g. http://azurite:10000, and the key in " + ACCOUNT_KEY);
    return new AzureSettings(StorageEnvironment.nonBlank(environment, CONNECTION_STRING),
        StorageEnvironment.nonBlank(environment, ACCOUNT_KEY), endpoint, StorageTimeouts.fromEnvironment(environment));
  }

  /**
   * A copy that gives up after {@code attempts} tries of a request, each waiting at most {@code
   * readTimeout} for an answer and {@code connectTimeout} to connect.
   */
  public AzureSettings withRetries(int attempts, Duration readTimeout, Duration connectTimeout) {
    return withTimeouts(timeouts.withRetries(attempts, connectTimeout, readTimeout));
  }

  /** A copy with other timeouts. */
  public AzureSettings withTimeouts(StorageTimeouts newTimeouts) {
    return new AzureSettings(connectionString, accountKey, endpoint, newTimeouts);
  }

  public StorageTimeouts timeouts() {
    return timeouts;
  }

  /** The kind of credential in use, for messages. */
  public String credentialSource() {
    if (connectionString != null) {
      return CONNECTION_STRING;
    }
    if (accountKey != null) {
      return ACCOUNT_KEY;
    }
    return "DefaultAzureCredential (workload identity, managed identity, AZURE_CLIENT_* environment)";
  }

  /** What to check when access is denied. */
  String credentialHint() {
    if (connectionString != null || accountKey != null) {
      return credentialSource();
    }
    return "the task's Azure identity (workload or managed identity, AZURE_CLIENT_*) and its role on the"
        + " account, or set " + CONNECTION_STRING + " / " + ACCOUNT_KEY;
  }

  Optional<String> connectionString() {
    return Optional.ofNullable(connectionString);
  }

  Optional<String> accountKey() {
    return Optional.ofNullable(accountKey);
  }

  /** The endpoint override ({@code FLYTE_AZURE_BLOB_ENDPOINT}), if any. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }




  /** The account named in the connection string, if it names one. */
  Optional<String> connectionStringAccount() {
    if (connectionString == null) {
      return Optional.empty();
    }
    for (String part : connectionString.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase("AccountName")) {
        return Optional.of(part.substring(eq + 1).strip());
      }
    }
    return Optional.empty();
  }

  /** Every secret the settings hold, to keep out of messages: the key, and the connection string's. */
  List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    if (accountKey != null) {
      secrets.add(accountKey);
    }
    if (connectionString != null) {
      secrets.add(connectionString);
      for (String part : connectionString.split(";")) {
        int eq = part.indexOf('=');
        String name = eq > 0 ? part.substring(0, eq).strip().toLowerCase(Locale.ROOT) : "";
        if ((name.equals("accountkey") || name.equals("sharedaccesssignature")) && eq + 1 < part.length()) {
          secrets.add(part.substring(eq + 1).strip());
        }
      }
    }
    return secrets;
  }

  /** Where requests for {@code location} go, for messages. */
  String describeEndpoint(AzureLocation location) {
    if (endpoint != null) {
      return "endpoint " + endpoint;
    }
    if (connectionString != null) {
      return "the endpoint in " + CONNECTION_STRING;
    }
    return location.blobEndpoint();
  }

  @Override
  public String toString() {
    return "AzureSettings{credentials=" + credentialSource()
        + (endpoint == null ? "" : ", endpoint=" + endpoint) + ", " + timeouts + "}";
  }
}
