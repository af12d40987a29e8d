package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;

/** Returns the template's {@code custom.greeting} followed by input {@code name}: config comes from the template only. */
public class CustomEchoExecutor implements TaskExecutor {

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    String greeting = template.getCustom().getFieldsOrThrow("greeting").getStringValue();
    String name = inputs.getLiteralsOrThrow("name").getScalar().getPrimitive().getStringValue();
    return LiteralMap.newBuilder().putLiterals("message", Literals.string(greeting + ", " + name)).build();
  }
}
