package dev.preflyte.maven;

import dev.preflyte.cli.CliException;
import dev.preflyte.cli.ImageRecipes;
import dev.preflyte.cli.JitMode;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.DeclaredTaskException;
import dev.preflyte.runtime.registry.DeclaredTasks;
import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code preflyte:image}: what {@code preflyte image} writes, for the tasks the project declares: for
 * each image they name, a folder with its Dockerfile and build context, holding the project's
 * classes and runtime dependencies.
 */
@Mojo(name = "image", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class ImageMojo extends TasksMojo {

  /** The folder to write, one folder per image inside; it must be new or empty unless {@code force}. */
  @Parameter(property = "preflyte.image.output", defaultValue = "${project.build.directory}/preflyte-image")
  File output;

  /** The JRE base image; give a digest to pin it. Default: eclipse-temurin:25-jre, as preflyte image. */
  @Parameter(property = "preflyte.base")
  String base;

  /** The unpacked Preflyte distribution to put in the image; default: {@code PREFLYTE_HOME}. */
  @Parameter(property = "preflyte.distribution")
  File distribution;

  /** The storage backends to include ({@code s3}, {@code azure}, {@code gcs}); default: all. */
  @Parameter(property = "preflyte.backends")
  List<String> backends;

  /** Replaces an output folder that is not empty. */
  @Parameter(property = "preflyte.force", defaultValue = "false")
  boolean force;

  /**
   * The compilers the tasks' JVM uses: {@code quick} (default; the client compiler, for tasks done in
   * a second) or {@code optimizing} (C2 as well, for tasks that run seconds of hot code).
   */
  @Parameter(property = "preflyte.jit")
  String jit;

  /**
   * Inputs on which the image build's training run runs declared tasks for real, so their own code
   * is in the start-up archive too: a folder of {@code <task name>.pb} files, each a LiteralMap, or
   * {@code <task name>.json} files, each a JSON object as {@code preflyte run --inputs} takes it.
   * Its folders hold local data those inputs name by relative path, such as {@code data/rows.csv}.
   */
  @Parameter(property = "preflyte.trainingInputs")
  File trainingInputs;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("preflyte:image skipped");
      return;
    }
    try (URLClassLoader loader = projectLoader()) {
      List<DeclaredTask> tasks = DeclaredTasks.load(loader);
      if (tasks.isEmpty()) {
        throw new MojoFailureException(noTasks("write an image recipe for"));
      }
      List<Path> classPath = new ArrayList<>();
      for (String element : mavenProject.getRuntimeClasspathElements()) {
        classPath.add(Path.of(element));
      }
      ImageRecipes.Request request = new ImageRecipes.Request(tasks, images(), base,
          distribution == null ? null : distribution.toPath(),
          backends == null ? List.of() : backends, classPath, output.toPath(), force,
          JitMode.parse(jit, "<jit> (preflyte.jit)"), trainingInputs == null ? null : trainingInputs.toPath());
      for (ImageRecipes.Written image : ImageRecipes.write(request, line -> getLog().warn(line))) {
        getLog().info("wrote " + image.folder() + " for " + image.image() + " (" + image.taskCount() + ")");
      }
    } catch (CliException | DeclaredTaskException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (DependencyResolutionRequiredException | IOException e) {
      throw new MojoExecutionException("preflyte:image: " + e.getMessage(), e);
    }
  }
}
