package dev.preflyte.runtime.types;

import java.nio.file.Path;

/** A directory passed to or from a task (a Flyte multipart Blob). */
public final class FlyteDirectory {
  // Skeleton: the literal-conversion work fills this in.
  private FlyteDirectory() {}

  public static FlyteDirectory of(Path localDirectory) {
    throw new UnsupportedOperationException("skeleton");
  }

  public static FlyteDirectory ofUri(String uri) {
    throw new UnsupportedOperationException("skeleton");
  }

  public String uri() {
    throw new UnsupportedOperationException("skeleton");
  }

  public Path localPath() {
    throw new UnsupportedOperationException("skeleton");
  }
}
