package dev.preflyte.cli;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code preflyte package --output FILE.tgz}: one admin.TaskSpec per declared task, named
 * {@code <n>_<task name>_1.pb} as {@code pyflyte package} names them, for {@code flytectl register
 * files}. The same tasks give the same bytes; the archive is written beside its target and moved
 * into place, so it appears complete or not at all.
 */
@Command(name = "package", versionProvider = Preflyte.Version.class,
    description = "Writes every declared task as an admin.TaskSpec into a .tgz that flytectl registers.")
final class PackageCommand implements Callable<Integer> {

  @Option(names = {"--output", "-o"}, paramLabel = "FILE.tgz", description = "The archive to write.")
  Path output;

  @Mixin ClassPathOptions classPath;
  @Mixin RegistrationOptions registration;
  @Mixin ImageOptions images;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (registration.printedVersion(spec.commandLine().getOut())) {
      return 0;
    }
    if (output == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--output=FILE.tgz'");
    }
    checkOutput(output);
    List<DeclaredTask> tasks = classPath.declaredTasks();
    if (tasks.isEmpty()) {
      throw new CliException("no declared tasks on the class path: nothing to package (give task jars with"
          + " --classpath or " + ClassPathOptions.ENVIRONMENT + ")");
    }
    write(output, entries(tasks, registration.settings(), images, spec.commandLine().getErr()));
    spec.commandLine().getOut().println("wrote " + tasks.size() + " task" + (tasks.size() == 1 ? "" : "s")
        + " to " + output);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** The archive's entries, in order: {@code <n>_<task name>_1.pb} holding the task's TaskSpec. */
  static Map<String, byte[]> entries(
      List<DeclaredTask> tasks, RegistrationSettings settings, ImageOptions images, PrintWriter warnings) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    int n = 0;
    for (DeclaredTask task : tasks) {
      TaskTemplate template = images.apply(task.toTaskTemplate(settings));
      TemplateSizeGuard.check(task.name(), template, warnings);
      TaskSpec spec = TaskSpec.newBuilder().setTemplate(template).build();
      entries.put(n++ + "_" + task.name() + "_1.pb", spec.toByteArray());
    }
    return entries;
  }

  private static void checkOutput(Path output) {
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
