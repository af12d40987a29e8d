package dev.preflyte.cli;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The archive {@code preflyte package} writes, for every tool that writes it (the command, the Maven
 * plugin): one admin.TaskSpec per declared task, named {@code <n>_<task name>_1.pb} as {@code pyflyte
 * package} names them, for {@code flytectl register files}. The same tasks give the same bytes; the
 * archive is written beside its target and moved into place, so it appears complete or not at all.
 */
public final class TaskArchive {

  /** flytekit's placeholders, filled in by {@code flytectl register files}. */
  public static final String PROJECT = RegistrationOptions.PROJECT;
  public static final String DOMAIN = RegistrationOptions.DOMAIN;
  public static final String VERSION = RegistrationOptions.VERSION;

  private TaskArchive() {}

  /**
   * Writes {@code tasks} to {@code output}; {@code images} replaces an image (a repository or an exact
   * reference) by another reference; a size warning goes to {@code warnings}, one line each.
   *
   * @throws CliException with a one-line message when a task or the output cannot be written
   */
  public static void write(List<DeclaredTask> tasks, RegistrationSettings settings, Map<String, String> images,
      Path output, Consumer<String> warnings) throws IOException {
    checkOutput(output);
    write(output, entries(tasks, settings, images, warnings));
  }

  /** The archive's entries, in order: {@code <n>_<task name>_1.pb} holding the task's TaskSpec. */
  public static Map<String, byte[]> entries(List<DeclaredTask> tasks, RegistrationSettings settings,
      Map<String, String> images, Consumer<String> warnings) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    int n = 0;
    for (DeclaredTask task : tasks) {
      TaskTemplate template = ImageOptions.apply(images, task.toTaskTemplate(settings));
      TemplateSizeGuard.check(task.name(), template, warnings);
      TaskSpec spec = TaskSpec.newBuilder().setTemplate(template).build();
      entries.put(n++ + "_" + task.name() + "_1.pb", spec.toByteArray());
    }
    return entries;
  }

  static void checkOutput(Path output) {
    if (Files.isDirectory(output)) {
      throw new CliException("--output " + output + " is a directory: give the archive's file name, for"
          + " example " + output.resolve("tasks.tgz"));
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new CliException("--output " + output + " cannot be written: " + parent
          + (parent != null && Files.exists(parent) ? " is not a folder" : " does not exist"));
    }
    if (!Files.isWritable(parent) || (Files.exists(output) && !Files.isWritable(output))) {
      throw new CliException("--output " + output + " cannot be written: no permission");
    }
  }

  private static void write(Path output, Map<String, byte[]> entries) throws IOException {
    Path parent = output.toAbsolutePath().getParent();
    Path temporary;
    try {
      temporary = Files.createTempFile(parent, "." + output.getFileName(), ".part");
    } catch (AccessDeniedException e) {
      throw new CliException("--output " + output + " cannot be written: no permission", e);
    }
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        TarGz.write(out, entries);
      }
      try {
        Files.move(temporary, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CliException("--output " + output + " cannot be written: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
