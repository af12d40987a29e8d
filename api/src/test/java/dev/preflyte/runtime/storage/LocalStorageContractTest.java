package dev.preflyte.runtime.storage;

import java.util.Optional;

/** The storage contract on local files. */
class LocalStorageContractTest extends StorageContract {

  @Override
  protected Storage newStorage() {
    return new LocalStorage();
  }

  @Override
  protected String root() {
    return temp.resolve("store").toString();
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
