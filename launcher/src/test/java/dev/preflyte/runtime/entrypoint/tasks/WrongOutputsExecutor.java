package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;

/** Declares {@code sum: INTEGER} in its template but returns a string. */
public class WrongOutputsExecutor implements TaskExecutor {

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    return LiteralMap.newBuilder().putLiterals("sum", Literals.string("three")).build();
  }
}
