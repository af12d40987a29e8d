package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;

/** An executor the registry cannot instantiate. */
public class NoDefaultConstructorExecutor implements TaskExecutor {

  public NoDefaultConstructorExecutor(String unused) {}

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    return LiteralMap.getDefaultInstance();
  }
}
