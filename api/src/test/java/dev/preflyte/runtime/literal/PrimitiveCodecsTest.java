package dev.preflyte.runtime.literal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.preflyte.idl.FlyteFixtures;
import dev.preflyte.idl.core.Binary;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PrimitiveCodecsTest {

  private static final LiteralContext NO_STORAGE = null;

  static <T> T roundTrip(LiteralCodec<T> codec, T value) {
    return codec.decode(codec.encode(value, NO_STORAGE), NO_STORAGE);
  }

  static Literal primitive(Primitive.Builder primitive) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(primitive)).build();
  }

  static Literal string(String s) {
    return primitive(Primitive.newBuilder().setStringValue(s));
  }

  static Literal integer(long v) {
    return primitive(Primitive.newBuilder().setInteger(v));
  }

  static LiteralType simple(SimpleType type) {
    return LiteralType.newBuilder().setSimple(type).build();
  }

  @Test
  void literalTypesAreFlytesSimpleTypes() {
    assertEquals(simple(SimpleType.INTEGER), LiteralCodecs.int64().literalType());
    assertEquals(simple(SimpleType.INTEGER), LiteralCodecs.int32().literalType());
    assertEquals(simple(SimpleType.FLOAT), LiteralCodecs.float64().literalType());
    assertEquals(simple(SimpleType.FLOAT), LiteralCodecs.float32().literalType());
    assertEquals(simple(SimpleType.STRING), LiteralCodecs.string().literalType());
    assertEquals(simple(SimpleType.BOOLEAN), LiteralCodecs.bool().literalType());
    assertEquals(simple(SimpleType.DATETIME), LiteralCodecs.datetime().literalType());
    assertEquals(simple(SimpleType.DURATION), LiteralCodecs.duration().literalType());
  }

  @Test
  void int64RoundTripsEdgeValues() {
    for (long v : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
      assertEquals(v, roundTrip(LiteralCodecs.int64(), v));
      assertEquals(integer(v), LiteralCodecs.int64().encode(v, NO_STORAGE));
    }
  }

  @Test
  void int32RoundTripsAndRejectsOutOfRange() {
    for (int v : new int[] {Integer.MIN_VALUE, -7, 0, Integer.MAX_VALUE}) {
      assertEquals(v, roundTrip(LiteralCodecs.int32(), v));
    }
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.int32().decode(integer(3_000_000_000L), NO_STORAGE));
    assertEquals("expected INTEGER within int range [-2147483648, 2147483647], got INTEGER 3000000000:"
        + " declare the parameter long", e.getMessage());
    assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.int32().decode(integer(Integer.MIN_VALUE - 1L), NO_STORAGE));
  }

  @Test
  void float64RoundTripsSpecialValuesBitForBit() {
    for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
        Double.MIN_VALUE, Double.MAX_VALUE, 1.5, -2.25}) {
      assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(roundTrip(LiteralCodecs.float64(), v)));
    }
  }

  @Test
  void floatAcceptsAnIntegerLiteralAsFlytekitDoes() {
    assertEquals(7.0, LiteralCodecs.float64().decode(integer(7), NO_STORAGE));
    assertEquals(7.0f, LiteralCodecs.float32().decode(integer(7), NO_STORAGE));
  }

  @Test
  void integerAcceptsAnIntegralFloatWithinDoublePrecision() {
    assertEquals(3L, LiteralCodecs.int64().decode(primitive(Primitive.newBuilder().setFloatValue(3.0)), NO_STORAGE));
    assertEquals(-4, LiteralCodecs.int32().decode(primitive(Primitive.newBuilder().setFloatValue(-4.0)), NO_STORAGE));
    assertEquals("expected INTEGER, got FLOAT 3.5", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.int64().decode(primitive(Primitive.newBuilder().setFloatValue(3.5)), NO_STORAGE))
        .getMessage());
    assertEquals("expected INTEGER, got FLOAT 1.0E17", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.int64().decode(primitive(Primitive.newBuilder().setFloatValue(1e17)), NO_STORAGE))
        .getMessage());
    assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.int32().decode(primitive(Primitive.newBuilder().setFloatValue(1e10)), NO_STORAGE));
  }

  @Test
  void float32RoundTripsAndRejectsValuesBeyondFloatRange() {
    for (float v : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
        Float.MIN_VALUE, 0.1f}) {
      assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(roundTrip(LiteralCodecs.float32(), v)));
    }
    Literal tooBig = primitive(Primitive.newBuilder().setFloatValue(1e300));
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.float32().decode(tooBig, NO_STORAGE));
    assertTrue(e.getMessage().startsWith("expected FLOAT within float range"), e.getMessage());
    assertTrue(e.getMessage().contains("got FLOAT 1.0E300"), e.getMessage());
  }

  @Test
  void stringRoundTripsUnicodeAndEmpty() {
    for (String s : new String[] {"", "plain", "héllo wörld", "日本語", "emoji \uD83C\uDF0D", "nul\u0000inside"}) {
      assertEquals(s, roundTrip(LiteralCodecs.string(), s));
    }
  }

  @Test
  void boolRoundTrips() {
    assertEquals(true, roundTrip(LiteralCodecs.bool(), true));
    assertEquals(false, roundTrip(LiteralCodecs.bool(), false));
  }

  @Test
  void datetimeKeepsNanosAndEncodesTimestamp() {
    Instant instant = Instant.parse("2024-02-29T12:34:56.123456789Z");
    Literal literal = LiteralCodecs.datetime().encode(instant, NO_STORAGE);
    assertEquals(Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(123456789).build(),
        literal.getScalar().getPrimitive().getDatetime());
    assertEquals(instant, roundTrip(LiteralCodecs.datetime(), instant));
    Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.5Z");
    assertEquals(beforeEpoch, roundTrip(LiteralCodecs.datetime(), beforeEpoch));
    assertEquals(TimeCodecs.MIN_TIMESTAMP, roundTrip(LiteralCodecs.datetime(), TimeCodecs.MIN_TIMESTAMP));
    assertEquals(TimeCodecs.MAX_TIMESTAMP, roundTrip(LiteralCodecs.datetime(), TimeCodecs.MAX_TIMESTAMP));
  }

  @Test
  void datetimeOutsideTimestampRangeIsRejected() {
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.datetime().encode(Instant.MAX, NO_STORAGE));
    assertTrue(e.getMessage().startsWith("expected DATETIME between 0001-01-01T00:00:00Z"), e.getMessage());
  }

  @Test
  void negativeDurationUsesSameSignSecondsAndNanos() {
    Duration d = Duration.ofMillis(-1500);
    dev.preflyte.idl.protobuf.Duration wire = LiteralCodecs.duration().encode(d, NO_STORAGE).getScalar().getPrimitive()
        .getDuration();
    assertEquals(-1, wire.getSeconds());
    assertEquals(-500_000_000, wire.getNanos());
    for (Duration v : new Duration[] {d, Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(-1),
        Duration.ofDays(3650).plusNanos(7), Duration.ofSeconds(-TimeCodecs.MAX_DURATION_SECONDS)}) {
      assertEquals(v, roundTrip(LiteralCodecs.duration(), v));
    }
    assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.duration().encode(Duration.ofSeconds(Long.MAX_VALUE), NO_STORAGE));
  }

  @Test
  void mismatchNamesExpectedAndActualType() {
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.int64().decode(string("ten"), NO_STORAGE));
    assertEquals("expected INTEGER, got STRING \"ten\"", e.getMessage());
    assertEquals("expected STRING, got INTEGER 5",
        assertThrows(LiteralConversionException.class, () -> LiteralCodecs.string().decode(integer(5), NO_STORAGE))
            .getMessage());
    assertEquals("expected BOOLEAN, got FLOAT 1.5", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.bool().decode(primitive(Primitive.newBuilder().setFloatValue(1.5)), NO_STORAGE))
        .getMessage());
    assertEquals("expected DATETIME, got LIST[0]", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.datetime().decode(LiteralCodecs.listOf(LiteralCodecs.int64())
            .encode(java.util.List.of(), NO_STORAGE), NO_STORAGE)).getMessage());
    assertEquals("expected DURATION, got NONE", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.duration().decode(Literal.newBuilder().setScalar(Scalar.newBuilder()
            .setNoneType(dev.preflyte.idl.core.Void.getDefaultInstance())).build(), NO_STORAGE)).getMessage());
    assertEquals("expected FLOAT, got an empty literal", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.float64().decode(Literal.getDefaultInstance(), NO_STORAGE)).getMessage());
  }

  @Test
  void hugeValuesAreTruncatedInMessages() {
    String huge = "x".repeat(100_000);
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.int64().decode(string(huge), NO_STORAGE));
    assertEquals("expected INTEGER, got STRING \"" + "x".repeat(64) + "\"... (100000 chars)", e.getMessage());
  }

  @Test
  void nullIsRejectedOnEncodeWithTheFix() {
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.int64().encode(null, NO_STORAGE));
    assertEquals("expected INTEGER, got null: pass a value, or declare the type Optional or @Nullable",
        e.getMessage());
  }

  @Test
  void literalMapMatchesHandCheckedWireBytes() {
    LiteralMap map = LiteralMap.newBuilder().putLiterals("x", LiteralCodecs.int64().encode(5L, NO_STORAGE)).build();
    assertArrayEquals(HexFormat.of().parseHex("0a0b0a0178120 60a040a020805".replace(" ", "")), map.toByteArray());
    assertArrayEquals(HexFormat.of().parseHex("2a00"),
        UnionWithNone.NONE_LITERAL.getScalar().getUnion().getValue().getScalar().toByteArray());
    assertArrayEquals(HexFormat.of().parseHex("11000000000000f83f"),
        LiteralCodecs.float64().encode(1.5, NO_STORAGE).getScalar().getPrimitive().toByteArray());
  }

  @Test
  void decodesTheLiteralMapFlytekitWrote() throws Exception {
    LiteralMap map = FlyteFixtures.literalMap("a30_b0.pb");
    assertEquals(30L, LiteralCodecs.int64().decode(map.getLiteralsOrThrow("a"), NO_STORAGE));
    assertEquals(0, LiteralCodecs.int32().decode(map.getLiteralsOrThrow("b"), NO_STORAGE));
    // Map entry order is not canonical on the wire (flytekit wrote "b" first): compare parsed messages.
    assertEquals(map, LiteralMap.newBuilder()
        .putLiterals("a", LiteralCodecs.int64().encode(30L, NO_STORAGE))
        .putLiterals("b", LiteralCodecs.int64().encode(0L, NO_STORAGE)).build());
  }

  @Test
  void readsMsgpackBinaryFromPropellerAttributeAccess() {
    // flytekit writes dc.a as msgpack: 300 is uint16 (cd 01 2c), "hi" is fixstr (a2 68 69).
    assertEquals(300L, LiteralCodecs.int64().decode(msgpack("cd012c"), NO_STORAGE));
    assertEquals("hi", LiteralCodecs.string().decode(msgpack("a26869"), NO_STORAGE));
    assertEquals(true, LiteralCodecs.bool().decode(msgpack("c3"), NO_STORAGE));
    assertEquals(2.5, LiteralCodecs.float64().decode(msgpack("cb4004000000000000"), NO_STORAGE));
    assertEquals("expected INTEGER, got string \"hi\"", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.int64().decode(msgpack("a26869"), NO_STORAGE)).getMessage());
  }

  static Literal msgpack(String hex) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setBinary(Binary.newBuilder()
        .setValue(ByteString.copyFrom(HexFormat.of().parseHex(hex.replace(" ", "")))).setTag("msgpack"))).build();
  }
}
