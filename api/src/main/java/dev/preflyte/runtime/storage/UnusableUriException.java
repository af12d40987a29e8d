package dev.preflyte.runtime.storage;

/**
 * A storage URI that no attempt can ever serve: malformed (no bucket, a bucket or container name the
 * service refuses), of a scheme nothing serves, or of a backend the image lacks. Unlike the other
 * storage failures it is deterministic, so the entrypoint classifies it as not worth a retry.
 */
public class UnusableUriException extends StorageException {

  public UnusableUriException(String message) {
    super(message);
  }

  public UnusableUriException(String message, Throwable cause) {
    super(message, cause);
  }
}
