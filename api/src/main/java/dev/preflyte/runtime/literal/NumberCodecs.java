package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.SimpleType;
import java.math.BigInteger;

/** INTEGER and FLOAT codecs for Java's integral and floating-point types. */
final class NumberCodecs {

  static final Int64Codec INT64 = new Int64Codec();
  static final Int32Codec INT32 = new Int32Codec();
  static final Float64Codec FLOAT64 = new Float64Codec();
  static final Float32Codec FLOAT32 = new Float32Codec();

  private NumberCodecs() {}

  /** {@code long} as INTEGER; Flyte's integer is a signed 64-bit value, so every long fits. */
  static final class Int64Codec extends PrimitiveCodec<Long> {
    Int64Codec() {
      super(SimpleType.INTEGER, "int");
    }

    @Override
    Primitive toPrimitive(Long value) {
      return Primitive.newBuilder().setInteger(value).build();
    }

    @Override
    Long fromPrimitive(Primitive primitive, Literal literal) {
      return integerOf(this, primitive, literal);
    }

    @Override
    Object toPlain(Long value, LiteralContext context) {
      return requireNonNull(value);
    }

    @Override
    Long fromPlain(Object plain, LiteralContext context) {
      Long exact = PlainValues.exactLong(plain);
      if (exact != null) {
        return exact;
      }
      throw inexact(this, plain);
    }
  }

  /** {@code int} as INTEGER; decoding rejects values outside int's range instead of wrapping them. */
  static final class Int32Codec extends PrimitiveCodec<Integer> {
    Int32Codec() {
      super(SimpleType.INTEGER, "int");
    }

    @Override
    Primitive toPrimitive(Integer value) {
      return Primitive.newBuilder().setInteger(value).build();
    }

    @Override
    Integer fromPrimitive(Primitive primitive, Literal literal) {
      return checkRange(integerOf(this, primitive, literal), LiteralTypes.describe(literal));
    }

    @Override
    Object toPlain(Integer value, LiteralContext context) {
      return requireNonNull(value).longValue();
    }

    @Override
    Integer fromPlain(Object plain, LiteralContext context) {
      Long exact = PlainValues.exactLong(plain);
      if (exact != null) {
        return checkRange(exact, PlainValues.describe(plain));
      }
      throw inexact(this, plain);
    }

    private static Integer checkRange(long value, String actual) {
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw new LiteralConversionException("expected INTEGER within int range [" + Integer.MIN_VALUE + ", "
            + Integer.MAX_VALUE + "], got " + actual + ": declare the parameter long");
      }
      return (int) value;
    }
  }

  /** {@code double} as FLOAT; an INTEGER literal is accepted too, as flytekit does. */
  static final class Float64Codec extends PrimitiveCodec<Double> {
    Float64Codec() {
      super(SimpleType.FLOAT, "float");
    }

    @Override
    Primitive toPrimitive(Double value) {
      return Primitive.newBuilder().setFloatValue(value).build();
    }

    @Override
    Double fromPrimitive(Primitive primitive, Literal literal) {
      switch (primitive.getValueCase()) {
        case FLOAT_VALUE:
          return primitive.getFloatValue();
        case INTEGER:
          return (double) primitive.getInteger();
        default:
          throw mismatch(literal);
      }
    }

    @Override
    Object toPlain(Double value, LiteralContext context) {
      return requireNonNull(value);
    }

    @Override
    Double fromPlain(Object plain, LiteralContext context) {
      if (plain instanceof Double d) {
        return d;
      }
      if (plain instanceof Long l) {
        return l.doubleValue();
      }
      if (plain instanceof BigInteger b) {
        return b.doubleValue();
      }
      throw mismatchPlain(plain);
    }
  }

  /**
   * {@code float} as FLOAT (Flyte has only 64-bit floats); decoding rejects finite values beyond
   * float's range instead of turning them into infinity.
   */
  static final class Float32Codec extends PrimitiveCodec<Float> {
    Float32Codec() {
      super(SimpleType.FLOAT, "float");
    }

    @Override
    Primitive toPrimitive(Float value) {
      return Primitive.newBuilder().setFloatValue(value.doubleValue()).build();
    }

    @Override
    Float fromPrimitive(Primitive primitive, Literal literal) {
      return narrow(FLOAT64.fromPrimitive(primitive, literal), LiteralTypes.describe(literal));
    }

    @Override
    Object toPlain(Float value, LiteralContext context) {
      return requireNonNull(value).doubleValue();
    }

    @Override
    Float fromPlain(Object plain, LiteralContext context) {
      return narrow(FLOAT64.fromPlain(plain, context), PlainValues.describe(plain));
    }

    private static Float narrow(double value, String actual) {
      if (Double.isFinite(value) && Math.abs(value) > Float.MAX_VALUE) {
        throw new LiteralConversionException("expected FLOAT within float range (|x| <= " + Float.MAX_VALUE
            + "), got " + actual + ": declare the parameter double");
      }
      return (float) value;
    }
  }

  /**
   * An INTEGER primitive, or an integral FLOAT within 2^53: propeller hands a task a FLOAT when a
   * workflow passes an attribute of a dataclass that Flyte console entered as JSON, where every number
   * is a double (flytekit accepts it the same way).
   */
  private static long integerOf(FlyteCodec<?> codec, Primitive primitive, Literal literal) {
    if (primitive.getValueCase() == Primitive.ValueCase.INTEGER) {
      return primitive.getInteger();
    }
    if (primitive.getValueCase() == Primitive.ValueCase.FLOAT_VALUE) {
      Long exact = PlainValues.exactLong(primitive.getFloatValue());
      if (exact != null) {
        return exact;
      }
    }
    throw codec.mismatch(literal);
  }

  private static LiteralConversionException inexact(FlyteCodec<?> codec, Object plain) {
    if (plain instanceof Double d && d == Math.rint(d)) {
      return new LiteralConversionException("expected " + codec.describeType() + ", got "
          + PlainValues.describe(plain) + ", beyond 2^53 where a Struct's double cannot hold every integer"
          + " exactly: send the value as msgpack or as an INTEGER literal");
    }
    if (plain instanceof BigInteger) {
      return new LiteralConversionException("expected " + codec.describeType() + ", got "
          + PlainValues.describe(plain) + ", beyond the signed 64-bit range of Flyte's INTEGER");
    }
    return codec.mismatchPlain(plain);
  }
}
