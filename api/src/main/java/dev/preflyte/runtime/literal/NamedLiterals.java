package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Named literals decoded on demand with a codec each: an executor's inputs, or the outputs of a
 * local call.
 */
public final class NamedLiterals {

  private final String role;
  private final LiteralMap literals;
  private final LiteralContext context;

  private NamedLiterals(String role, LiteralMap literals, LiteralContext context) {
    this.role = role;
    this.literals = literals;
    this.context = context;
  }

  /** {@code role} ({@code "input"} or {@code "output"}) names the values in messages. */
  public static NamedLiterals of(String role, LiteralMap literals, LiteralContext context) {
    return new NamedLiterals(Objects.requireNonNull(role, "role"), Objects.requireNonNull(literals, "literals"),
        context);
  }

  /** The names of all values, sorted. */
  public SortedSet<String> names() {
    return new TreeSet<>(literals.getLiteralsMap().keySet());
  }

  /** The literal of {@code name}. */
  public Literal literal(String name) {
    Literal literal = literals.getLiteralsMap().get(name);
    if (literal == null) {
      throw new IllegalArgumentException("no " + role + " named '" + name + "'; " + role + "s: " + names());
    }
    return literal;
  }

  /**
   * Decodes {@code name} with {@code codec}.
   *
   * @throws LiteralConversionException naming the value, the expected and the actual type
   */
  public <T> T get(String name, LiteralCodec<T> codec) {
    Literal literal = literal(name);
    try {
      return codec.decode(literal, context);
    } catch (LiteralConversionException e) {
      throw e.forVariable(role, name);
    }
  }

  /** All values as literals. */
  public LiteralMap literals() {
    return literals;
  }
}
