package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import java.util.Optional;

/**
 * {@code Optional<T>} as a union of T and none: the same literals as a nullable T, with empty in
 * place of {@code null}, so it delegates to {@link NullableCodec}.
 */
final class OptionalCodec<T> extends FlyteCodec<Optional<T>> {

  private final NullableCodec<T> nullable;

  private OptionalCodec(NullableCodec<T> nullable) {
    super(nullable.literalType());
    this.nullable = nullable;
  }

  static <T> OptionalCodec<T> of(FlyteCodec<T> value) {
    return new OptionalCodec<>(NullableCodec.of(value));
  }

  @Override
  String unionTag() {
    return nullable.unionTag();
  }

  @Override
  boolean isNullable() {
    return true;
  }

  @Override
  Optional<T> absentValue() {
    return Optional.empty();
  }

  @Override
  public Literal encode(Optional<T> optional, LiteralContext context) {
    return nullable.encode(orNull(optional), context);
  }

  @Override
  public Optional<T> decode(Literal literal, LiteralContext context) {
    return Optional.ofNullable(nullable.decode(literal, context));
  }

  @Override
  Object toPlain(Optional<T> optional, LiteralContext context) {
    return nullable.toPlain(orNull(optional), context);
  }

  @Override
  Optional<T> fromPlain(Object plain, LiteralContext context) {
    return Optional.ofNullable(nullable.fromPlain(plain, context));
  }

  /** A null Optional is treated as empty, as a missing value would be. */
  private static <T> T orNull(Optional<T> optional) {
    return optional == null ? null : optional.orElse(null);
  }
}
