package dev.preflyte.runtime.task;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralContext;
import dev.preflyte.runtime.literal.NamedLiterals;
import java.util.SortedSet;

/**
 * The outputs of a task's local call, checked against its interface, decoded on demand. Files and
 * directories among them stay readable after the call.
 */
public final class LocalOutputs {

  private final NamedLiterals values;

  private LocalOutputs(LiteralMap literals, LiteralContext context) {
    this.values = NamedLiterals.of("output", literals, context);
  }

  /** Wraps what a local run produced; {@code context} is where files among them are read from. */
  public static LocalOutputs of(LiteralMap literals, LiteralContext context) {
    return new LocalOutputs(literals, context);
  }

  /** The names of all outputs, sorted. */
  public SortedSet<String> names() {
    return values.names();
  }

  /**
   * Decodes output {@code name} with {@code codec}.
   *
   * @throws IllegalArgumentException if the task has no output of that name (the message lists them)
   */
  public <T> T get(String name, LiteralCodec<T> codec) {
    return values.get(name, codec);
  }

  /** All outputs as literals, as {@code outputs.pb} would hold them. */
  public LiteralMap literals() {
    return values.literals();
  }
}
