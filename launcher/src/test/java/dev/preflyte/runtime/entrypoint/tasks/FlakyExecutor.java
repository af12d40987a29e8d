package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.RecoverableException;
import dev.preflyte.runtime.executor.TaskExecutor;

/** Fails with a failure the task marks as worth retrying. */
public class FlakyExecutor implements TaskExecutor {

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    throw new RecoverableException("database is busy, try again");
  }
}
