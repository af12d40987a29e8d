package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;

/**
 * The base of every codec in this package. Besides literals, it converts values to and from the plain
 * values a struct holds (see {@link PlainValues}), so the same codec serves a task parameter, a list
 * element and a record field, and it knows the variant tag flytekit writes for its type in a union.
 */
abstract class FlyteCodec<T> implements LiteralCodec<T> {

  private final LiteralType literalType;

  FlyteCodec(LiteralType literalType) {
    this.literalType = literalType;
  }

  @Override
  public final LiteralType literalType() {
    return literalType;
  }

  /**
   * The name of the flytekit type transformer for this type, which flytekit writes as {@code
   * structure.tag} of a union variant and matches when it reads a union; empty when flytekit has none.
   */
  abstract String unionTag();

  /**
   * The type this codec's values take as a union variant, before the tag is added: its own type,
   * unless flytekit declares the variant differently (a dataset of the default format).
   */
  LiteralType unionVariantType() {
    return literalType;
  }

  /** Whether {@code null} (or an empty Optional) is a value of this type. */
  boolean isNullable() {
    return false;
  }

  /** The Java value a missing or nil struct field decodes to; only for nullable codecs. */
  T absentValue() {
    throw new IllegalStateException(describeType() + " has no absent value");
  }

  /** The value as a plain value: null, Boolean, Long, BigInteger, Double, String, byte[], List, Map. */
  abstract Object toPlain(T value, LiteralContext context);

  /** The Java value from a plain value read from msgpack or a protobuf Struct. */
  abstract T fromPlain(Object plain, LiteralContext context);

  final String describeType() {
    return LiteralTypes.describe(literalType);
  }

  final LiteralConversionException mismatch(Literal actual) {
    return Mismatch.literal(literalType, actual);
  }

  final LiteralConversionException mismatchPlain(Object actual) {
    return Mismatch.plain(literalType, actual);
  }

  final <V> V requireNonNull(V value) {
    if (value == null) {
      throw Mismatch.nullValue(literalType);
    }
    return value;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + describeType() + "]";
  }
}
