package dev.preflyte.runtime.types;

import dev.preflyte.runtime.storage.Storage;
import java.nio.file.Path;

/**
 * A directory passed to or from a task (a Flyte multipart Blob).
 *
 * <p>As an input it refers to a remote prefix and is downloaded on the first {@link #localPath()};
 * as an output, a local directory is uploaded under the raw output prefix when encoded, while a
 * directory that already has a URI is passed by reference, without copying.
 */
public final class FlyteDirectory {

  private final BlobLocation location;

  private FlyteDirectory(BlobLocation location) {
    this.location = location;
  }

  /** A local directory to be uploaded, with everything under it, when this value is an output. */
  public static FlyteDirectory of(Path localDirectory) {
    return new FlyteDirectory(BlobLocation.local("directory", localDirectory));
  }

  /**
   * A directory (a prefix) already in storage (any supported URI), passed by reference when encoded.
   * Its {@link #localPath()} is the directory itself for a {@code file:} URI or plain path; other URIs
   * need storage, see {@link #remote}.
   */
  public static FlyteDirectory ofUri(String uri) {
    return new FlyteDirectory(BlobLocation.reference("directory", uri));
  }

  /**
   * A directory in storage that {@link #localPath()} downloads, once, through {@code storage} to {@code
   * localTarget}. Decoded task inputs are of this kind.
   */
  public static FlyteDirectory remote(String uri, Storage storage, Path localTarget) {
    return new FlyteDirectory(BlobLocation.remote("directory", uri, storage, localTarget, Storage::downloadDirectory));
  }

  /** The remote URI, or the local path as a {@code file:} URI before upload. */
  public String uri() {
    return location.uri();
  }

  /** Whether this is a local directory that encoding uploads, rather than a reference to a URI. */
  public boolean isLocal() {
    return location.isLocal();
  }

  /** Whether a remote directory has been downloaded already; false for other directories. */
  public boolean isDownloaded() {
    return location.isDownloaded();
  }

  /**
   * A local copy, downloaded with everything under it on first call for a remote directory.
   *
   * @throws IllegalStateException for a remote URI given without storage to download it
   */
  public Path localPath() {
    return location.localPath("FlyteDirectory");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlyteDirectory other && location.sameAs(other.location);
  }

  @Override
  public int hashCode() {
    return location.uri().hashCode();
  }

  @Override
  public String toString() {
    return "FlyteDirectory[" + location.uri() + "]";
  }
}
