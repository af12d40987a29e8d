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
}
