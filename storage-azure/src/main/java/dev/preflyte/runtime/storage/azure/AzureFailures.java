package dev.preflyte.runtime.storage.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.storage.blob.models.BlobStorageException;
import dev.preflyte.runtime.storage.StorageException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Turns SDK failures into {@link StorageException}s that name the operation, the URI, what went
 * wrong and what to check. A message never holds a credential: secrets the settings hold are
 * replaced by {@code ****}, and a cause that mentions one is dropped rather than passed on.
 */
final class AzureFailures {

  private final AzureSettings settings;

  AzureFailures(AzureSettings settings) {
    this.settings = settings;
  }

  /** {@code operation} is a verb phrase such as "read" or "upload /tmp/a to". */
  StorageException translate(String operation, String uri, AzureLocation location, RuntimeException e) {
    return failure(operation, uri, reason(location, e), e);
  }

  /** A failure with the given reason. */
  StorageException failure(String operation, String uri, String reason, Throwable cause) {
    String message = "cannot " + operation + " " + uri + ": " + reason;
    boolean causeMentionsSecret = false;
    for (String secret : settings.secrets()) {
      message = message.replace(secret, "****");
      causeMentionsSecret |= mentions(cause, secret);
    }
    return new StorageException(message, causeMentionsSecret ? null : cause);
  }

  private String reason(AzureLocation location, RuntimeException e) {
    if (e instanceof BlobStorageException blob) {
      String code = blob.getErrorCode() == null ? null : blob.getErrorCode().toString();
      int status = blob.getStatusCode();
      if ("BlobNotFound".equals(code) || (status == 404 && code == null)) {
        return "no such blob";
      }
      if ("ContainerNotFound".equals(code)) {
        return "no such container '" + location.container() + "' in account " + location.account()
            + ": check the URI" + (settings.endpoint().isPresent() ? " and " + AzureSettings.ENDPOINT : "");
      }
      if (status == 403 || status == 401) {
        // Azure's message for a bad signature quotes the signature: leave it out.
        return "access denied (HTTP " + status + (code == null ? "" : " " + code) + "): check "
            + settings.credentialHint();
      }
      return "Azure answered HTTP " + status + (code == null ? "" : " " + code);
    }
    Throwable network = networkCause(e);
    if (network != null) {
      boolean timeout = network instanceof SocketTimeoutException || network instanceof HttpTimeoutException
          || network instanceof TimeoutException;
      return (timeout ? "timed out talking to " : "cannot connect to ") + settings.describeEndpoint(location)
          + " after " + settings.timeouts().maxAttempts() + " attempt(s): check the network"
          + (settings.endpoint().isPresent() ? " and " + AzureSettings.ENDPOINT : "")
          + " (" + network.getClass().getSimpleName() + ": " + network.getMessage() + ")";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClientAuthenticationException) {
        return "no Azure credential could be obtained: set " + AzureSettings.CONNECTION_STRING + " or "
            + AzureSettings.ACCOUNT_KEY + ", or give the task a workload or managed identity ("
            + firstLine(t.getMessage()) + ")";
      }
    }
    return String.valueOf(e.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static Throwable networkCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
          || t instanceof HttpTimeoutException || t instanceof TimeoutException) {
        return t;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        Throwable inner = networkCause(suppressed);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private static boolean mentions(Throwable cause, String secret) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (String.valueOf(t).contains(secret)) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (mentions(suppressed, secret)) {
          return true;
        }
      }
    }
    return false;
  }
}
