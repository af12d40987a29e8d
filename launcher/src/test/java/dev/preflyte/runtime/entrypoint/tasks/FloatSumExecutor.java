package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;

/**
 * Runs flytesnacks' {@code calc_sum(a: float, b: float) -> float} from its real template: reads FLOAT
 * inputs (or INTEGER ones, which flytekit accepts for a float) and writes {@code o0}.
 */
public class FloatSumExecutor implements TaskExecutor {

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    double sum = number(inputs.getLiteralsOrThrow("a")) + number(inputs.getLiteralsOrThrow("b"));
    return LiteralMap.newBuilder().putLiterals("o0", Literals.floating(sum)).build();
  }

  private static double number(Literal literal) {
    Primitive primitive = literal.getScalar().getPrimitive();
    return primitive.getValueCase() == Primitive.ValueCase.INTEGER ? primitive.getInteger() : primitive.getFloatValue();
  }
}
