package dev.preflyte.runtime.executor;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Variable;
import dev.preflyte.idl.core.VariableMap;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralContext;
import dev.preflyte.runtime.literal.LiteralConversionException;
import dev.preflyte.runtime.literal.NamedLiterals;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A task's inputs as the executor receives them, checked against the template's declared inputs.
 *
 * <p>Generated executors use it to decode typed parameters; tasks with a dynamic interface (declared
 * per task instance, like SQL tasks) take it as their {@code execute} parameter.
 */
public final class TaskInputs {

  private final NamedLiterals values;
  private final Map<String, Variable> declared;

  private TaskInputs(LiteralMap literals, Map<String, Variable> declared, LiteralContext context) {
    this.values = NamedLiterals.of("input", literals, context);
    this.declared = declared;
  }

  /**
   * Wraps {@code literals}, checking that it holds exactly the declared inputs.
   *
   * @throws LiteralConversionException naming the first missing or undeclared input
   */
  public static TaskInputs of(LiteralMap literals, VariableMap declared, LiteralContext context) {
    Map<String, Variable> variables = declared.getVariablesMap();
    for (String name : new TreeSet<>(variables.keySet())) {
      if (!literals.containsLiterals(name)) {
        throw new LiteralConversionException(
            "input '" + name + "' is declared by the task but missing from the inputs: pass a value for it");
      }
    }
    for (String name : new TreeSet<>(literals.getLiteralsMap().keySet())) {
      if (!variables.containsKey(name)) {
        throw new LiteralConversionException(
            "input '" + name + "' is not declared by the task (declared: " + new TreeSet<>(variables.keySet())
                + "): remove it or fix its name");
      }
    }
    return new TaskInputs(literals, variables, context);
  }

  /** The names of all inputs, sorted. */
  public SortedSet<String> names() {
    return new TreeSet<>(declared.keySet());
  }

  /** The declared type and description of input {@code name}. */
  public Optional<Variable> variable(String name) {
    return Optional.ofNullable(declared.get(name));
  }

  /** The raw literal of input {@code name}. */
  public Literal literal(String name) {
    return values.literal(name);
  }

  /**
   * Decodes input {@code name} with {@code codec}.
   *
   * @throws LiteralConversionException naming the input, the expected and the actual type
   */
  public <T> T get(String name, LiteralCodec<T> codec) {
    return values.get(name, codec);
  }

  /** All inputs as literals. */
  public LiteralMap literals() {
    return values.literals();
  }
}
