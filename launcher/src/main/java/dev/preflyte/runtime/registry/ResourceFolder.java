package dev.preflyte.runtime.registry;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists the file names directly inside one resource folder, over every class-path entry a class
 * loader sees. {@code ClassLoader.getResources(folder)} alone misses jars built without directory
 * entries, so the jars of the loader's {@link URLClassLoader}s and of {@code java.class.path} are read
 * directly too. Only names are listed: nothing is loaded.
 */
final class ResourceFolder {

  private ResourceFolder() {}

  /**
   * The names of the files in {@code directory} (ending in {@code /}); unreadable entries are skipped
   * (a name listed here is then looked up with {@code getResource}, which reports its own problems).
   */
  static SortedSet<String> list(ClassLoader loader, String directory) {
    SortedSet<String> names = new TreeSet<>();
    try {
      Enumeration<URL> folders = loader.getResources(directory);
      while (folders.hasMoreElements()) {
        addFolder(folders.nextElement(), directory, names);
      }
    } catch (IOException e) {
      // What could be read is still listed.
    }
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          addEntry(url, directory, names);
        }
      }
    }
    String classPath = System.getProperty("java.class.path", "");
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        addJar(Path.of(entry), directory, names);
      }
    }
    return names;
  }

  private static void addEntry(URL url, String directory, SortedSet<String> names) {
    if (!"file".equals(url.getProtocol())) {
      return;
    }
    try {
      Path path = Path.of(url.toURI());
      if (Files.isDirectory(path)) {
        addDirectory(path.resolve(directory), names);
      } else {
        addJar(path, directory, names);
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      // Not a readable entry: nothing to list there.
    }
  }

  private static void addFolder(URL folder, String directory, SortedSet<String> names) {
    try {
      if ("file".equals(folder.getProtocol())) {
        addDirectory(Path.of(folder.toURI()), names);
      } else if ("jar".equals(folder.getProtocol())) {
        URLConnection connection = folder.openConnection();
        if (connection instanceof JarURLConnection jar) {
          jar.setUseCaches(false);
          try (JarFile file = jar.getJarFile()) {
            addJarEntries(file, directory, names);
          }
        }
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      // Unreadable folder: skip it, the others are still listed.
    }
  }

  private static void addDirectory(Path directory, SortedSet<String> names) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        if (Files.isRegularFile(file)) {
          names.add(file.getFileName().toString());
        }
      }
    }
  }

  private static void addJar(Path jar, String directory, SortedSet<String> names) {
    if (!Files.isRegularFile(jar)) {
      return;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      addJarEntries(file, directory, names);
    } catch (IOException e) {
      // Not a readable jar: nothing listed from it.
    }
  }

  private static void addJarEntries(JarFile file, String directory, SortedSet<String> names) {
    Enumeration<JarEntry> entries = file.entries();
    while (entries.hasMoreElements()) {
      JarEntry entry = entries.nextElement();
      String path = entry.getName();
      if (!entry.isDirectory() && path.startsWith(directory) && path.indexOf('/', directory.length()) < 0) {
        names.add(path.substring(directory.length()));
      }
    }
  }
}
