package dev.preflyte.runtime.storage.azure;

import dev.preflyte.runtime.storage.DeadlineStorage;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageProvider;
import java.util.Map;

/**
 * Serves {@code abfs://} to {@link dev.preflyte.runtime.storage.Storages#standard()}. Loading this
 * class loads nothing of the Azure SDK; {@link #create} does.
 */
public final class AbfsStorageProvider implements StorageProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public AbfsStorageProvider() {}

  @Override
  public String scheme() {
    return "abfs";
  }

  @Override
  public Storage create(Map<String, String> environment) {
    AzureSettings settings = AzureSettings.fromEnvironment(environment);
    return DeadlineStorage.bound(AzureStorage.create(settings), settings.timeouts());
  }
}
