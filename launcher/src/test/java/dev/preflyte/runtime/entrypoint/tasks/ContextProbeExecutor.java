package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;

/** Returns what its context holds, as strings, so tests can see how the entrypoint built it. */
public class ContextProbeExecutor implements TaskExecutor {

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    String execution = context.executionId()
        .map(id -> id.getProject() + "/" + id.getDomain() + "/" + id.getName()).orElse("none");
    String task = context.taskId().getProject() + "/" + context.taskId().getDomain() + "/"
        + context.taskId().getName() + "@" + context.taskId().getVersion();
    return LiteralMap.newBuilder()
        .putLiterals("execution", Literals.string(execution))
        .putLiterals("task", Literals.string(task))
        .putLiterals("attempt", Literals.string(Integer.toString(context.attemptNumber())))
        .putLiterals("raw", Literals.string(context.rawOutputPrefix()
            + (context.rawOutputPrefix().contains("://") || Files.isDirectory(Path.of(context.rawOutputPrefix()))
                ? "" : " (missing)")))
        .putLiterals("checkpoint", Literals.string(context.checkpointPrefix().orElse("none")))
        .putLiterals("previous", Literals.string(context.previousCheckpointPrefix().orElse("none")))
        .putLiterals("workdir", Literals.string(context.workingDirectory().toString()
            + (Files.isDirectory(context.workingDirectory()) ? "" : " (missing)")))
        .build();
  }
}
