package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.SimpleType;

/**
 * A codec for one of Flyte's simple types, written as {@code Scalar.primitive}. Also reads the msgpack
 * Binary propeller produces when a workflow passes one attribute of a dataclass output, e.g. {@code
 * dc.a}, to a task.
 */
abstract class PrimitiveCodec<T> extends FlyteCodec<T> {

  private final String unionTag;

  PrimitiveCodec(SimpleType simple, String unionTag) {
    super(LiteralType.newBuilder().setSimple(simple).build());
    this.unionTag = unionTag;
  }

  /** The primitive for a non-null value; throws if the value cannot be represented. */
  abstract Primitive toPrimitive(T value);

  /** The value of a primitive, or a mismatch error (see {@link #mismatch}) naming {@code literal}. */
  abstract T fromPrimitive(Primitive primitive, Literal literal);

  @Override
  final String unionTag() {
    return unionTag;
  }

  @Override
  public final Literal encode(T value, LiteralContext context) {
    Primitive primitive = toPrimitive(requireNonNull(value));
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(primitive)).build();
  }

  @Override
  public final T decode(Literal literal, LiteralContext context) {
    Literal resolved = Literals.resolve(literal, context);
    if (resolved.hasScalar()) {
      Scalar scalar = resolved.getScalar();
      if (scalar.hasPrimitive()) {
        return fromPrimitive(scalar.getPrimitive(), resolved);
      }
      if (MsgPackBinary.isMsgPack(scalar)) {
        return fromPlain(MsgPackBinary.read(scalar.getBinary()), context);
      }
    }
    throw mismatch(resolved);
  }
}
