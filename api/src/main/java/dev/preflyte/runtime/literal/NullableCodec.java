package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;

/** A nullable T as a union of T and none (see {@link UnionWithNone}); {@code null} is none. */
final class NullableCodec<T> extends FlyteCodec<T> {

  private final FlyteCodec<T> value;
  private final UnionWithNone union;

  private NullableCodec(FlyteCodec<T> value, UnionWithNone union) {
    super(union.unionType());
    this.value = value;
    this.union = union;
  }

  static <T> NullableCodec<T> of(FlyteCodec<T> value) {
    return new NullableCodec<>(value, new UnionWithNone(value));
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
  T absentValue() {
    return null;
  }

  @Override
  public Literal encode(T nullable, LiteralContext context) {
    return nullable == null ? UnionWithNone.NONE_LITERAL : union.wrap(value.encode(nullable, context));
  }

  @Override
  public T decode(Literal literal, LiteralContext context) {
    Literal resolved = Literals.resolve(literal, context);
    if (value instanceof StructCodec<?> struct && resolved.hasScalar() && resolved.getScalar().hasUnion()) {
      struct.checkDeclared(resolved.getScalar().getUnion().getType());
    }
    Literal inner = UnionWithNone.unwrap(resolved);
    if (inner != null && UnionWithNone.isMsgPack(inner)) {
      return fromPlain(MsgPackBinary.read(inner.getScalar().getBinary()), context);
    }
    return inner == null ? null : value.decode(inner, context);
  }

  @Override
  Object toPlain(T nullable, LiteralContext context) {
    return nullable == null ? null : value.toPlain(nullable, context);
  }

  @Override
  T fromPlain(Object plain, LiteralContext context) {
    return plain == null ? null : value.fromPlain(plain, context);
  }
}
