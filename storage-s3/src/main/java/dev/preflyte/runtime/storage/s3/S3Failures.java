package dev.preflyte.runtime.storage.s3;

import dev.preflyte.runtime.storage.StorageException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Turns SDK failures into {@link StorageException}s whose first line names the operation, the URI,
 * what went wrong and what to check. A message never holds a credential: the SDK's messages do not
 * carry them, and a cause that would mention the secret key is dropped rather than passed on.
 */
final class S3Failures {

  private static final Set<String> ACCESS_DENIED_CODES = Set.of(
      "AccessDenied", "SignatureDoesNotMatch", "InvalidAccessKeyId", "InvalidToken",
      "ExpiredToken", "TokenRefreshRequired", "AllAccessDisabled", "AuthorizationHeaderMalformed");

  private final S3Settings settings;

  S3Failures(S3Settings settings) {
    this.settings = settings;
  }

  /** {@code operation} is a verb phrase such as "read" or "upload /tmp/a to". */
  StorageException translate(String operation, String uri, SdkException e) {
    return withCause("cannot " + operation + " " + uri + ": " + reason(e), e);
  }

  /**
   * Like {@link #translate(String, String, SdkException)} for {@code reason}, found while looking
   * into {@code original}, which stays attached as a suppressed exception.
   */
  StorageException translate(String operation, String uri, SdkException reason, SdkException original) {
    StorageException e = translate(operation, uri, reason);
    if (!mentions(original, settings.secretAccessKey())) {
      e.addSuppressed(original);
    }
    return e;
  }

  /** A failure with no SDK exception behind it. */
  StorageException failure(String operation, String uri, String reason, Throwable cause) {
    return withCause("cannot " + operation + " " + uri + ": " + reason, cause);
  }

  private String reason(SdkException e) {
    if (e instanceof ApiCallTimeoutException) {
      return settings.timeouts().deadlineReason();
    }
    if (e instanceof NoSuchKeyException) {
      return "no such key";
    }
    if (e instanceof NoSuchBucketException) {
      return noSuchBucket();
    }
    if (e instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      int status = service.statusCode();
      if ("NoSuchBucket".equals(code)) {
        return noSuchBucket();
      }
      if ("NoSuchKey".equals(code) || (status == 404 && code == null)) {
        return "no such key";
      }
      if (status == 403 || (code != null && ACCESS_DENIED_CODES.contains(code))) {
        return "access denied" + (code == null ? "" : " (" + code + ")") + ": check "
            + (settings.hasStaticCredentials()
                ? S3Settings.ACCESS_KEY_ID + " / " + S3Settings.SECRET_ACCESS_KEY
                : "the AWS credentials")
            + " / the task's IAM role";
      }
      String detail = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
      return "S3 answered HTTP " + status + (code == null ? "" : " " + code)
          + (detail == null ? "" : ": " + detail);
    }
    Throwable network = networkCause(e);
    if (network != null) {
      String what = network instanceof SocketTimeoutException ? "timed out talking to " : "cannot connect to ";
      return what + settings.describeEndpoint() + ": check "
          + (settings.endpoint().isPresent() ? S3Settings.ENDPOINT : "the network and AWS_REGION")
          + " (" + network.getClass().getSimpleName() + ": " + network.getMessage() + ")";
    }
    String message = String.valueOf(e.getMessage());
    if (message.toLowerCase(Locale.ROOT).contains("unable to load credentials")) {
      return "no AWS credentials found: set " + S3Settings.ACCESS_KEY_ID + " and "
          + S3Settings.SECRET_ACCESS_KEY + ", or give the task an IAM role";
    }
    return message;
  }

  private String noSuchBucket() {
    return "no such bucket: check the bucket name"
        + (settings.endpoint().isPresent() ? " and " + S3Settings.ENDPOINT : "");
  }

  /** Whether {@code e} comes from not reaching the server at all. */
  static boolean isNetworkFailure(Throwable e) {
    return networkCause(e) != null;
  }

  private static Throwable networkCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
        return t;
      }
    }
    return null;
  }

  private StorageException withCause(String message, Throwable cause) {
    String secret = settings.secretAccessKey();
    if (secret != null && message.contains(secret)) {
      message = message.replace(secret, "****");
    }
    return new StorageException(message, mentions(cause, secret) ? null : cause);
  }

  private static boolean mentions(Throwable cause, String secret) {
    if (secret == null) {
      return false;
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (String.valueOf(t).contains(secret)) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (String.valueOf(suppressed).contains(secret)) {
          return true;
        }
      }
    }
    return false;
  }
}
