package dev.preflyte.cli;

import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.DeclaredTasks;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --classpath}: the task jars and class folders, else {@code PREFLYTE_CLASSPATH}. */
final class ClassPathOptions {

  static final String ENVIRONMENT = "PREFLYTE_CLASSPATH";

  @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
      description = "Task jars and class folders, separated by '${sys:path.separator}'; default: $"
          + ENVIRONMENT + ", else the command's own class path.")
  String classPath;

  /** The entries given, by option or environment; none when neither gives any. */
  List<Path> entries() {
    String path = classPath != null ? classPath : System.getenv(ENVIRONMENT);
    List<Path> entries = new ArrayList<>();
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          entries.add(Path.of(entry));
        }
      }
    }
    return entries;
  }

  /** The class loader over the entries (the command's own loader when none are given). */
  ClassLoader loader() {
    List<Path> entries = entries();
    ClassLoader parent = ClassPathOptions.class.getClassLoader();
    if (entries.isEmpty()) {
      return parent;
    }
    List<URL> urls = new ArrayList<>();
    for (Path file : entries) {
      String entry = file.toString();
      if (!Files.isReadable(file)) {
        throw new CliException("class-path entry " + entry + " cannot be read: "
            + (Files.exists(file) ? "check its permissions" : "it does not exist"));
      }
      if (Files.isRegularFile(file) && !isZip(file)) {
        throw new CliException("class-path entry " + entry + " is neither a jar nor a class folder");
      }
      try {
        urls.add(file.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new CliException("class-path entry " + entry + " is not a valid path: " + e.getMessage(), e);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), parent);
  }

  List<DeclaredTask> declaredTasks() {
    return DeclaredTasks.load(loader());
  }

  private static boolean isZip(Path file) {
    try (var in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K';
    } catch (java.io.IOException e) {
      throw new CliException("class-path entry " + file + " cannot be read: " + e.getMessage(), e);
    }
  }
}
