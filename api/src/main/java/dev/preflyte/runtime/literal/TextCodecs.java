package dev.preflyte.runtime.literal;

import dev.preflyte.conventions.TextRules;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.SimpleType;

/** STRING and BOOLEAN codecs. */
final class TextCodecs {

  static final StringCodec STRING = new StringCodec();
  static final BoolCodec BOOL = new BoolCodec();

  private TextCodecs() {}

  /** {@code String} as STRING. */
  static final class StringCodec extends PrimitiveCodec<String> {
    StringCodec() {
      super(SimpleType.STRING, "str");
    }

    @Override
    Primitive toPrimitive(String value) {
      String problem = TextRules.problem(value);
      if (problem != null) {
        throw new LiteralConversionException("expected STRING, but " + problem);
      }
      return Primitive.newBuilder().setStringValue(value).build();
    }

    @Override
    String fromPrimitive(Primitive primitive, Literal literal) {
      if (primitive.getValueCase() != Primitive.ValueCase.STRING_VALUE) {
        throw mismatch(literal);
      }
      return primitive.getStringValue();
    }

    @Override
    Object toPlain(String value, LiteralContext context) {
      return requireNonNull(value);
    }

    @Override
    String fromPlain(Object plain, LiteralContext context) {
      if (plain instanceof String s) {
        return s;
      }
      throw mismatchPlain(plain);
    }
  }

  /** {@code boolean} as BOOLEAN. */
  static final class BoolCodec extends PrimitiveCodec<Boolean> {
    BoolCodec() {
      super(SimpleType.BOOLEAN, "bool");
    }

    @Override
    Primitive toPrimitive(Boolean value) {
      return Primitive.newBuilder().setBoolean(value).build();
    }

    @Override
    Boolean fromPrimitive(Primitive primitive, Literal literal) {
      if (primitive.getValueCase() != Primitive.ValueCase.BOOLEAN) {
        throw mismatch(literal);
      }
      return primitive.getBoolean();
    }

    @Override
    Object toPlain(Boolean value, LiteralContext context) {
      return requireNonNull(value);
    }

    @Override
    Boolean fromPlain(Object plain, LiteralContext context) {
      if (plain instanceof Boolean b) {
        return b;
      }
      throw mismatchPlain(plain);
    }
  }
}
