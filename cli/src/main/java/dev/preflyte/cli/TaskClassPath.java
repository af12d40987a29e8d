package dev.preflyte.cli;

import dev.preflyte.conventions.DeclaredTaskIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A task project's class path split into the image's two layers: the task classes (the entries that
 * declare tasks, which change with every edit) and the dependencies (task types and libraries, which
 * change rarely). Jars the distribution's {@code lib/} already holds, in any version, are left out; a class folder
 * becomes a jar, so the start-up archive can hold its classes (CDS archives classes from jars only).
 */
final class TaskClassPath {

  // Entries written into jars made from class folders get one fixed time: the same classes, the same bytes.
  private static final FileTime FIXED_TIME = FileTime.fromMillis(315_532_800_000L + 86_400_000L * 31);
  private static final Pattern MAVEN_PROPERTIES = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");

  private final Map<String, Path> tasks;
  private final Map<String, Path> dependencies;

  private TaskClassPath(Map<String, Path> tasks, Map<String, Path> dependencies) {
    this.tasks = tasks;
    this.dependencies = dependencies;
  }

  /**
   * Splits {@code entries} (jars and class folders, in class-path order).
   *
   * @param libraries the jars of the distribution's lib/
   * @param warnings gets one line for each jar left out as another version of one in lib/
   * @throws CliException naming the entry, when one cannot be read or is neither jar nor folder
   */
  static TaskClassPath split(List<Path> entries, List<Path> libraries, Consumer<String> warnings) {
    if (entries.isEmpty()) {
      throw new CliException("no task class path: give the task jars and class folders with --classpath or "
          + ClassPathOptions.ENVIRONMENT + ", the image needs them");
    }
    Map<String, String> libraryByArtifact = new HashMap<>();
    for (Path library : libraries) {
      artifact(library).ifPresent(artifact -> libraryByArtifact.put(artifact, library.getFileName().toString()));
    }
    List<String> libraryNames = libraries.stream().map(library -> library.getFileName().toString()).toList();
    Map<String, Path> tasks = new TreeMap<>();
    Map<String, Path> dependencies = new TreeMap<>();
    int folders = 0;
    for (Path entry : entries) {
      boolean folder = Files.isDirectory(entry);
      if (!folder && !Files.isRegularFile(entry)) {
        throw new CliException("class-path entry " + entry + " does not exist: build the project first, or"
            + " remove it from the class path");
      }
      String name = folder ? "classes-" + ++folders + ".jar" : entry.getFileName().toString();
      if (!folder && !name.endsWith(".jar")) {
        throw new CliException("class-path entry " + entry + " is neither a jar nor a class folder");
      }
      if (libraryNames.contains(name)) {
        continue; // preflyte-execute has it already
      }
      String library = folder ? null : artifact(entry).map(libraryByArtifact::get).orElse(null);
      if (library != null) {
        // lib/ comes first on preflyte-execute's class path, so this copy would never be loaded.
        warnings.accept("left " + name + " out of the image: preflyte-execute runs with lib/" + library
            + "; build the tasks against that version if they need it");
        continue;
      }
      Map<String, Path> layer = declaresTasks(entry, folder) ? tasks : dependencies;
      if (tasks.containsKey(name) || dependencies.containsKey(name)) {
        throw new CliException("two class-path entries are named " + name + " (" + entry + " and "
            + (tasks.containsKey(name) ? tasks : dependencies).get(name) + "): the image keeps jars by name,"
            + " rename one of them");
      }
      layer.put(name, entry);
    }
    if (tasks.isEmpty()) {
      throw new CliException("no entry of the task class path declares tasks (" + DeclaredTaskIndex.INDEX_DIRECTORY
          + "): give the jar or class folder of the project with the @DeclaredTask fields");
    }
    return new TaskClassPath(tasks, dependencies);
  }

  /** Writes the task classes into {@code taskFolder} and the dependencies into {@code dependencyFolder}. */
  void copyTo(Path taskFolder, Path dependencyFolder) throws IOException {
    copy(tasks, taskFolder);
    copy(dependencies, dependencyFolder);
  }

  private static void copy(Map<String, Path> jars, Path folder) throws IOException {
    Files.createDirectories(folder);
    for (Map.Entry<String, Path> jar : jars.entrySet()) {
      Path target = folder.resolve(jar.getKey());
      if (Files.isDirectory(jar.getValue())) {
        writeJar(jar.getValue(), target);
      } else {
        Files.copy(jar.getValue(), target);
      }
    }
  }

  private static boolean declaresTasks(Path entry, boolean folder) {
    if (folder) {
      return Files.isDirectory(entry.resolve(DeclaredTaskIndex.INDEX_DIRECTORY));
    }
    try (ZipFile zip = new ZipFile(entry.toFile())) {
      return zip.stream().anyMatch(e -> e.getName().startsWith(DeclaredTaskIndex.INDEX_DIRECTORY));
    } catch (IOException e) {
      throw new CliException("class-path entry " + entry + " cannot be read as a jar: " + e.getMessage(), e);
    }
  }

  /**
   * The Maven {@code groupId:artifactId} a jar was built as, from its {@code META-INF/maven/} folder;
   * empty when it has none or several (a shaded jar), so names alone never decide.
   */
  private static Optional<String> artifact(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<String> artifacts = zip.stream().map(ZipEntry::getName)
          .map(MAVEN_PROPERTIES::matcher).filter(Matcher::matches)
          .map(matcher -> matcher.group(1) + ":" + matcher.group(2)).distinct().toList();
      return artifacts.size() == 1 ? Optional.of(artifacts.get(0)) : Optional.empty();
    } catch (IOException e) {
      throw new CliException("jar " + jar + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static void writeJar(Path folder, Path jar) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        files.add(file);
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort((a, b) -> relative(folder, a).compareTo(relative(folder, b)));
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path file : files) {
        ZipEntry entry = new ZipEntry(relative(folder, file));
        entry.setLastModifiedTime(FIXED_TIME);
        zip.putNextEntry(entry);
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }
}
