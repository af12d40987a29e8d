package dev.preflyte.runtime.storage.s3;

import dev.preflyte.runtime.storage.DeadlineStorage;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageProvider;
import java.util.Map;

/**
 * Serves {@code s3://} to {@link dev.preflyte.runtime.storage.Storages#standard()}. Loading this
 * class loads nothing of the AWS SDK; {@link #create} does.
 */
public final class S3StorageProvider implements StorageProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public S3StorageProvider() {}

  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public Storage create(Map<String, String> environment) {
    S3Settings settings = S3Settings.fromEnvironment(environment);
    return DeadlineStorage.bound(S3Storage.create(settings), settings.timeouts());
  }
}
