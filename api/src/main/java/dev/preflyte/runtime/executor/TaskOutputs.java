package dev.preflyte.runtime.executor;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralContext;
import dev.preflyte.runtime.literal.LiteralConversionException;
import dev.preflyte.runtime.literal.NamedValues;

/**
 * A task's outputs before encoding: typed values with their codecs, or ready literals.
 *
 * <p>Values are encoded only in {@link #toLiteralMap}, where storage is at hand for files and
 * datasets. Tasks with a dynamic interface return it from {@code execute}.
 */
public final class TaskOutputs {

  private final NamedValues values = NamedValues.create("output");

  private TaskOutputs() {}

  /** An empty set of outputs. */
  public static TaskOutputs create() {
    return new TaskOutputs();
  }

  /**
   * {@code result} if {@code execute} returned one; else the output mismatch that names what is
   * missing. One rule for every shape: a null where outputs are due is the task's mistake, reported
   * as {@code USER:OutputMismatch}, never a NullPointerException.
   *
   * @param method the method that returned it, for example {@code "WordStats.execute"}
   * @param outputs the outputs {@code result} holds; none for a dynamic task's {@code TaskOutputs}
   */
  public static <T> T requireResult(T result, String method, String... outputs) {
    if (result != null) {
      return result;
    }
    String which = outputs.length == 0 ? "outputs" : "outputs " + String.join(", ", outputs);
    throw LiteralConversionException.ofVariables("output",
        which + ": " + method + " returned null: return a value" + (outputs.length == 0 ? "" : " holding them"));
  }

  /** Adds output {@code name}, encoded with {@code codec}. */
  public <T> TaskOutputs put(String name, LiteralCodec<T> codec, T value) {
    values.put(name, codec, value);
    return this;
  }

  /** Adds output {@code name} as an already encoded literal. */
  public TaskOutputs putLiteral(String name, Literal literal) {
    values.putLiteral(name, literal);
    return this;
  }

  /** Encodes every output. */
  public LiteralMap toLiteralMap(LiteralContext context) {
    return values.toLiteralMap(context);
  }
}
