package dev.preflyte.runtime.task;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralContext;
import dev.preflyte.runtime.literal.NamedValues;

/**
 * The inputs of a task's local call, as Java values with their codecs. They are encoded by the local
 * run, where storage is at hand: a {@code FlyteFile} of a local path is uploaded as on the cluster.
 */
public final class LocalInputs {

  private final NamedValues values = NamedValues.create("input");

  private LocalInputs() {}

  /** No inputs yet. */
  public static LocalInputs create() {
    return new LocalInputs();
  }

  /** Adds input {@code name}, encoded with {@code codec}. */
  public <T> LocalInputs put(String name, LiteralCodec<T> codec, T value) {
    values.put(name, codec, value);
    return this;
  }

  /** Adds input {@code name} as an already encoded literal. */
  public LocalInputs putLiteral(String name, Literal literal) {
    values.putLiteral(name, literal);
    return this;
  }

  /** Encodes every input; called by the local runner. */
  public LiteralMap toLiteralMap(LiteralContext context) {
    return values.toLiteralMap(context);
  }
}
