package dev.preflyte.maven;

import dev.preflyte.cli.CliException;
import dev.preflyte.cli.TaskArchive;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.DeclaredTaskException;
import dev.preflyte.runtime.registry.DeclaredTasks;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code preflyte:package}: the tasks the project declares with {@code @DeclaredTask}, loaded from its
 * classes and runtime class path, written as the archive {@code preflyte package} writes (one
 * admin.TaskSpec per task), for {@code flytectl register files}.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class PackageMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject mavenProject;

  /** The archive to write. */
  @Parameter(property = "preflyte.output", defaultValue = "${project.build.directory}/preflyte-tasks.tgz")
  File output;

  /** Flyte project; default: flytekit's placeholder, filled in by {@code flytectl register files}. */
  @Parameter(property = "preflyte.project", defaultValue = TaskArchive.PROJECT)
  String project;

  /** Flyte domain; default: flytekit's placeholder. */
  @Parameter(property = "preflyte.domain", defaultValue = TaskArchive.DOMAIN)
  String domain;

  /** Version of the tasks; default: flytekit's placeholder. */
  @Parameter(property = "preflyte.version", defaultValue = TaskArchive.VERSION)
  String version;

  /** Image NAME (a repository, or an exact reference) to replace by the reference it maps to. */
  @Parameter
  Map<String, String> images = new LinkedHashMap<>();

  /** Skips the goal. */
  @Parameter(property = "preflyte.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("preflyte:package skipped");
      return;
    }
    try (URLClassLoader loader = new URLClassLoader(classPath(), getClass().getClassLoader())) {
      List<DeclaredTask> tasks = DeclaredTasks.load(loader);
      if (tasks.isEmpty()) {
        throw new MojoFailureException("no declared tasks in " + mavenProject.getBuild().getOutputDirectory()
            + " or its runtime class path: nothing to package (declare tasks with @DeclaredTask)");
      }
      Files.createDirectories(output.toPath().toAbsolutePath().getParent());
      TaskArchive.write(tasks, settings(), images == null ? Map.of() : images, output.toPath(),
          line -> getLog().warn(line));
      getLog().info("wrote " + tasks.size() + " task" + (tasks.size() == 1 ? "" : "s") + " to " + output);
    } catch (CliException | DeclaredTaskException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("preflyte:package: " + e.getMessage(), e);
    }
  }

  private RegistrationSettings settings() throws MojoFailureException {
    try {
      return new RegistrationSettings(project, domain, version);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  /** The project's classes and its runtime dependencies, as URLs. */
  private URL[] classPath() throws MojoExecutionException {
    try {
      List<URL> urls = new ArrayList<>();
      for (String element : mavenProject.getRuntimeClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
      return urls.toArray(URL[]::new);
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException("preflyte:package: " + e.getMessage(), e);
    }
  }
}
