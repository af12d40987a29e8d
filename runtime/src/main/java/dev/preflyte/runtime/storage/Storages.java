package dev.preflyte.runtime.storage;

import dev.preflyte.runtime.storage.s3.S3Storage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The storage a task uses: dispatches each URI to the backend for its scheme. Backends are created
 * on first use, so a run on local files never loads a cloud SDK. Closing it closes the backends it
 * created.
 */
public final class Storages implements Storage, AutoCloseable {

  private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]+):");

  private final Map<String, Supplier<Storage>> factories;
  private final Map<String, Storage> backends = new ConcurrentHashMap<>();

  /**
   * @param factories backend factories by URI scheme (lower case); {@code "file"} also serves plain
   *     paths
   */
  public Storages(Map<String, Supplier<Storage>> factories) {
    this.factories = Map.copyOf(factories);
  }

  /**
   * What a task container uses: local paths, {@code file://}, and {@code s3://} configured from
   * the process environment as {@link dev.preflyte.runtime.storage.s3.S3Settings} describes. The
   * S3 client (and the AWS SDK's classes) load only when the first {@code s3://} URI is used.
   */
  public static Storages standard() {
    return standard(System.getenv());
  }

  /** Like {@link #standard()}, with S3 configured from {@code environment} instead. */
  public static Storages standard(Map<String, String> environment) {
    Map<String, String> copy = Map.copyOf(environment);
    // A lambda, not a method reference: nothing in the s3 package resolves until it runs.
    return new Storages(Map.of(
        "file", LocalStorage::new,
        "s3", () -> S3Storage.fromEnvironment(copy)));
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

  /** Closes every backend created so far that holds resources (such as an S3 client). */
  @Override
  public void close() {
    for (Storage backend : backends.values()) {
      if (backend instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new StorageException("cannot close storage " + backend.getClass().getSimpleName() + ": " + e, e);
        }
      }
    }
    backends.clear();
  }

  /**
   * The URI scheme in lower case; {@code "file"} for a plain path. Any {@code scheme:} prefix
   * counts, so that a mistyped {@code s3:/bucket/key} reaches the S3 backend's clear error instead
   * of being read as a relative path. One letter is not a scheme: {@code C:} is a drive.
   */
  static String schemeOf(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new StorageException("storage location is blank: give a path or a URI");
    }
    Matcher scheme = SCHEME.matcher(uri);
    return scheme.lookingAt() ? scheme.group(1).toLowerCase(Locale.ROOT) : "file";
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
