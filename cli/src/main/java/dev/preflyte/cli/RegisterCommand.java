package dev.preflyte.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.register.AdminSettings;
import dev.preflyte.register.RegistrationResult;
import dev.preflyte.register.RegistrationSummary;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preflyte register}: registers every declared task, or the tasks of a package archive, with
 * FlyteAdmin's {@code CreateTask}; an identical task already there counts as unchanged. Connection
 * settings from {@code --endpoint}, else flytectl's config file. Exit code 1 when any task failed.
 */
@Command(name = "register", versionProvider = Preflyte.Version.class,
    description = "Registers the declared tasks (or a package archive's) with FlyteAdmin over gRPC.")
final class RegisterCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "FILE.tgz",
      description = "A package archive (preflyte package, pyflyte package); default: the declared tasks.")
  Path archive;

  @Option(names = "--endpoint", paramLabel = "HOST:PORT",
      description = "FlyteAdmin's gRPC endpoint; default: admin.endpoint of the config file.")
  String endpoint;

  @Option(names = "--insecure", description = "Plaintext instead of TLS.")
  boolean insecure;

  @Option(names = "--config", paramLabel = "FILE",
      description = "flytectl's config file; default: $FLYTECTL_CONFIG, else ~/.flyte/config.yaml.")
  Path config;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "Tasks registered at a time; default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Mixin ClassPathOptions classPath;
  @Mixin RegistrationOptions registration;
  @Mixin ImageOptions images;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (registration.printedVersion(out)) {
      return 0;
    }
    RegistrationSettings ids = registration.settings();
    if (TaskRegistration.incomplete(ids)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "register needs --project, --domain and --version: FlyteAdmin stores a task under all three");
    }
    List<TaskSpec> specs = archive != null ? specsOf(archive)
        : TaskRegistration.specsOf(classPath.declaredTasks(), ids);
    PrintWriter warnings = spec.commandLine().getErr();
    specs = TaskRegistration.prepare(specs, images.images, line -> {
      warnings.println(line);
      warnings.flush();
    });
    if (specs.isEmpty()) {
      throw new CliException("no tasks to register: " + (archive != null ? archive + " holds no task specs"
          : "no declared tasks on the class path (give task jars with --classpath or "
              + ClassPathOptions.ENVIRONMENT + ")"));
    }
    AdminSettings admin = TaskRegistration.adminSettings(endpoint, insecure, config,
        message -> new CommandLine.ParameterException(spec.commandLine(), message));
    RegistrationSummary summary = TaskRegistration.register(specs, ids, admin, concurrency);
    PrintWriter err = spec.commandLine().getErr();
    for (RegistrationResult result : summary.results()) {
      (result.succeeded() ? out : err).println(result);
    }
    out.println(summary.summaryLine());
    out.flush();
    err.flush();
    return summary.succeeded() ? 0 : 1;
  }

  /** The task specs of a package archive: its {@code <n>_<name>_1.pb} entries, in archive order. */
  private static List<TaskSpec> specsOf(Path archive) {
    Map<String, byte[]> entries;
    try (InputStream in = Files.newInputStream(archive)) {
      entries = TarGz.read(in);
    } catch (IOException e) {
      throw new CliException(archive + " is not a readable .tgz archive: " + e.getMessage(), e);
    }
    List<TaskSpec> specs = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      String name = entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1);
      if (!name.endsWith("_1.pb")) {
        continue; // workflows (_2) and launch plans (_3) are not tasks
      }
      try {
        specs.add(TaskSpec.parseFrom(entry.getValue()));
      } catch (InvalidProtocolBufferException e) {
        throw new CliException(archive + ": " + entry.getKey() + " is not an admin.TaskSpec: " + e.getMessage(), e);
      }
    }
    return specs;
  }
}
