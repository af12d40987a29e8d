package dev.preflyte.runtime.types;

import dev.preflyte.runtime.storage.Storage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory passed to or from a task (a Flyte multipart Blob).
 *
 * <p>As an input it refers to a remote prefix and is downloaded on the first {@link #localPath()};
 * as an output, a local directory is uploaded under the raw output prefix when encoded, while a
 * directory that already has a URI is passed by reference, without copying.
 */
public final class FlyteDirectory {

  private final String uri;
  private final Path local;
  private final RemoteCopy remote;

  private FlyteDirectory(String uri, Path local, RemoteCopy remote) {
    this.uri = uri;
    this.local = local;
    this.remote = remote;
  }

  /** A local directory to be uploaded, with everything under it, when this value is an output. */
  public static FlyteDirectory of(Path localDirectory) {
    Objects.requireNonNull(localDirectory, "localDirectory");
    Path absolute = localDirectory.toAbsolutePath().normalize();
    return new FlyteDirectory(absolute.toUri().toString(), absolute, null);
  }

  /**
   * A directory (a prefix) already in storage (any supported URI), passed by reference when encoded.
   * Its {@link #localPath()} is the directory itself for a {@code file:} URI or plain path; other URIs
   * need storage, see {@link #remote}.
   */
  public static FlyteDirectory ofUri(String uri) {
    Locations.requireText(uri, "directory URI");
    return new FlyteDirectory(uri, null, null);
  }

  /**
   * A directory in storage that {@link #localPath()} downloads, once, through {@code storage} to {@code
   * localTarget}. Decoded task inputs are of this kind.
   */
  public static FlyteDirectory remote(String uri, Storage storage, Path localTarget) {
    Locations.requireText(uri, "directory URI");
    return new FlyteDirectory(uri, null, new RemoteCopy(uri, storage, localTarget, Storage::downloadDirectory));
  }

  /** The remote URI, or the local path as a {@code file:} URI before upload. */
  public String uri() {
    return uri;
  }

  /** Whether this is a local directory that encoding uploads, rather than a reference to a URI. */
  public boolean isLocal() {
    return local != null;
  }

  /** Whether a remote directory has been downloaded already; false for other directories. */
  public boolean isDownloaded() {
    return remote != null && remote.fetched();
  }

  /**
   * A local copy, downloaded with everything under it on first call for a remote directory.
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
      throw new IllegalStateException("directory " + uri + " is remote and has no storage to download it from:"
          + " decode it from a task input, or create it with FlyteDirectory.remote(uri, storage, target)");
    }
    return path;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlyteDirectory other && uri.equals(other.uri) && isLocal() == other.isLocal();
  }

  @Override
  public int hashCode() {
    return uri.hashCode();
  }

  @Override
  public String toString() {
    return "FlyteDirectory[" + uri + "]";
  }
}
