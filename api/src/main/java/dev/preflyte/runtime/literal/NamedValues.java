package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Named Java values with their codecs, encoded together once a {@link LiteralContext} is at hand
 * (files and datasets are uploaded then): an executor's outputs, or the inputs of a local call.
 */
public final class NamedValues {

  private final String role;
  private final Map<String, Pending<?>> values = new LinkedHashMap<>();

  private NamedValues(String role) {
    this.role = role;
  }

  /** An empty set; {@code role} ({@code "input"} or {@code "output"}) names the values in messages. */
  public static NamedValues create(String role) {
    return new NamedValues(Objects.requireNonNull(role, "role"));
  }

  /** Adds {@code name}, encoded with {@code codec}. */
  public <T> NamedValues put(String name, LiteralCodec<T> codec, T value) {
    checkNew(name);
    values.put(name, new Pending<>(Objects.requireNonNull(codec, "codec"), value, null));
    return this;
  }

  /** Adds {@code name} as an already encoded literal. */
  public NamedValues putLiteral(String name, Literal literal) {
    checkNew(name);
    values.put(name, new Pending<>(null, null, Objects.requireNonNull(literal, "literal")));
    return this;
  }

  /**
   * Encodes every value.
   *
   * @throws LiteralConversionException naming the value that cannot be encoded
   */
  public LiteralMap toLiteralMap(LiteralContext context) {
    LiteralMap.Builder map = LiteralMap.newBuilder();
    values.forEach((name, pending) -> map.putLiterals(name, pending.encode(role, name, context)));
    return map.build();
  }

  private void checkNew(String name) {
    if (values.containsKey(Objects.requireNonNull(name, "name"))) {
      throw new IllegalArgumentException(role + " '" + name + "' was set twice");
    }
  }

  private record Pending<T>(LiteralCodec<T> codec, T value, Literal literal) {
    Literal encode(String role, String name, LiteralContext context) {
      if (literal != null) {
        return literal;
      }
      try {
        return codec.encode(value, context);
      } catch (LiteralConversionException e) {
        throw e.forVariable(role, name);
      }
    }
  }
}
