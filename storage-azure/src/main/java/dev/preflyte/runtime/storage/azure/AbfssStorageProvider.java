package dev.preflyte.runtime.storage.azure;

import dev.preflyte.runtime.storage.DeadlineStorage;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageProvider;
import java.util.Map;

/**
 * Serves {@code abfss://} to {@link dev.preflyte.runtime.storage.Storages#standard()}. Loading this
 * class loads nothing of the Azure SDK; {@link #create} does.
 */
public final class AbfssStorageProvider implements StorageProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public AbfssStorageProvider() {}

  @Override
  public String scheme() {
    return "abfss";
  }

  @Override
  public Storage create(Map<String, String> environment) {
    AzureSettings settings = AzureSettings.fromEnvironment(environment);
    return DeadlineStorage.bound(AzureStorage.create(settings), settings.timeouts());
  }
}
