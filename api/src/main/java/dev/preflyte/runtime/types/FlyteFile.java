package dev.preflyte.runtime.types;

import dev.preflyte.runtime.storage.Storage;
import java.nio.file.Path;

/**
 * A single file passed to or from a task (a Flyte single-part Blob).
 *
 * <p>As an input it refers to a remote object and is downloaded on the first {@link #localPath()};
 * as an output, a local file is uploaded under the raw output prefix when encoded, while a file that
 * already has a URI is passed by reference, without copying.
 */
public final class FlyteFile {

  private final BlobLocation location;

  private FlyteFile(BlobLocation location) {
    this.location = location;
  }

  /** A local file to be uploaded when this value is an output. */
  public static FlyteFile of(Path localFile) {
    return new FlyteFile(BlobLocation.local("file", localFile));
  }

  /**
   * A file already in storage (any supported URI), passed by reference when encoded. Its {@link
   * #localPath()} is the file itself for a {@code file:} URI or plain path; other URIs need storage,
   * see {@link #remote}.
   */
  public static FlyteFile ofUri(String uri) {
    return new FlyteFile(BlobLocation.reference("file", uri));
  }

  /**
   * A file in storage that {@link #localPath()} downloads, once, through {@code storage} to {@code
   * localTarget}. Decoded task inputs are of this kind.
   */
  public static FlyteFile remote(String uri, Storage storage, Path localTarget) {
    return new FlyteFile(BlobLocation.remote("file", uri, storage, localTarget, Storage::download));
  }

  /** The remote URI, or the local path as a {@code file:} URI before upload. */
  public String uri() {
    return location.uri();
  }

  /** Whether this is a local file that encoding uploads, rather than a reference to a URI. */
  public boolean isLocal() {
    return location.isLocal();
  }

  /** Whether a remote file has been downloaded already; false for other files. */
  public boolean isDownloaded() {
    return location.isDownloaded();
  }

  /**
   * A local copy, downloaded on first call for a remote file.
   *
   * @throws IllegalStateException for a remote URI given without storage to download it
   */
  public Path localPath() {
    return location.localPath("FlyteFile");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlyteFile other && location.sameAs(other.location);
  }

  @Override
  public int hashCode() {
    return location.uri().hashCode();
  }

  @Override
  public String toString() {
    return "FlyteFile[" + location.uri() + "]";
  }
}
