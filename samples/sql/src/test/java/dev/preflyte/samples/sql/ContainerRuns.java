package dev.preflyte.samples.sql;

import dev.preflyte.runtime.harness.ContainerPluginHarness;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

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
    Path lib = repository.resolve("launcher/target/preflyte/lib");
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException("no preflyte-execute distribution in " + lib
          + ": build it first with mvn -B -pl samples/sql -am verify (or package)");
    }
    String classPath = module.resolve("target/classes").toAbsolutePath() + File.pathSeparator
        + module.resolve("target/task-lib").toAbsolutePath() + File.separator + "*";
    return new ContainerPluginHarness(repository.resolve("bin"))
        .env("PREFLYTE_CLASSPATH", classPath)
        .env("JAVA_HOME", System.getProperty("java.home"));
  }
}
