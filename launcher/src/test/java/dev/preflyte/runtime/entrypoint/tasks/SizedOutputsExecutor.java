package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;

/** Outputs {@code small} and {@code big}: strings of as many characters as the inputs of the same names say. */
public class SizedOutputsExecutor implements TaskExecutor {

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    LiteralMap.Builder outputs = LiteralMap.newBuilder();
    for (String name : new String[] {"small", "big"}) {
      long length = inputs.getLiteralsOrThrow(name).getScalar().getPrimitive().getInteger();
      outputs.putLiterals(name, Literals.string("x".repeat(Math.toIntExact(length))));
    }
    return outputs.build();
  }
}
