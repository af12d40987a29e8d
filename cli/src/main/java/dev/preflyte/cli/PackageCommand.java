package dev.preflyte.cli;

import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code preflyte package --output FILE.tgz}: the declared tasks on the class path written as a
 * {@link TaskArchive}, for {@code flytectl register files}.
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
    TaskArchive.checkOutput(output);
    List<DeclaredTask> tasks = classPath.declaredTasks();
    if (tasks.isEmpty()) {
      throw new CliException("no declared tasks on the class path: nothing to package (give task jars with"
          + " --classpath or " + ClassPathOptions.ENVIRONMENT + ")");
    }
    PrintWriter err = spec.commandLine().getErr();
    TaskArchive.write(tasks, registration.settings(), images.images, output, line -> {
      err.println(line);
      err.flush();
    });
    spec.commandLine().getOut().println("wrote " + tasks.size() + " task" + (tasks.size() == 1 ? "" : "s")
        + " to " + output);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
