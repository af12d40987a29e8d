package dev.preflyte.runtime.executor;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralContext;
import dev.preflyte.runtime.literal.LiteralConversionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's outputs before encoding: typed values with their codecs, or ready literals.
 *
 * <p>Values are encoded only in {@link #toLiteralMap}, where storage is at hand for files and
 * datasets. Tasks with a dynamic interface return it from {@code execute}.
 */
public final class TaskOutputs {

  private final Map<String, Pending<?>> values = new LinkedHashMap<>();

  private TaskOutputs() {}

  /** An empty set of outputs. */
  public static TaskOutputs create() {
    return new TaskOutputs();
  }

  /** Adds output {@code name}, encoded with {@code codec}. */
  public <T> TaskOutputs put(String name, LiteralCodec<T> codec, T value) {
    checkNew(name);
    values.put(name, new Pending<>(codec, value, null));
    return this;
  }

  /** Adds output {@code name} as an already encoded literal. */
  public TaskOutputs putLiteral(String name, Literal literal) {
    checkNew(name);
    values.put(name, new Pending<>(null, null, literal));
    return this;
  }

  /** Encodes every output. */
  public LiteralMap toLiteralMap(LiteralContext context) {
    LiteralMap.Builder map = LiteralMap.newBuilder();
    values.forEach((name, pending) -> map.putLiterals(name, pending.encode(name, context)));
    return map.build();
  }

  private void checkNew(String name) {
    if (values.containsKey(name)) {
      throw new IllegalArgumentException("output '" + name + "' was set twice");
    }
  }

  private record Pending<T>(LiteralCodec<T> codec, T value, Literal literal) {
    Literal encode(String name, LiteralContext context) {
      if (literal != null) {
        return literal;
      }
      try {
        return codec.encode(value, context);
      } catch (LiteralConversionException e) {
        throw e.forVariable("output", name);
      }
    }
  }
}
