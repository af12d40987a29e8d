package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import java.util.Objects;

/**
 * A {@link LiteralCodec} implemented outside this package, adapted so lists, maps and optionals can
 * hold it. It has no union tag and cannot be a struct field, as it knows nothing of plain values.
 */
final class ForeignCodec<T> extends FlyteCodec<T> {

  private final LiteralCodec<T> codec;

  private ForeignCodec(LiteralCodec<T> codec) {
    super(Objects.requireNonNull(codec.literalType(), "literalType() of " + codec));
    this.codec = codec;
  }

  /** {@code codec} itself if it is one of ours, else an adapter. */
  static <T> FlyteCodec<T> adapt(LiteralCodec<T> codec) {
    Objects.requireNonNull(codec, "codec");
    return codec instanceof FlyteCodec<T> own ? own : new ForeignCodec<>(codec);
  }

  @Override
  String unionTag() {
    return "";
  }

  @Override
  public Literal encode(T value, LiteralContext context) {
    return codec.encode(value, context);
  }

  @Override
  public T decode(Literal literal, LiteralContext context) {
    return codec.decode(literal, context);
  }

  @Override
  Object toPlain(T value, LiteralContext context) {
    throw notInStruct();
  }

  @Override
  T fromPlain(Object plain, LiteralContext context) {
    throw notInStruct();
  }

  private LiteralConversionException notInStruct() {
    return new LiteralConversionException("the codec " + codec.getClass().getName() + " for "
        + describeType() + " cannot convert a struct field: use a codec from LiteralCodecs");
  }
}
