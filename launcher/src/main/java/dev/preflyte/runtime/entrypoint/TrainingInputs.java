package dev.preflyte.runtime.entrypoint;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.core.LiteralMap;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Inputs an image author gives the training run ({@code preflyte-train --inputs DIR}), so that a
 * declared task runs for real and its own code goes into the start-up archive as well: one file
 * per task, {@code DIR/<declared task name>.pb}, a serialized LiteralMap as Flyte writes it for
 * {@code {{.input}}} ({@code preflyte run NAME --input ... --output-dir D} leaves one in
 * {@code D/inputs.pb}). Without them, training stops every task at its first input.
 */
public final class TrainingInputs {

  public static final String SUFFIX = ".pb";

  private final Path directory;
  private final SortedMap<String, LiteralMap> byTask;

  private TrainingInputs(Path directory, SortedMap<String, LiteralMap> byTask) {
    this.directory = directory;
    this.byTask = Collections.unmodifiableSortedMap(byTask);
  }

  /** No training inputs: every task stops at its first input. */
  static TrainingInputs none() {
    return new TrainingInputs(null, new TreeMap<>());
  }

  /**
   * Reads every {@code <name>.pb} in {@code directory}.
   *
   * @throws TrainingException naming the folder or file at fault: not a folder, a
   *     file of another kind, a file that is no LiteralMap
   */
  public static TrainingInputs read(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new TrainingException("the training inputs " + directory + " are not a folder: give"
          + " --inputs a folder of <declared task name>.pb files");
    }
    SortedMap<String, LiteralMap> byTask = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(SUFFIX) || fileName.length() == SUFFIX.length() || !Files.isRegularFile(file)) {
          throw new TrainingException("the training inputs folder " + directory + " holds " + fileName
              + ", which is not a <declared task name>.pb file: remove it");
        }
        byTask.put(fileName.substring(0, fileName.length() - SUFFIX.length()), parse(file));
      }
    } catch (IOException e) {
      throw new TrainingException("the training inputs " + directory + " cannot be read: " + e, e);
    }
    return new TrainingInputs(directory, byTask);
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
    for (String name : taskNames()) {
      if (!declaredNames.contains(name)) {
        throw new TrainingException("the training inputs " + fileOf(name) + " name no declared task: declared are "
            + new TreeSet<>(declaredNames) + " (a file is named after its task, as 'preflyte tasks' lists it)");
      }
    }
  }

  /** The inputs for the declared task {@code name}, or null. */
  LiteralMap forTask(String name) {
    return byTask.get(name);
  }

  /** The file the inputs of {@code name} came from, for messages. */
  public Path fileOf(String name) {
    return directory.resolve(name + SUFFIX);
  }
}
