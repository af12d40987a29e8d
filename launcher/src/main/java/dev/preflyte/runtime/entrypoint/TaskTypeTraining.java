package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.Container;
import dev.preflyte.idl.core.Identifier;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.ResourceType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.core.VariableMap;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.DeclaredTaskException;
import dev.preflyte.runtime.registry.DeclaredTasks;
import dev.preflyte.runtime.registry.ExecutorLoadException;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every task type on a class path once through {@link ExecuteCommand}, so that a training run
 * archives its executor, its configuration codecs and what its template needs.
 *
 * <p>Each declared task runs with its own template and configuration, each executor registered
 * without a declared task with a bare template. Inputs are never made up: the executor is called
 * with none and a template that declares none, so it decodes its configuration and then fails on its
 * first input, before the task's own code runs; that failure is written to {@code error.pb} as any
 * run's would be. A task type with no inputs runs for real. A task type that cannot be loaded, or
 * whose run writes neither {@code outputs.pb} nor {@code error.pb}, fails the training.
 */
final class TaskTypeTraining {

  /** Why a training run cannot make an archive; the message names the task and the fix. */
  static final class TrainingException extends RuntimeException {
    TrainingException(String message) {
      super(message);
    }

    TrainingException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private TaskTypeTraining() {}

  /** Trains every task type {@code loader} sees; returns their executor names, in training order. */
  static List<String> trainAll(ClassLoader loader) {
    Map<String, TaskTemplate> templates = templates(loader);
    for (Map.Entry<String, TaskTemplate> task : templates.entrySet()) {
      train(loader, task.getKey(), task.getValue());
    }
    return List.copyOf(templates.keySet());
  }

  /** Executor name to template: the declared tasks' own templates, then bare ones for the rest. */
  private static Map<String, TaskTemplate> templates(ClassLoader loader) {
    Map<String, TaskTemplate> templates = new LinkedHashMap<>();
    List<DeclaredTask> declared;
    try {
      declared = DeclaredTasks.load(loader);
    } catch (DeclaredTaskException e) {
      throw new TrainingException("the declared tasks cannot be loaded: " + e.getMessage(), e);
    }
    for (DeclaredTask task : declared) {
      String executor = task.task().executorName();
      if (!templates.containsKey(executor)) {
        TaskTemplate template;
        try {
          template = task.toTaskTemplate(RegistrationSettings.local());
        } catch (RuntimeException e) {
          throw new TrainingException("task " + task.declaration() + " cannot be trained: its template cannot be built: "
              + e, e);
        }
        templates.put(executor, withoutInputs(template));
      }
    }
    for (String executor : new ArrayList<>(ExecutorRegistry.registeredNames(loader))) {
      templates.putIfAbsent(executor, bareTemplate(executor));
    }
    return templates;
  }

  private static void train(ClassLoader loader, String executor, TaskTemplate template) {
    try {
      ExecutorRegistry.find(executor, loader);
    } catch (ExecutorLoadException e) {
      throw new TrainingException("task " + executor + " cannot be trained: " + e.getMessage(), e);
    }
    Path dir;
    try {
      dir = ScratchDirectories.create("preflyte-training-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.write(dir.resolve("task.pb"), template.toByteArray());
      Files.write(dir.resolve("inputs.pb"), LiteralMap.getDefaultInstance().toByteArray());
      int exit = StartupTraining.run(dir, loader, executor, "out");
      if (exit != 0 || !(Files.exists(dir.resolve("out/outputs.pb")) || Files.exists(dir.resolve("out/error.pb")))) {
        throw new TrainingException("task " + executor + " cannot be trained: its run exited with " + exit
            + " and wrote neither outputs.pb nor error.pb");
      }
    } catch (IOException e) {
      throw new TrainingException("task " + executor + " cannot be trained: " + e, e);
    } finally {
      ScratchDirectories.deleteQuietly(dir);
    }
  }

  /** The template with no inputs declared: the executor is reached, and stops at its first input. */
  private static TaskTemplate withoutInputs(TaskTemplate template) {
    return template.toBuilder()
        .setInterface(template.getInterface().toBuilder().setInputs(VariableMap.getDefaultInstance()))
        .build();
  }

  private static TaskTemplate bareTemplate(String executor) {
    return TaskTemplate.newBuilder()
        .setId(Identifier.newBuilder().setResourceType(ResourceType.TASK).setName(executor).setVersion("training"))
        .setType("training")
        .setContainer(Container.newBuilder().setImage("training").addArgs("preflyte-execute"))
        .build();
  }
}
