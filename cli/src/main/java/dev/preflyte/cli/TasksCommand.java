package dev.preflyte.cli;

import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code preflyte tasks}: the declared tasks and the registered executors, one line each. */
@Command(name = "tasks", mixinStandardHelpOptions = true, versionProvider = Preflyte.Version.class,
    description = {"One line per declared task: 'task', name, task type, image, executor (tab-separated);",
        "then one line per registered executor: 'executor', name."})
final class TasksCommand implements Callable<Integer> {

  @Mixin ClassPathOptions classPath;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ClassLoader loader = classPath.loader();
    PrintWriter out = spec.commandLine().getOut();
    for (DeclaredTask task : dev.preflyte.runtime.registry.DeclaredTasks.load(loader)) {
      out.println(String.join("\t", "task", task.name(), task.task().taskType(), task.task().image(),
          task.task().executorName()));
    }
    for (String executor : ExecutorRegistry.registeredNames(loader)) {
      out.println("executor\t" + executor);
    }
    out.flush();
    return 0;
  }
}
