package dev.preflyte.runtime.storage;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The distribution's {@code backends/} folder: one folder of jars per {@link StorageBackend}, each
 * loaded through a class loader of its own, whose parent is the runtime's, the first time a URI of
 * one of its schemes is used. Until then no jar in it is opened, so a run on local files pays
 * nothing for the backends an image carries.
 */
final class BackendFolders implements AutoCloseable {

  private final Path directory;
  private final ClassLoader parent;
  private final Map<StorageBackend, URLClassLoader> loaders = new EnumMap<>(StorageBackend.class);

  /**
   * @param directory the {@code backends/} folder, which need not exist
   * @param parent the class loader holding the storage SPI, to which each backend's loader
   *     delegates first
   */
  BackendFolders(Path directory, ClassLoader parent) {
    this.directory = directory;
    this.parent = parent;
  }

  Path directory() {
    return directory;
  }

  /** The folder where {@code backend}'s jars belong. */
  Path folderOf(StorageBackend backend) {
    return directory.resolve(backend.folder());
  }

  boolean installed(StorageBackend backend) {
    return Files.isDirectory(folderOf(backend));
  }

  /** The schemes of the backends whose folder is present. */
  List<String> installedSchemes() {
    List<String> schemes = new ArrayList<>();
    for (StorageBackend backend : StorageBackend.values()) {
      if (installed(backend)) {
        schemes.addAll(backend.schemes());
      }
    }
    return schemes;
  }

  /** The provider in {@code backend}'s folder for {@code scheme}; the folder must be installed. */
  StorageProvider provider(StorageBackend backend, String scheme) {
    ClassLoader loader = loaderFor(backend);
    // The parent's providers (the class path's) are seen through this loader too: only its own count.
    return ServiceLoader.load(StorageProvider.class, loader).stream()
        .filter(candidate -> candidate.type().getClassLoader() == loader)
        .map(ServiceLoader.Provider::get)
        .filter(candidate -> candidate.scheme().equals(scheme))
        .findFirst()
        .orElseThrow(() -> new StorageException(
            folderOf(backend) + " holds no storage provider for " + scheme + "://: replace it with the "
                + "backends/" + backend.folder() + " folder of the Preflyte distribution"));
  }

  /** The class loader of {@code backend}'s folder, created on first use and kept until closed. */
  synchronized ClassLoader loaderFor(StorageBackend backend) {
    URLClassLoader loader = loaders.get(backend);
    if (loader == null) {
      loader = new URLClassLoader("preflyte-backend-" + backend.folder(), jarsOf(backend), parent);
      loaders.put(backend, loader);
    }
    return loader;
  }

  private URL[] jarsOf(StorageBackend backend) {
    Path folder = folderOf(backend);
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
      if (jars.isEmpty()) {
        throw new StorageException(folder + " holds no jar: copy the backends/" + backend.folder()
            + " folder of the Preflyte distribution there");
      }
      URL[] urls = new URL[jars.size()];
      for (int i = 0; i < urls.length; i++) {
        urls[i] = jars.get(i).toUri().toURL();
      }
      return urls;
    } catch (MalformedURLException e) {
      throw new StorageException("cannot name a jar of " + folder + " as a URL: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new StorageException("cannot list the backend folder " + folder + ": " + e, e);
    }
  }

  /** Closes the backends' class loaders (and their open jars); later use opens them again. */
  @Override
  public synchronized void close() {
    for (URLClassLoader loader : loaders.values()) {
      try {
        loader.close();
      } catch (IOException e) {
        throw new StorageException("cannot close the class loader of " + loader.getName() + ": " + e, e);
      }
    }
    loaders.clear();
  }
}
