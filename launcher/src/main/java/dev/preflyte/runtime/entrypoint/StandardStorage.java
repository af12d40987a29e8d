package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.storage.Storages;

/** The storage {@code preflyte-execute} uses: every scheme the runtime supports, loaded on first use. */
final class StandardStorage {

  private StandardStorage() {}

  static Storages create() {
    return Storages.standard();
  }
}
