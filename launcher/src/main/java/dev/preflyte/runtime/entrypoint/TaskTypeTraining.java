package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.Container;
import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
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
 *
 * <p>A declared task given {@link TrainingInputs} also runs for real, with its whole template and
 * those inputs, so its own code is archived too; it must succeed, or the training fails naming it.
 */
final class TaskTypeTraining {

  private TaskTypeTraining() {}

  /**
   * What a training run trained.
   *
   * @param executors every task type's executor name, in training order
   * @param onInputs the declared tasks that ran on their training inputs, sorted
   */
  record Trained(List<String> executors, List<String> onInputs) {}

  /** Trains every task type {@code loader} sees, and the declared tasks {@code inputs} has inputs for. */
  static Trained trainAll(ClassLoader loader, TrainingInputs inputs) {
    List<DeclaredTask> declared = declaredTasks(loader);
    Map<String, DeclaredTask> byName = new LinkedHashMap<>();
    declared.forEach(task -> byName.putIfAbsent(task.name(), task));
    inputs.checkDeclared(byName.keySet());
    for (String name : inputs.taskNames()) {
      trainOnInputs(loader, byName.get(name), inputs.forTrainingRun(name), inputs.fileOf(name), inputs.directory());
    }
    Map<String, TaskTemplate> templates = templates(loader, declared);
    for (Map.Entry<String, TaskTemplate> task : templates.entrySet()) {
      String executor = task.getKey();
      checkLoadable(loader, executor, executor);
      run(loader, executor, task.getValue(), LiteralMap.getDefaultInstance(), executor, List.of());
    }
    return new Trained(List.copyOf(templates.keySet()), List.copyOf(inputs.taskNames()));
  }

  private static List<DeclaredTask> declaredTasks(ClassLoader loader) {
    try {
      return DeclaredTasks.load(loader);
    } catch (DeclaredTaskException e) {
      throw new TrainingException("the declared tasks cannot be loaded: " + e.getMessage(), e);
    }
  }

  /** Executor name to template: the declared tasks' own templates, then bare ones for the rest. */
  private static Map<String, TaskTemplate> templates(ClassLoader loader, List<DeclaredTask> declared) {
    Map<String, TaskTemplate> templates = new LinkedHashMap<>();
    for (DeclaredTask task : declared) {
      String executor = task.task().executorName();
      if (!templates.containsKey(executor)) {
        templates.put(executor, withoutInputs(template(task)));
      }
    }
    for (String executor : new ArrayList<>(ExecutorRegistry.registeredNames(loader))) {
      templates.putIfAbsent(executor, bareTemplate(executor));
    }
    return templates;
  }

  private static TaskTemplate template(DeclaredTask task) {
    try {
      return task.toTaskTemplate(RegistrationSettings.local());
    } catch (RuntimeException e) {
      throw new TrainingException("task " + task.declaration() + " cannot be trained: its template cannot be built: "
          + e, e);
    }
  }

  /**
   * Runs {@code task} for real on {@code inputs}, which may name data in {@code dataFolder}, the
   * training inputs folder; its failure fails the training.
   */
  private static void trainOnInputs(ClassLoader loader, DeclaredTask task, LiteralMap inputs, Path file,
      Path dataFolder) {
    String executor = task.task().executorName();
    checkLoadable(loader, executor, task.name());
    ContainerError error = run(loader, executor, template(task), inputs, task.name(), List.of(dataFolder));
    if (error != null) {
      throw new TrainingException("task " + task.name() + " failed on its training inputs " + file + ": "
          + error.getCode() + ": " + ErrorDocuments.firstLine(error.getMessage()).strip() + ". Fix the inputs, or remove the file to train"
          + " the task without running it");
    }
  }

  private static void checkLoadable(ClassLoader loader, String executor, String task) {
    try {
      ExecutorRegistry.find(executor, loader);
    } catch (ExecutorLoadException e) {
      throw new TrainingException("task " + task + " cannot be trained: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code executor} on {@code template} and {@code inputs} in a scratch folder, as
   * preflyte-execute would; returns the error it recorded in error.pb, or null when it wrote outputs.pb.
   */
  private static ContainerError run(ClassLoader loader, String executor, TaskTemplate template, LiteralMap inputs,
      String task, List<Path> dataFolders) {
    Path dir;
    try {
      dir = ScratchDirectories.create("preflyte-training-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.write(dir.resolve("task.pb"), template.toByteArray());
      Files.write(dir.resolve("inputs.pb"), inputs.toByteArray());
      int exit = StartupTraining.run(dir, loader, executor, "out", dataFolders);
      if (exit == 0 && Files.exists(dir.resolve("out/outputs.pb"))) {
        return null;
      }
      if (exit != 0 || !Files.exists(dir.resolve("out/error.pb"))) {
        throw new TrainingException("task " + task + " cannot be trained: its run exited with " + exit
            + " and wrote neither outputs.pb nor error.pb");
      }
      return ErrorDocument.parseFrom(Files.readAllBytes(dir.resolve("out/error.pb"))).getError();
    } catch (IOException e) {
      throw new TrainingException("task " + task + " cannot be trained: " + e, e);
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
