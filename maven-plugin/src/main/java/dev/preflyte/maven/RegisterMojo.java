package dev.preflyte.maven;

import dev.preflyte.cli.CliException;
import dev.preflyte.cli.TaskRegistration;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.register.AdminSettings;
import dev.preflyte.register.RegistrationResult;
import dev.preflyte.register.RegistrationSummary;
import dev.preflyte.runtime.registry.DeclaredTaskException;
import dev.preflyte.runtime.registry.DeclaredTasks;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code preflyte:register}: registers the project's declared tasks with FlyteAdmin's
 * {@code CreateTask}, as {@code preflyte register} does; an identical task already there counts as
 * unchanged. Fails the build when any task failed. No default phase: bind it, or run it by name.
 */
@Mojo(name = "register", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class RegisterMojo extends TasksMojo {

  /** FlyteAdmin's gRPC endpoint, HOST:PORT; default: admin.endpoint of the config file. */
  @Parameter(property = "preflyte.endpoint")
  String endpoint;

  /** Plaintext instead of TLS. */
  @Parameter(property = "preflyte.insecure", defaultValue = "false")
  boolean insecure;

  /** flytectl's config file; default: $FLYTECTL_CONFIG, else ~/.flyte/config.yaml. */
  @Parameter(property = "preflyte.config")
  File config;

  /** Tasks registered at a time. */
  @Parameter(property = "preflyte.concurrency", defaultValue = "8")
  int concurrency;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("preflyte:register skipped");
      return;
    }
    RegistrationSettings ids = settings();
    if (TaskRegistration.incomplete(ids)) {
      throw new MojoFailureException("preflyte:register needs project, domain and version (preflyte.project,"
          + " preflyte.domain, preflyte.version): FlyteAdmin stores a task under all three");
    }
    RegistrationSummary summary;
    try (URLClassLoader loader = projectLoader()) {
      List<TaskSpec> specs = TaskRegistration.prepare(
          TaskRegistration.specsOf(DeclaredTasks.load(loader), ids), images(), line -> getLog().warn(line));
      if (specs.isEmpty()) {
        throw new MojoFailureException(noTasks("register"));
      }
      AdminSettings admin = TaskRegistration.adminSettings(endpoint, insecure,
          config == null ? null : config.toPath(), CliException::usage);
      summary = TaskRegistration.register(specs, ids, admin, concurrency);
    } catch (CliException | DeclaredTaskException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("preflyte:register: " + e.getMessage(), e);
    }
    for (RegistrationResult result : summary.results()) {
      if (result.succeeded()) {
        getLog().info(result.toString());
      } else {
        getLog().error(result.toString());
      }
    }
    if (!summary.succeeded()) {
      throw new MojoFailureException(summary.summaryLine());
    }
    getLog().info(summary.summaryLine());
  }
}
