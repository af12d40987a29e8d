package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;

/**
 * Converts one Java type to Flyte literals and back, and names the Flyte type it uses.
 *
 * <p>Obtain codecs from {@link LiteralCodecs}; they are immutable and thread-safe.
 *
 * @param <T> the Java type
 */
public interface LiteralCodec<T> {

  /** The Flyte type this codec writes and accepts, as it appears in a task interface. */
  LiteralType literalType();

  /**
   * Encodes a Java value.
   *
   * @throws LiteralConversionException if the value cannot be represented (for example a null where
   *     the type is not optional)
   */
  Literal encode(T value, LiteralContext context);

  /**
   * Decodes a literal.
   *
   * @throws LiteralConversionException if the literal does not hold a value of this codec's type; the
   *     message names the expected and the actual type
   */
  T decode(Literal literal, LiteralContext context);
}
