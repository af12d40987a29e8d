package dev.preflyte.runtime.types;

import dev.preflyte.runtime.storage.Storage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a remote file or directory is fetched to, and how: the local target and the storage to copy
 * from. The copy happens at most once, on the first {@link #localPath()}, and is thread-safe.
 */
final class RemoteCopy {

  /** Copies one URI to a local path. */
  @FunctionalInterface
  interface Fetch {
    void fetch(Storage storage, String uri, Path target);
  }

  private final String uri;
  private final Storage storage;
  private final Path target;
  private final Fetch fetch;
  private volatile boolean fetched;

  RemoteCopy(String uri, Storage storage, Path target, Fetch fetch) {
    this.uri = Objects.requireNonNull(uri, "uri");
    this.storage = Objects.requireNonNull(storage, "storage");
    this.target = Objects.requireNonNull(target, "target");
    this.fetch = fetch;
  }

  Path localPath() {
    if (!fetched) {
      synchronized (this) {
        if (!fetched) {
          fetch.fetch(storage, uri, target);
          fetched = true;
        }
      }
    }
    return target;
  }

  boolean fetched() {
    return fetched;
  }
}
