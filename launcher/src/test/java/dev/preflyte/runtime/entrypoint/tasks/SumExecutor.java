package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;

/** Adds the integer inputs {@code a} and {@code b} into output {@code sum}. */
public class SumExecutor implements TaskExecutor {

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    long a = inputs.getLiteralsOrThrow("a").getScalar().getPrimitive().getInteger();
    long b = inputs.getLiteralsOrThrow("b").getScalar().getPrimitive().getInteger();
    return LiteralMap.newBuilder().putLiterals("sum", Literals.integer(a + b)).build();
  }
}
