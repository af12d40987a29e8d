package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;

/** Registered only as a service provider, as in a named module; returns no outputs. */
public class ProvidedExecutor implements TaskExecutor {

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    return LiteralMap.getDefaultInstance();
  }
}
