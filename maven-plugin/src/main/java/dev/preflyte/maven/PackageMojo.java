package dev.preflyte.maven;

import dev.preflyte.cli.CliException;
import dev.preflyte.cli.TaskArchive;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.DeclaredTaskException;
import dev.preflyte.runtime.registry.DeclaredTasks;
import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code preflyte:package}: the tasks the project declares with {@code @DeclaredTask}, loaded from its
 * classes and runtime class path, written as the archive {@code preflyte package} writes (one
 * admin.TaskSpec per task), for {@code flytectl register files}.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class PackageMojo extends TasksMojo {

  /** The archive to write. */
  @Parameter(property = "preflyte.output", defaultValue = "${project.build.directory}/preflyte-tasks.tgz")
  File output;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("preflyte:package skipped");
      return;
    }
    try (URLClassLoader loader = projectLoader()) {
      List<DeclaredTask> tasks = DeclaredTasks.load(loader);
      if (tasks.isEmpty()) {
        throw new MojoFailureException(noTasks("package"));
      }
      Files.createDirectories(output.toPath().toAbsolutePath().getParent());
      TaskArchive.write(tasks, settings(), images(), output.toPath(), line -> getLog().warn(line));
      getLog().info("wrote " + tasks.size() + " task" + (tasks.size() == 1 ? "" : "s") + " to " + output);
    } catch (CliException | DeclaredTaskException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("preflyte:package: " + e.getMessage(), e);
    }
  }
}
