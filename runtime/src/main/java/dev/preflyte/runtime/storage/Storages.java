package dev.preflyte.runtime.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The storage a task uses: dispatches each URI to the backend for its scheme. Backends are created
 * on first use, so a run on local files never loads a cloud SDK.
 */
public final class Storages implements Storage {

  private final Map<String, Supplier<Storage>> factories;
  private final Map<String, Storage> backends = new ConcurrentHashMap<>();

  /**
   * @param factories backend factories by URI scheme (lower case); {@code "file"} also serves plain
   *     paths
   */
  public Storages(Map<String, Supplier<Storage>> factories) {
    this.factories = Map.copyOf(factories);
  }

  /** Local paths and {@code file://} only. */
  public static Storages localOnly() {
    return new Storages(Map.of("file", LocalStorage::new));
  }

  /** The backend that serves {@code uri}. */
  public Storage backendFor(String uri) {
    String scheme = schemeOf(uri);
    Supplier<Storage> factory = factories.get(scheme);
    if (factory == null) {
      throw new StorageException(
          "no storage for '" + scheme + "://' URIs (in " + uri + "): supported are "
              + factories.keySet().stream().sorted().map(s -> s + "://").toList()
              + " and local paths");
    }
    return backends.computeIfAbsent(scheme, s -> factory.get());
  }

  /** The URI scheme in lower case; {@code "file"} for a plain path. */
  static String schemeOf(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new StorageException("storage location is blank: give a path or a URI");
    }
    int colon = uri.indexOf("://");
    if (colon <= 0) {
      return "file"; // a plain path, or file:/path
    }
    return uri.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  @Override
  public InputStream open(String uri) {
    return backendFor(uri).open(uri);
  }

  @Override
  public byte[] read(String uri) {
    return backendFor(uri).read(uri);
  }

  @Override
  public void writeAtomically(String uri, byte[] bytes) {
    backendFor(uri).writeAtomically(uri, bytes);
  }

  @Override
  public boolean exists(String uri) {
    return backendFor(uri).exists(uri);
  }

  @Override
  public void download(String uri, Path target) {
    backendFor(uri).download(uri, target);
  }

  @Override
  public void upload(Path source, String uri) {
    backendFor(uri).upload(source, uri);
  }

  @Override
  public void downloadDirectory(String uri, Path target) {
    backendFor(uri).downloadDirectory(uri, target);
  }

  @Override
  public void uploadDirectory(Path source, String uri) {
    backendFor(uri).uploadDirectory(source, uri);
  }

  @Override
  public List<String> list(String uri) {
    return backendFor(uri).list(uri);
  }
}
