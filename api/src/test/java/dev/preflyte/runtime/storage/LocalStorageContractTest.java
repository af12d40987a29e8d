package dev.preflyte.runtime.storage;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The storage contract on local files. */
class LocalStorageContractTest extends StorageContract {

  private static final AtomicInteger RUNS = new AtomicInteger();
  private final LocalStorage storage = new LocalStorage();

  @Override
  protected Storage storage() {
    return storage;
  }

  @Override
  protected String freshPrefix() {
    return temp.resolve("store").resolve("run-" + RUNS.incrementAndGet()).toString();
  }

  @Override
  protected int largeObjectSize() {
    return 3 * 1024 * 1024;
  }

  @Override
  protected Optional<Misconfigured> withWrongCredentials() {
    return Optional.empty();
  }

  @Override
  protected Optional<Storage> withEndpoint(String endpoint) {
    return Optional.empty();
  }
}
