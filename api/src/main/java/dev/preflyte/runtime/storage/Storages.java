package dev.preflyte.runtime.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The storage a task uses: dispatches each URI to the backend for its scheme. Backends are created
 * on first use, so a run on local files never loads a cloud SDK. A backend comes from the class path
 * ({@link StorageProvider} through {@link ServiceLoader}) or, under the distribution, from its folder
 * in {@code $PREFLYTE_HOME/backends} (see {@link BackendFolders}). Closing it closes the backends it
 * created.
 */
public final class Storages implements Storage, AutoCloseable {

  private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]+):");
  /** The distribution's home, which its launchers export: backend folders are in its backends/. */
  static final String HOME_VARIABLE = "PREFLYTE_HOME";

  private final Map<String, Supplier<Storage>> factories;
  /** The environment {@link StorageProvider}s configure their backends from; null: look none up. */
  private final Map<String, String> providerEnvironment;
  /** The distribution's backends/ folder; null outside the distribution (no PREFLYTE_HOME). */
  private final Path backendsDirectory;
  /** Made on the first URI no factory or class-path provider serves: a local run never loads it. */
  private BackendFolders folders;
  private final Map<String, Storage> backends = new ConcurrentHashMap<>();
  private volatile Map<String, StorageProvider> providers;

  /**
   * @param factories backend factories by URI scheme (lower case); {@code "file"} also serves plain
   *     paths
   */
  public Storages(Map<String, Supplier<Storage>> factories) {
    this(factories, null, null);
  }

  private Storages(
      Map<String, Supplier<Storage>> factories, Map<String, String> providerEnvironment, Path backendsDirectory) {
    this.factories = Map.copyOf(factories);
    this.providerEnvironment = providerEnvironment;
    this.backendsDirectory = backendsDirectory;
  }

  /**
   * What a task container uses: local paths, {@code file://}, and every scheme a {@link
   * StorageProvider} on the class path serves ({@code s3://} with {@code preflyte-storage-s3}),
   * then every scheme of a backend folder under {@code $PREFLYTE_HOME/backends}, configured from
   * the process environment. Providers are looked up only when the first URI of another scheme than
   * local files is used, and each backend is created on its first use.
   */
  public static Storages standard() {
    return standard(System.getenv());
  }

  /** Like {@link #standard()}, with the backends configured from {@code environment} instead. */
  public static Storages standard(Map<String, String> environment) {
    String home = environment.get(HOME_VARIABLE);
    Path backends = home == null || home.isBlank() ? null : Path.of(home, "backends");
    return new Storages(Map.of("file", LocalStorage::new), Map.copyOf(environment), backends);
  }


  /** Local paths and {@code file://} only. */
  public static Storages localOnly() {
    return new Storages(Map.of("file", LocalStorage::new));
  }

  /** The backend that serves {@code uri}. */
  public Storage backendFor(String uri) {
    String scheme = schemeOf(uri);
    Storage backend = backends.get(scheme);
    return backend != null ? backend : backends.computeIfAbsent(scheme, s -> create(s, uri));
  }

  private Storage create(String scheme, String uri) {
    Supplier<Storage> factory = factories.get(scheme);
    if (factory != null) {
      return factory.get();
    }
    StorageProvider provider = providers().get(scheme);
    if (provider != null) {
      return provider.create(providerEnvironment);
    }
    Optional<StorageBackend> backend = StorageBackend.serving(scheme);
    BackendFolders folders = folders();
    if (folders != null && backend.isPresent() && folders.installed(backend.get())) {
      StorageProvider inFolder = folders.provider(backend.get(), scheme);
      return LoaderBoundStorage.create(() -> inFolder.create(providerEnvironment), folders.loaderFor(backend.get()));
    }
    throw unsupported(scheme, uri, backend);
  }

  private synchronized BackendFolders folders() {
    if (folders == null && backendsDirectory != null) {
      folders = new BackendFolders(backendsDirectory, Storages.class.getClassLoader());
    }
    return folders;
  }

  private StorageException unsupported(String scheme, String uri, Optional<StorageBackend> backend) {
    BackendFolders folders = folders();
    String prefix = "no storage for '" + scheme + "://' URIs (in " + uri + "): ";
    if (backend.isEmpty()) {
      TreeMap<String, Object> supported = new TreeMap<>(factories);
      supported.putAll(providers());
      if (folders != null) {
        folders.installedSchemes().forEach(installed -> supported.put(installed, installed));
      }
      return new UnusableUriException(prefix + "supported are "
          + supported.keySet().stream().map(s -> s + "://").toList() + " and local paths");
    }
    String name = backend.get().folder();
    String artifact = backend.get().artifactId();
    return new UnusableUriException(folders == null
        ? prefix + "the " + name + " backend is not on the class path: add the dependency dev.preflyte:"
            + artifact + " (the distribution carries it in backends/" + name + ")"
        : prefix + "the " + name + " backend is not installed: copy the Preflyte distribution's backends/"
            + name + " folder to " + folders.folderOf(backend.get()) + ", or put " + artifact
            + " and its dependencies on PREFLYTE_CLASSPATH");
  }

  /** The providers on the class path by scheme, looked up once; none for a fixed set of factories. */
  private Map<String, StorageProvider> providers() {
    Map<String, StorageProvider> found = providers;
    if (found == null) {
      found = new TreeMap<>();
      if (providerEnvironment != null) {
        for (StorageProvider provider : ServiceLoader.load(StorageProvider.class, Storages.class.getClassLoader())) {
          found.putIfAbsent(provider.scheme(), provider);
        }
      }
      providers = found;
    }
    return found;
  }

  /** Closes every backend created so far that holds resources (such as an S3 client). */
  @Override
  public void close() {
    for (Storage backend : backends.values()) {
      if (backend instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          Storage named = backend instanceof LoaderBoundStorage bound ? bound.backend() : backend;
          throw new StorageException("cannot close storage " + named.getClass().getSimpleName() + ": " + e, e);
        }
      }
    }
    backends.clear();
    synchronized (this) {
      if (folders != null) {
        folders.close();
      }
    }
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
