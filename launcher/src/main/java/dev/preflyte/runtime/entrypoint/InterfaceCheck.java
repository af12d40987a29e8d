package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Variable;
import dev.preflyte.idl.core.VariableMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Checks a literal map against one side of a task interface: exactly the declared names and types. */
public final class InterfaceCheck {

  private InterfaceCheck() {}

  /**
   * @throws InterfaceMismatchException naming the first missing, undeclared or mistyped variable
   */
  public static void check(LiteralMap literals, VariableMap declared, InterfaceMismatchException.Side side) {
    Map<String, Variable> variables = declared.getVariablesMap();
    Map<String, Literal> values = literals.getLiteralsMap();
    String word = side.word();
    for (String name : new TreeSet<>(variables.keySet())) {
      if (!values.containsKey(name)) {
        throw new InterfaceMismatchException(side,
            word + " '" + name + "' is declared by the task but missing (got " + new TreeSet<>(values.keySet())
                + "): " + fix(side));
      }
    }
    for (String name : new TreeSet<>(values.keySet())) {
      if (!variables.containsKey(name)) {
        throw new InterfaceMismatchException(side,
            word + " '" + name + "' is not declared by the task (declared: " + new TreeSet<>(variables.keySet())
                + "): " + fix(side));
      }
    }
    for (String name : new TreeSet<>(variables.keySet())) {
      // Inputs are matched as the task's decoding reads them; outputs must be exactly what is declared.
      LiteralTypeCheck.Mode mode = side == InterfaceMismatchException.Side.INPUT
          ? LiteralTypeCheck.Mode.AS_INPUT : LiteralTypeCheck.Mode.EXACT;
      Optional<String> mismatch = LiteralTypeCheck.mismatch(values.get(name), variables.get(name).getType(), mode);
      if (mismatch.isPresent()) {
        throw new InterfaceMismatchException(side, word + " '" + name + "': " + mismatch.get() + ": " + fix(side));
      }
    }
  }

  private static String fix(InterfaceMismatchException.Side side) {
    return side == InterfaceMismatchException.Side.INPUT
        ? "pass inputs that match the task's interface"
        : "make the executor return exactly the outputs the task's interface declares";
  }
}
