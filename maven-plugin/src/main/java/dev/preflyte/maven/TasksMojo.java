package dev.preflyte.maven;

import dev.preflyte.cli.TaskArchive;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the goals share: the project's declared tasks, the ids they get and the images they run in. */
abstract class TasksMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject mavenProject;

  /** Flyte project; default: flytekit's placeholder, filled in by {@code flytectl register files}. */
  @Parameter(property = "preflyte.project", defaultValue = TaskArchive.PROJECT)
  String project;

  /** Flyte domain; default: flytekit's placeholder. */
  @Parameter(property = "preflyte.domain", defaultValue = TaskArchive.DOMAIN)
  String domain;

  /** Version of the tasks; default: flytekit's placeholder. */
  @Parameter(property = "preflyte.version", defaultValue = TaskArchive.VERSION)
  String version;

  /**
   * Images to replace: each {@code <property>}'s {@code <name>} (a repository, with any tag or digest,
   * or an exact reference) runs in its {@code <value>}, as {@code --image NAME=REF}. Properties, not a
   * map: image names hold {@code /}, which an XML element name cannot.
   */
  @Parameter
  Properties images;

  /** Skips the goal. */
  @Parameter(property = "preflyte.skip", defaultValue = "false")
  boolean skip;

  final Map<String, String> images() {
    Map<String, String> byName = new LinkedHashMap<>();
    if (images != null) {
      images.stringPropertyNames().stream().sorted().forEach(name -> byName.put(name, images.getProperty(name)));
    }
    return byName;
  }

  final RegistrationSettings settings() throws MojoFailureException {
    try {
      return new RegistrationSettings(project, domain, version);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  /**
   * The project's classes and runtime dependencies; Preflyte's own classes come from the plugin, so
   * the tasks loaded are of the types its code knows.
   */
  final URLClassLoader projectLoader() throws MojoExecutionException {
    try {
      List<URL> urls = new ArrayList<>();
      for (String element : mavenProject.getRuntimeClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
      return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException("preflyte: " + e.getMessage(), e);
    }
  }

  final String noTasks(String what) {
    return "no declared tasks in " + mavenProject.getBuild().getOutputDirectory()
        + " or its runtime class path: nothing to " + what + " (declare tasks with @DeclaredTask)";
  }
}
