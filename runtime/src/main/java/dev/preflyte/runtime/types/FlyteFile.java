package dev.preflyte.runtime.types;

import java.nio.file.Path;

/**
 * A single file passed to or from a task (a Flyte single-part Blob).
 *
 * <p>As an input it refers to a remote object and is downloaded on the first {@link #localPath()};
 * as an output, a local file is uploaded under the raw output prefix when encoded.
 */
public final class FlyteFile {
  // Skeleton: the literal-conversion work fills this in.
  private FlyteFile() {}

  /** A local file to be uploaded when this value is an output. */
  public static FlyteFile of(Path localFile) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** A file already in storage (any supported URI). */
  public static FlyteFile ofUri(String uri) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** The remote URI, or the local path as a URI before upload. */
  public String uri() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** A local copy, downloaded on first call for a remote file. */
  public Path localPath() {
    throw new UnsupportedOperationException("skeleton");
  }
}
