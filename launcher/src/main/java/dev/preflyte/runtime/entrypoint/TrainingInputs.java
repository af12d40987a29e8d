package dev.preflyte.runtime.entrypoint;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.core.LiteralMap;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Inputs an image author gives the training run ({@code preflyte-train --inputs DIR}), so that a
 * declared task runs for real and its own code goes into the start-up archive as well: one file
 * per task, {@code DIR/<declared task name>.pb}, a serialized LiteralMap as Flyte writes it for
 * {@code {{.input}}} ({@code preflyte run NAME --input ... --output-dir D} leaves one in
 * {@code D/inputs.pb}). Without them, training stops every task at its first input. Tools that
 * prepare such a folder may accept further {@link FileFormat}s and write {@code .pb} files.
 *
 * <p>Folders beside the files hold data the inputs may name by a path relative to {@code DIR},
 * such as {@code data/rows.csv} for a file input: the training run reads it there, wherever
 * {@code DIR} is mounted.
 */
public final class TrainingInputs {

  public static final String SUFFIX = ".pb";

  /** How one kind of training inputs file becomes its task's inputs. */
  @FunctionalInterface
  public interface FileFormat {
    /**
     * @throws TrainingException naming {@code file} and what is wrong with it
     */
    LiteralMap read(String taskName, Path file) throws IOException;
  }

  /** {@code <task>.pb}: a serialized LiteralMap, the one format {@code preflyte-train} reads. */
  public static final FileFormat LITERAL_MAP = (taskName, file) -> parse(file);

  private final Path directory;
  private final SortedMap<String, Path> files;
  private final SortedMap<String, LiteralMap> byTask;

  private TrainingInputs(Path directory, SortedMap<String, Path> files, SortedMap<String, LiteralMap> byTask) {
    this.directory = directory;
    this.files = Collections.unmodifiableSortedMap(files);
    this.byTask = Collections.unmodifiableSortedMap(byTask);
  }

  /** No training inputs: every task stops at its first input. */
  static TrainingInputs none() {
    return new TrainingInputs(null, new TreeMap<>(), new TreeMap<>());
  }

  /**
   * Reads every {@code <name>.pb} in {@code directory}; the names are checked later, with
   * {@link #checkDeclared}, once the declared tasks are known.
   *
   * @throws TrainingException naming the folder or file at fault: not a folder, a
   *     file of another kind, a file that is no LiteralMap
   */
  public static TrainingInputs read(Path directory) {
    return read(directory, null, Map.of(SUFFIX, LITERAL_MAP));
  }

  /**
   * Reads every file of {@code directory} in the format its suffix names, after checking that
   * each names one of {@code declaredNames} ({@code null}: not checked) and that no task has two.
   *
   * @param formats a file name's suffix (such as {@code .pb}) to the format of such files
   * @throws TrainingException naming the folder or file at fault
   */
  public static TrainingInputs read(Path directory, Set<String> declaredNames, Map<String, FileFormat> formats) {
    Map<String, FileFormat> bySuffix = new LinkedHashMap<>(formats);
    String kinds = "<declared task name>" + String.join(" or ", bySuffix.keySet()) + " file";
    if (!Files.isDirectory(directory)) {
      throw new TrainingException("the training inputs " + directory + " are not a folder: give a folder of "
          + kinds + "s");
    }
    SortedMap<String, Path> files = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path file : entries) {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
          continue; // data the inputs name, such as a file input's local copy
        }
        String taskName = taskName(file, bySuffix.keySet());
        if (taskName == null) {
          throw new TrainingException("the training inputs folder " + directory + " holds " + file.getFileName()
              + ", which is not a " + kinds + ": remove it");
        }
        Path other = files.put(taskName, file);
        if (other != null) {
          List<String> both = Stream.of(other, file).map(path -> path.getFileName().toString()).sorted().toList();
          throw new TrainingException("the training inputs folder " + directory + " holds two files for task "
              + taskName + ", " + String.join(" and ", both) + ": keep one");
        }
      }
      if (declaredNames != null) {
        checkNames(files, declaredNames);
      }
      SortedMap<String, LiteralMap> byTask = new TreeMap<>();
      for (Map.Entry<String, Path> file : files.entrySet()) {
        FileFormat format = bySuffix.get(suffixOf(file.getValue(), bySuffix.keySet()));
        byTask.put(file.getKey(), format.read(file.getKey(), file.getValue()));
      }
      return new TrainingInputs(directory, files, byTask);
    } catch (IOException e) {
      throw new TrainingException("the training inputs " + directory + " cannot be read: " + e, e);
    }
  }

  /** The task a file is for, or null when it is no regular file with one of {@code suffixes}. */
  private static String taskName(Path file, Set<String> suffixes) {
    String suffix = suffixOf(file, suffixes);
    String fileName = file.getFileName().toString();
    if (suffix == null || fileName.length() == suffix.length() || !Files.isRegularFile(file)) {
      return null;
    }
    return fileName.substring(0, fileName.length() - suffix.length());
  }

  private static String suffixOf(Path file, Set<String> suffixes) {
    String fileName = file.getFileName().toString();
    return suffixes.stream().filter(fileName::endsWith).findFirst().orElse(null);
  }

  private static LiteralMap parse(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return LiteralMap.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new TrainingException("the training inputs " + file + " (" + bytes.length
          + " bytes) are not a serialized LiteralMap: " + e.getMessage() + "; write them with 'preflyte run NAME"
          + " --input ... --output-dir DIR', which leaves DIR/inputs.pb", e);
    }
  }

  /** The names of the tasks given inputs, sorted. */
  public Set<String> taskNames() {
    return byTask.keySet();
  }

  /**
   * @throws TrainingException naming the first file whose name is none of {@code declaredNames}, the
   *     names of the declared tasks the inputs are for
   */
  public void checkDeclared(Set<String> declaredNames) {
    checkNames(files, declaredNames);
  }

  private static void checkNames(SortedMap<String, Path> files, Set<String> declaredNames) {
    for (Map.Entry<String, Path> file : files.entrySet()) {
      if (!declaredNames.contains(file.getKey())) {
        throw new TrainingException("the training inputs " + file.getValue() + " name no declared task: declared are "
            + new TreeSet<>(declaredNames) + " (a file is named after its task, as 'preflyte tasks' lists it)");
      }
    }
  }

  /** The inputs for the declared task {@code name} as its file holds them, or null. */
  public LiteralMap forTask(String name) {
    return byTask.get(name);
  }

  /** The inputs for {@code name} as its training run reads them: relative data paths resolved in the folder. */
  LiteralMap forTrainingRun(String name) {
    return RelativeDataPaths.resolve(byTask.get(name), directory);
  }

  /** The folder, where the training run reads the data the inputs name; null for {@link #none()}. */
  Path directory() {
    return directory;
  }

  /** The file the inputs of {@code name} came from, for messages. */
  public Path fileOf(String name) {
    return files.get(name);
  }
}
