package dev.preflyte.runtime.storage.gcs;

import dev.preflyte.runtime.storage.DeadlineStorage;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageProvider;
import java.util.Map;

/**
 * Serves {@code gs://} to {@link dev.preflyte.runtime.storage.Storages#standard()}. Loading this
 * class loads nothing of Google's client library; {@link #create} does.
 */
public final class GcsStorageProvider implements StorageProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public GcsStorageProvider() {}

  @Override
  public String scheme() {
    return "gs";
  }

  @Override
  public Storage create(Map<String, String> environment) {
    GcsSettings settings = GcsSettings.fromEnvironment(environment);
    return DeadlineStorage.bound(GcsStorage.create(settings), settings.timeouts());
  }
}
