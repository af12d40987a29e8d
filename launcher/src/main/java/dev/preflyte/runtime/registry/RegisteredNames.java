package dev.preflyte.runtime.registry;

import dev.preflyte.conventions.GeneratedNames;
import dev.preflyte.runtime.executor.TaskExecutor;
import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists the names executors are registered under. Used only to explain an unknown name, never to
 * find an executor: it reads every registration folder on the class path.
 */
final class RegisteredNames {

  private RegisteredNames() {}

  static SortedSet<String> list(ClassLoader loader) {
    SortedSet<String> names = new TreeSet<>();
    String directory = ExecutorRegistry.RESOURCE_DIRECTORY;
    try {
      Enumeration<URL> folders = loader.getResources(directory);
      while (folders.hasMoreElements()) {
        addFolder(folders.nextElement(), names);
      }
    } catch (IOException e) {
      // Listing only decorates an error message; what could be read is still worth showing.
    }
    // Jars built without directory entries do not answer getResources(folder): read them directly.
    String classPath = System.getProperty("java.class.path", "");
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        addJar(Path.of(entry), names);
      }
    }
    addProviders(loader, names);
    return names;
  }

  private static void addFolder(URL folder, SortedSet<String> names) {
    try {
      if ("file".equals(folder.getProtocol())) {
        addDirectory(Path.of(folder.toURI()), names);
      } else if ("jar".equals(folder.getProtocol())) {
        URLConnection connection = folder.openConnection();
        if (connection instanceof JarURLConnection jar) {
          jar.setUseCaches(false);
          try (JarFile file = jar.getJarFile()) {
            addJarEntries(file, names);
          }
        }
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      // Unreadable folder: skip it, the message lists what the others hold.
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

  private static void addJar(Path jar, SortedSet<String> names) {
    if (!Files.isRegularFile(jar)) {
      return;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      addJarEntries(file, names);
    } catch (IOException e) {
      // Not a readable jar: nothing registered there that we could name.
    }
  }

  private static void addJarEntries(JarFile file, SortedSet<String> names) {
    String directory = ExecutorRegistry.RESOURCE_DIRECTORY;
    Enumeration<JarEntry> entries = file.entries();
    while (entries.hasMoreElements()) {
      JarEntry entry = entries.nextElement();
      String path = entry.getName();
      if (!entry.isDirectory() && path.startsWith(directory) && path.indexOf('/', directory.length()) < 0) {
        names.add(path.substring(directory.length()));
      }
    }
  }

  private static void addProviders(ClassLoader loader, SortedSet<String> names) {
    for (ServiceLoader.Provider<TaskExecutor> provider : ExecutorProviders.scan(loader, p -> false).providers()) {
      String name = GeneratedNames.executorNameOf(provider.type().getName());
      if (name != null) {
        names.add(name);
      }
    }
  }
}
