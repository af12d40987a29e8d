package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import java.util.Optional;

/** {@code Optional<T>} as a union of T and none (see {@link UnionWithNone}). */
final class OptionalCodec<T> extends FlyteCodec<Optional<T>> {

  private final FlyteCodec<T> value;
  private final UnionWithNone union;

  OptionalCodec(FlyteCodec<T> value, UnionWithNone union) {
    super(union.unionType());
    this.value = value;
    this.union = union;
  }

  static <T> OptionalCodec<T> of(FlyteCodec<T> value) {
    return new OptionalCodec<>(value, new UnionWithNone(value));
  }

  @Override
  String unionTag() {
    return "Typed Union";
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
    if (optional == null || optional.isEmpty()) {
      return UnionWithNone.NONE_LITERAL;
    }
    return union.wrap(value.encode(optional.get(), context));
  }

  @Override
  public Optional<T> decode(Literal literal, LiteralContext context) {
    Literal inner = UnionWithNone.unwrap(Literals.resolve(literal, context));
    if (inner != null && UnionWithNone.isMsgPack(inner)) {
      return fromPlain(MsgPackBinary.read(inner.getScalar().getBinary()), context);
    }
    return inner == null ? Optional.empty() : Optional.of(value.decode(inner, context));
  }

  @Override
  Object toPlain(Optional<T> optional, LiteralContext context) {
    return optional == null || optional.isEmpty() ? null : value.toPlain(optional.get(), context);
  }

  @Override
  Optional<T> fromPlain(Object plain, LiteralContext context) {
    return plain == null ? Optional.empty() : Optional.of(value.fromPlain(plain, context));
  }
}
