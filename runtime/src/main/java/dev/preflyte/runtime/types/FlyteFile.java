package dev.preflyte.runtime.types;

import dev.preflyte.runtime.storage.Storage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A single file passed to or from a task (a Flyte single-part Blob).
 *
 * <p>As an input it refers to a remote object and is downloaded on the first {@link #localPath()};
 * as an output, a local file is uploaded under the raw output prefix when encoded, while a file that
 * already has a URI is passed by reference, without copying.
 */
public final class FlyteFile {

  private final String uri;
  private final Path local;
  private final RemoteCopy remote;

  private FlyteFile(String uri, Path local, RemoteCopy remote) {
    this.uri = uri;
    this.local = local;
    this.remote = remote;
  }

  /** A local file to be uploaded when this value is an output. */
  public static FlyteFile of(Path localFile) {
    Objects.requireNonNull(localFile, "localFile");
    Path absolute = localFile.toAbsolutePath().normalize();
    return new FlyteFile(absolute.toUri().toString(), absolute, null);
  }

  /**
   * A file already in storage (any supported URI), passed by reference when encoded. Its {@link
   * #localPath()} is the file itself for a {@code file:} URI or plain path; other URIs need storage,
   * see {@link #remote}.
   */
  public static FlyteFile ofUri(String uri) {
    Locations.requireText(uri, "file URI");
    return new FlyteFile(uri, null, null);
  }

  /**
   * A file in storage that {@link #localPath()} downloads, once, through {@code storage} to {@code
   * localTarget}. Decoded task inputs are of this kind.
   */
  public static FlyteFile remote(String uri, Storage storage, Path localTarget) {
    Locations.requireText(uri, "file URI");
    return new FlyteFile(uri, null, new RemoteCopy(uri, storage, localTarget, Storage::download));
  }

  /** The remote URI, or the local path as a {@code file:} URI before upload. */
  public String uri() {
    return uri;
  }

  /** Whether this is a local file that encoding uploads, rather than a reference to a URI. */
  public boolean isLocal() {
    return local != null;
  }

  /** Whether a remote file has been downloaded already; false for other files. */
  public boolean isDownloaded() {
    return remote != null && remote.fetched();
  }

  /**
   * A local copy, downloaded on first call for a remote file.
   *
   * @throws IllegalStateException for a remote URI given without storage to download it
   */
  public Path localPath() {
    if (local != null) {
      return local;
    }
    if (remote != null) {
      return remote.localPath();
    }
    Path path = Locations.localPathOf(uri);
    if (path == null) {
      throw new IllegalStateException("file " + uri + " is remote and has no storage to download it from:"
          + " decode it from a task input, or create it with FlyteFile.remote(uri, storage, target)");
    }
    return path;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlyteFile other && uri.equals(other.uri) && isLocal() == other.isLocal();
  }

  @Override
  public int hashCode() {
    return uri.hashCode();
  }

  @Override
  public String toString() {
    return "FlyteFile[" + uri + "]";
  }
}
