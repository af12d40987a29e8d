package dev.preflyte.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.runtime.registry.DeclaredTask;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code preflyte describe NAME}: the declared task's TaskTemplate, in protobuf's JSON mapping. */
@Command(name = "describe", versionProvider = Preflyte.Version.class,
    description = "Prints the declared task's TaskTemplate as JSON (protobuf's JSON mapping).")
final class DescribeCommand implements Callable<Integer> {

  @Parameters(paramLabel = "NAME", arity = "0..1", description = "The declared task's name, as 'preflyte tasks' lists it.")
  String name;

  @Mixin ClassPathOptions classPath;
  @Mixin RegistrationOptions registration;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InvalidProtocolBufferException {
    if (registration.printedVersion(spec.commandLine().getOut())) {
      return 0;
    }
    if (name == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'NAME'");
    }
    DeclaredTask task = find(classPath.declaredTasks(), name);
    spec.commandLine().getOut().println(ModelJson.print(task.toTaskTemplate(registration.settings())));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** The task named {@code name}, or a one-line error suggesting the nearest name. */
  static DeclaredTask find(List<DeclaredTask> tasks, String name) {
    for (DeclaredTask task : tasks) {
      if (task.name().equals(name)) {
        return task;
      }
    }
    if (tasks.isEmpty()) {
      throw new CliException("no declared task named \"" + name + "\": no tasks are declared on the class path"
          + " (give task jars with --classpath or " + ClassPathOptions.ENVIRONMENT + ")");
    }
    String nearest = null;
    int best = Integer.MAX_VALUE;
    for (DeclaredTask task : tasks) {
      int distance = distance(name, task.name());
      if (distance < best) {
        best = distance;
        nearest = task.name();
      }
    }
    throw new CliException("no declared task named \"" + name + "\"; did you mean \"" + nearest + "\"?"
        + " ('preflyte tasks' lists them)");
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
