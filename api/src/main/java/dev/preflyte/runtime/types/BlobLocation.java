package dev.preflyte.runtime.types;

import dev.preflyte.runtime.storage.Storage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link FlyteFile} or {@link FlyteDirectory} lives: a local path that encoding uploads, a
 * URI passed by reference, or a remote URI copied to a local target on first use. Both value types
 * delegate here, so the rules for the three cases are written once.
 */
final class BlobLocation {

  private final String kind;
  private final String uri;
  private final Path local;
  private final RemoteCopy remote;

  private BlobLocation(String kind, String uri, Path local, RemoteCopy remote) {
    this.kind = kind;
    this.uri = uri;
    this.local = local;
    this.remote = remote;
  }

  /** A local file or directory, to be uploaded when encoded. */
  static BlobLocation local(String kind, Path path) {
    Objects.requireNonNull(path, "local " + kind);
    Path absolute = path.toAbsolutePath().normalize();
    return new BlobLocation(kind, absolute.toUri().toString(), absolute, null);
  }

  /** A URI passed by reference; only a local one has a local path without storage. */
  static BlobLocation reference(String kind, String uri) {
    Locations.requireText(uri, kind + " URI");
    return new BlobLocation(kind, uri, null, null);
  }

  /** A URI that {@code fetch} copies, once, through {@code storage} to {@code localTarget}. */
  static BlobLocation remote(String kind, String uri, Storage storage, Path localTarget, RemoteCopy.Fetch fetch) {
    Locations.requireText(uri, kind + " URI");
    return new BlobLocation(kind, uri, null, new RemoteCopy(uri, storage, localTarget, fetch));
  }

  String uri() {
    return uri;
  }

  boolean isLocal() {
    return local != null;
  }

  boolean isDownloaded() {
    return remote != null && remote.fetched();
  }

  /**
   * The local path: the path itself, the downloaded copy, or the path a local URI names.
   *
   * @param valueType the public type, named in the error for a remote URI without storage
   */
  Path localPath(String valueType) {
    if (local != null) {
      return local;
    }
    if (remote != null) {
      return remote.localPath();
    }
    Path path = Locations.localPathOf(uri);
    if (path == null) {
      throw new IllegalStateException(kind + " " + uri + " is remote and has no storage to download it from:"
          + " decode it from a task input, or create it with " + valueType + ".remote(uri, storage, target)");
    }
    return path;
  }

  boolean sameAs(BlobLocation other) {
    return uri.equals(other.uri) && isLocal() == other.isLocal();
  }
}
