package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.storage.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One private folder of a run under java.io.tmpdir, created when first asked for: most tasks never
 * use their working directory, and creating and removing it cost every run about a millisecond.
 * Removed with the run; asked for after that, it is a StorageException rather than a folder nobody
 * removes.
 */
final class ScratchDirectory implements Supplier<Path> {

  private final String prefix;
  private Path path;
  private boolean removed;

  ScratchDirectory(String prefix) {
    this.prefix = prefix;
  }

  /**
   * The folder, created on the first call; where none can be created (a read-only root file system
   * without a writable work dir), a SYSTEM:Storage failure that says which folder and how to give
   * the run one.
   */
  @Override
  public synchronized Path get() {
    if (removed) {
      throw new StorageException("the run's scratch folder " + prefix + "* is already removed: the run has ended");
    }
    if (path == null) {
      try {
        path = ScratchDirectories.create(prefix);
      } catch (IOException | RuntimeException e) {
        throw new StorageException("cannot create the run's scratch folder in " + System.getProperty("java.io.tmpdir")
            + " (java.io.tmpdir): " + e.getClass().getSimpleName() + ": " + e.getMessage() + ": run preflyte-execute"
            + " in a writable working directory (with readOnlyRootFilesystem, mount an emptyDir volume there) or set"
            + " TMPDIR to a writable folder", e);
      }
    }
    return path;
  }

  /** Removes the folder and everything in it, if it was created; what cannot be deleted stays. */
  synchronized void remove() {
    removed = true;
    ScratchDirectories.deleteQuietly(path);
  }

  /** Removes the folder if it was created and is still empty: a default output folder nothing used. */
  synchronized void removeIfEmpty() {
    removed = true;
    ScratchDirectories.deleteIfEmpty(path);
  }
}
