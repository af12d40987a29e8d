package dev.preflyte.runtime.literal;

import dev.preflyte.runtime.storage.Storage;
import java.nio.file.Path;

/** What literal conversion needs to move files, directories and datasets through storage. */
public interface LiteralContext {

  /** The prefix under which encoded files, directories and datasets are uploaded. */
  String rawOutputPrefix();

  /** A private local directory into which decoded files and directories are downloaded. */
  Path workingDirectory();

  /** Storage for every supported URI scheme. */
  Storage storage();

  /** A context of these three, for code that converts literals outside a task run. */
  static LiteralContext of(String rawOutputPrefix, Path workingDirectory, Storage storage) {
    java.util.Objects.requireNonNull(rawOutputPrefix, "rawOutputPrefix");
    java.util.Objects.requireNonNull(workingDirectory, "workingDirectory");
    java.util.Objects.requireNonNull(storage, "storage");
    return new LiteralContext() {
      @Override
      public String rawOutputPrefix() {
        return rawOutputPrefix;
      }

      @Override
      public Path workingDirectory() {
        return workingDirectory;
      }

      @Override
      public Storage storage() {
        return storage;
      }
    };
  }
}
