package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TypeStructure;
import dev.preflyte.idl.core.Union;
import dev.preflyte.idl.core.UnionType;
import dev.preflyte.idl.core.Void;

/**
 * The Flyte shape of an optional value, as flytekit writes {@code Optional[T]}: the type {@code
 * union_type{variants: [T + structure.tag, NONE + structure.tag "none"]}}, the literal {@code
 * Scalar.union{value, type}} where {@code type} is the chosen variant.
 *
 * <p>Each variant carries flytekit's transformer name as tag ("int", "str", ...): flytekit picks the
 * Python type by it when reading a union, and Flyte's type checker refuses to connect a tagged
 * upstream variant to a variant with a different tag.
 */
final class UnionWithNone {

  /** The tag flytekit's NoneTransformer writes. */
  static final String NONE_TAG = "none";

  static final LiteralType NONE_VARIANT = LiteralType.newBuilder()
      .setSimple(SimpleType.NONE)
      .setStructure(TypeStructure.newBuilder().setTag(NONE_TAG))
      .build();

  static final Literal NONE_LITERAL = Literal.newBuilder()
      .setScalar(Scalar.newBuilder().setUnion(Union.newBuilder()
          .setValue(Literal.newBuilder().setScalar(Scalar.newBuilder().setNoneType(Void.getDefaultInstance())))
          .setType(NONE_VARIANT)))
      .build();

  private final LiteralType valueVariant;
  private final LiteralType unionType;

  UnionWithNone(LiteralCodec<?> value) {
    LiteralType valueType = value.literalType();
    if (valueType.hasUnionType()) {
      throw new IllegalArgumentException("the type " + LiteralTypes.describe(valueType)
          + " is already a union: do not wrap an Optional or nullable type in another");
    }
    String tag = value instanceof FlyteCodec<?> known ? known.unionTag() : "";
    LiteralType variantType = value instanceof FlyteCodec<?> known ? known.unionVariantType() : valueType;
    // flytekit replaces the variant's structure with one holding only the tag: a struct variant keeps
    // its schema and annotation but not its dataclass_type.
    this.valueVariant = tag.isEmpty() ? variantType
        : variantType.toBuilder().setStructure(TypeStructure.newBuilder().setTag(tag)).build();
    this.unionType = LiteralType.newBuilder()
        .setUnionType(UnionType.newBuilder().addVariants(valueVariant).addVariants(NONE_VARIANT))
        .build();
  }

  LiteralType unionType() {
    return unionType;
  }

  /** A present value, wrapped in a union literal naming the value's variant. */
  Literal wrap(Literal value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setUnion(Union.newBuilder().setValue(value).setType(valueVariant)))
        .build();
  }

  /**
   * The literal inside a union, or {@code null} for none. A bare literal (not a union) is accepted too:
   * a Void scalar is none, anything else is the value itself, as Flyte may pass a value of the variant
   * type without wrapping it.
   */
  static Literal unwrap(Literal literal) {
    Literal inner = literal;
    if (literal.hasScalar() && literal.getScalar().hasUnion()) {
      inner = literal.getScalar().getUnion().getValue();
    }
    if (inner.hasScalar() && inner.getScalar().hasNoneType()) {
      return null;
    }
    return inner;
  }

  /**
   * Whether {@code literal} is a msgpack Binary, as propeller passes an attribute of a dataclass output
   * ({@code dc.maybe}); its nil is none, so it is read as a plain value rather than by the value codec.
   */
  static boolean isMsgPack(Literal literal) {
    return literal.hasScalar() && MsgPackBinary.isMsgPack(literal.getScalar());
  }
}
