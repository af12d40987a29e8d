package dev.preflyte.samples.sql;

import dev.preflyte.runtime.harness.ContainerPluginHarness;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The container-plugin harness set up for this module's tasks: the repository's
 * {@code bin/preflyte-execute} with the distribution's {@code lib/}, and the task's own classes and
 * drivers on {@code PREFLYTE_CLASSPATH}, as the task image adds them.
 */
public final class ContainerRuns {

  private ContainerRuns() {}

  /** @param module this module's folder, {@code samples/sql} */
  public static ContainerPluginHarness harness(Path module) {
    Path repository = module.toAbsolutePath().getParent().getParent();
    return harness(repository.resolve("bin"), classPath(module.resolve("target/classes"),
        module.resolve("target/task-lib")), distributionLib(repository));
  }

  /**
   * Lays out under {@code root} a copy of what the task image holds, as the image recipe lays it out
   * and readable by every user wherever the repository lies (a clone under an owner-only folder
   * included): {@code opt/preflyte} (bin/, lib/ and the start-up archive {@code preflyte-train}
   * makes there, as the image build does) and {@code opt/tasks} (the task classes and their drivers).
   * {@link #imageHarness} runs tasks from it.
   */
  public static void layOutImage(Path module, Path root) throws IOException, InterruptedException {
    Path repository = module.toAbsolutePath().getParent().getParent();
    Path home = imageHome(root);
    copyTree(repository.resolve("bin"), home.resolve("bin"));
    copyTree(distributionLib(repository), home.resolve("lib"));
    copyTree(module.resolve("target/classes"), imageTasks(root).resolve("classes"));
    copyTree(module.resolve("target/task-lib"), imageTasks(root).resolve("lib"));
    ProcessBuilder training = new ProcessBuilder(home.resolve("bin/preflyte-train").toString()).redirectErrorStream(true);
    training.environment().put("PREFLYTE_HOME", home.toString());
    training.environment().put("PREFLYTE_CLASSPATH", imageClassPath(root));
    training.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = training.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("preflyte-train failed for the image tree in " + home + ": " + output);
    }
  }

  /** The harness over the image tree {@link #layOutImage} made under {@code root}. */
  public static ContainerPluginHarness imageHarness(Path root) {
    Path home = imageHome(root);
    return harness(home.resolve("bin"), imageClassPath(root), home.resolve("lib")).env("PREFLYTE_HOME", home.toString());
  }

  /** The distribution's home in the image tree under {@code root}: its bin/, lib/ and archive. */
  public static Path imageHome(Path root) {
    return root.resolve("opt/preflyte");
  }

  private static Path imageTasks(Path root) {
    return root.resolve("opt/tasks");
  }

  private static String imageClassPath(Path root) {
    return classPath(imageTasks(root).resolve("classes"), imageTasks(root).resolve("lib"));
  }

  private static ContainerPluginHarness harness(Path bin, String classPath, Path lib) {
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException("no preflyte-execute libraries in " + lib);
    }
    return new ContainerPluginHarness(bin)
        .env("PREFLYTE_CLASSPATH", classPath)
        .env("JAVA_HOME", System.getProperty("java.home"));
  }

  private static String classPath(Path classes, Path drivers) {
    return classes.toAbsolutePath() + File.pathSeparator + drivers.toAbsolutePath() + File.separator + "*";
  }

  private static Path distributionLib(Path repository) {
    Path lib = repository.resolve("launcher/target/preflyte/lib");
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException("no preflyte-execute distribution in " + lib
          + ": build it first with mvn -B -pl samples/sql -am verify (or package)");
    }
    return lib;
  }

  /** Copies a tree, keeping the files' permissions (the launchers stay executable), readable by all. */
  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
          Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
