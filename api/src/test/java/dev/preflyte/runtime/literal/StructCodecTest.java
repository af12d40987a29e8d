package dev.preflyte.runtime.literal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.preflyte.idl.core.Binary;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TypeAnnotation;
import dev.preflyte.idl.core.TypeStructure;
import dev.preflyte.idl.core.Union;
import dev.preflyte.idl.protobuf.ListValue;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StructCodecTest {

  private static final LiteralContext NO_STORAGE = null;

  @Retention(RetentionPolicy.RUNTIME)
  @interface Nullable {}

  public record Point(long x, long y) {}

  public enum Color { RED, GREEN }

  public record Item(String name, double price, int count) {}

  public record Order(
      String id,
      List<Item> items,
      Map<String, Double> discounts,
      Color color,
      Optional<Instant> shipped,
      @Nullable Long limit,
      Duration ttl,
      Point origin,
      boolean urgent,
      float weight) {}

  public record Positive(long value) {
    public Positive {
      if (value <= 0) {
        throw new IllegalArgumentException("value must be positive, got " + value);
      }
    }
  }

  public record Node(String name, List<Node> children) {}

  public record WithArray(int[] values) {}

  /** A JavaBean: private fields, getters and setters, a public no-arg constructor. */
  public static final class Bean {
    private String label;
    private long count;
    private boolean active;

    public Bean() {}

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }

    public long getCount() {
      return count;
    }

    public void setCount(long count) {
      this.count = count;
    }

    public boolean isActive() {
      return active;
    }

    public void setActive(boolean active) {
      this.active = active;
    }

    public String getDerived() {
      return "not a property: no setter";
    }
  }

  /** A package-private bean whose getter fails. */
  static final class Failing {
    private String name = "n";

    public Failing() {}

    public String getName() {
      throw new IllegalStateException("broken getter");
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  /** A simple class with public fields. */
  public static final class Fields {
    public String name;
    public List<Long> values;
    public transient String ignored;
    public static String alsoIgnored;
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  private static Literal msgpackLiteral(String hex) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setBinary(
        Binary.newBuilder().setValue(ByteString.copyFrom(hex(hex))).setTag("msgpack"))).build();
  }

  private static Literal generic(Struct struct) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setGeneric(struct)).build();
  }

  private static Value number(double d) {
    return Value.newBuilder().setNumberValue(d).build();
  }

  @Test
  void literalTypeIsStructWithSchemaDataclassTypeAndMsgpackAnnotation() {
    LiteralType integer = LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();
    Value integerSchema = Value.newBuilder().setStructValue(Struct.newBuilder()
        .putFields("type", Value.newBuilder().setStringValue("integer").build())).build();
    Struct schema = Struct.newBuilder()
        .putFields("type", Value.newBuilder().setStringValue("object").build())
        .putFields("title", Value.newBuilder().setStringValue("Point").build())
        .putFields("properties", Value.newBuilder().setStructValue(Struct.newBuilder()
            .putFields("x", integerSchema).putFields("y", integerSchema)).build())
        .putFields("additionalProperties", Value.newBuilder().setBoolValue(false).build())
        .putFields("required", Value.newBuilder().setListValue(dev.preflyte.idl.protobuf.ListValue.newBuilder()
            .addValues(Value.newBuilder().setStringValue("x")).addValues(Value.newBuilder().setStringValue("y")))
            .build())
        .build();
    LiteralType expected = LiteralType.newBuilder()
        .setSimple(SimpleType.STRUCT)
        .setMetadata(schema)
        .setStructure(TypeStructure.newBuilder().putDataclassType("x", integer).putDataclassType("y", integer))
        .setAnnotation(TypeAnnotation.newBuilder().setAnnotations(Struct.newBuilder().putFields("cache-key-metadata",
            Value.newBuilder().setStructValue(Struct.newBuilder().putFields("serialization-format",
                Value.newBuilder().setStringValue("msgpack").build())).build())))
        .build();
    assertEquals(expected, LiteralCodecs.struct(Point.class).literalType());
    assertEquals("STRUCT", LiteralTypes.describe(expected));
  }

  @Test
  void encodesMsgpackBinaryAsFlytekitDoes() {
    Literal literal = LiteralCodecs.struct(Point.class).encode(new Point(1, -1), NO_STORAGE);
    assertEquals(msgpackLiteral("82 a178 01 a179 ff"), literal);
  }

  @Test
  void decodesMsgpackWrittenByFlytekitForADataclass() {
    // @dataclass class Order: id: str; items: List[Item]; discounts: Dict[str, float]; color: Color (value "GREEN");
    // shipped: Optional[datetime] = None; limit: Optional[int] = None; ttl: timedelta (mashumaro: float seconds);
    // origin: Point; urgent: bool; weight: float -- as mashumaro's MessagePackEncoder writes it.
    String hex = "8a"
        + "a2 6964 a3 6f2d31"
        + "a5 6974656d73 91 83 a4 6e616d65 a3 706561 a5 7072696365 cb 3ff8000000000000 a5 636f756e74 03"
        + "a9 646973636f756e7473 81 a3 76697020 cb 3fb999999999999a".replace("76697020", "766970")
        + "a5 636f6c6f72 a5 475245454e"
        + "a7 73686970706564 c0"
        + "a5 6c696d6974 c0"
        + "a3 74746c cb 4056800000000000"
        + "a6 6f726967696e 82 a178 cd 012c a179 d0 9c"
        + "a6 757267656e74 c3"
        + "a6 776569676874 cb 4004000000000000";
    Order order = LiteralCodecs.struct(Order.class).decode(msgpackLiteral(hex), NO_STORAGE);
    assertEquals(new Order("o-1", List.of(new Item("pea", 1.5, 3)), Map.of("vip", 0.1), Color.GREEN,
        Optional.empty(), null, Duration.ofSeconds(90), new Point(300, -100), true, 2.5f), order);
  }

  @Test
  void roundTripsNestedValuesExactly() {
    LiteralCodec<Order> codec = LiteralCodecs.struct(Order.class);
    Order order = new Order("ünï", List.of(new Item("a", Double.NaN, Integer.MIN_VALUE), new Item("b", -0.0, 0)),
        Map.of(), Color.RED, Optional.of(Instant.parse("2024-01-02T03:04:05.123456Z")), Long.MIN_VALUE,
        Duration.ofMillis(-1500), new Point(Long.MAX_VALUE, Long.MIN_VALUE), false, Float.MAX_VALUE);
    assertEquals(order, codec.decode(codec.encode(order, NO_STORAGE), NO_STORAGE));
  }

  @Test
  void datetimeInsideAStructIsPythonIsoformat() {
    record When(Instant at) {}
    LiteralCodec<When> codec = LiteralCodecs.struct(When.class);
    Literal micros = codec.encode(new When(Instant.parse("2024-01-02T03:04:05.123456Z")), NO_STORAGE);
    assertEquals("2024-01-02T03:04:05.123456+00:00",
        ((Map<?, ?>) MsgPackReader.read(micros.getScalar().getBinary().getValue().toByteArray())).get("at"));
    Literal whole = codec.encode(new When(Instant.parse("2024-01-02T03:04:05Z")), NO_STORAGE);
    assertEquals("2024-01-02T03:04:05+00:00",
        ((Map<?, ?>) MsgPackReader.read(whole.getScalar().getBinary().getValue().toByteArray())).get("at"));
    // Python's datetime has microseconds, and Python 3.10 parses no more than six digits: cut, not rounded.
    Literal nanos = codec.encode(new When(Instant.parse("2024-01-02T03:04:05.123456999Z")), NO_STORAGE);
    assertEquals("2024-01-02T03:04:05.123456+00:00",
        ((Map<?, ?>) MsgPackReader.read(nanos.getScalar().getBinary().getValue().toByteArray())).get("at"));
    Literal subMicro = codec.encode(new When(Instant.parse("1969-12-31T23:59:59.000000999Z")), NO_STORAGE);
    assertEquals("1969-12-31T23:59:59+00:00",
        ((Map<?, ?>) MsgPackReader.read(subMicro.getScalar().getBinary().getValue().toByteArray())).get("at"));
    // A naive datetime, as Python writes one without tzinfo, is read as UTC.
    assertEquals(new When(Instant.parse("2024-01-02T03:04:05Z")),
        codec.decode(msgpackLiteral("81 a2 6174 b3 " + HexFormat.of().formatHex("2024-01-02T03:04:05".getBytes())),
            NO_STORAGE));
  }

  @Test
  void decodesAProtobufStructWithDoubleNumbers() {
    Struct struct = Struct.newBuilder().putFields("x", number(3)).putFields("y", number(-9007199254740992.0)).build();
    assertEquals(new Point(3, -9007199254740992L), LiteralCodecs.struct(Point.class).decode(generic(struct), NO_STORAGE));

    Struct fraction = Struct.newBuilder().putFields("x", number(3.5)).putFields("y", number(0)).build();
    assertEquals("at x: expected INTEGER, got number 3.5", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.struct(Point.class).decode(generic(fraction), NO_STORAGE)).getMessage());

    Struct huge = Struct.newBuilder().putFields("x", number(Math.pow(2, 60))).putFields("y", number(0)).build();
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.struct(Point.class).decode(generic(huge), NO_STORAGE));
    assertTrue(e.getMessage().startsWith("at x: expected INTEGER, got number 1.15292150460684698E18, beyond 2^53"),
        e.getMessage());
  }

  @Test
  void decodesNestedListsFromAProtobufStruct() {
    record Holder(List<Item> items, Optional<String> note) {}
    Struct item = Struct.newBuilder().putFields("name", Value.newBuilder().setStringValue("n").build())
        .putFields("price", number(2)).putFields("count", number(4)).build();
    Struct struct = Struct.newBuilder()
        .putFields("items", Value.newBuilder().setListValue(ListValue.newBuilder()
            .addValues(Value.newBuilder().setStructValue(item))).build())
        .putFields("note", Value.newBuilder().setNullValueValue(0).build())
        .build();
    assertEquals(new Holder(List.of(new Item("n", 2.0, 4)), Optional.empty()),
        LiteralCodecs.struct(Holder.class).decode(generic(struct), NO_STORAGE));
  }

  @Test
  void mismatchInsideAStructNamesThePath() {
    // {"id": "o", "items": [{"name": "a", "price": "cheap", "count": 1}], ...} : price is a string.
    record Cart(String id, List<Item> items) {}
    String hex = "82 a2 6964 a1 6f a5 6974656d73 91 83 a4 6e616d65 a1 61 a5 7072696365 a5 6368656170 a5 636f756e74 01";
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.struct(Cart.class).decode(msgpackLiteral(hex), NO_STORAGE));
    assertEquals("at items[0].price: expected FLOAT, got string \"cheap\"", e.getMessage());
  }

  @Test
  void missingPropertiesAreEmptyOnlyWhenNullable() {
    record Partial(String name, Optional<Long> count, @Nullable String note) {}
    assertEquals(new Partial("n", Optional.empty(), null),
        LiteralCodecs.struct(Partial.class).decode(msgpackLiteral("81 a4 6e616d65 a1 6e"), NO_STORAGE));
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.struct(Partial.class).decode(msgpackLiteral("80"), NO_STORAGE));
    assertEquals("input mismatch: expected STRUCT Partial[name, count, note] (" + Partial.class.getName()
        + "), got STRUCT[] without property 'name' (STRING) that " + Partial.class.getName() + " needs",
        e.getMessage());
  }

  @Test
  void aPropertyTheClassLacksIsAnInputMismatch() {
    record Partial(String name, Optional<Long> count) {}
    LiteralConversionException e = assertThrows(LiteralConversionException.class, () -> LiteralCodecs
        .struct(Partial.class).decode(msgpackLiteral("82 a4 6e616d65 a1 6e a5 6578747261 01"), NO_STORAGE));
    assertEquals("input mismatch: expected STRUCT Partial[name, count] (" + Partial.class.getName()
        + "), got STRUCT[name, extra] with property 'extra' that " + Partial.class.getName() + " does not have",
        e.getMessage());
  }

  @Test
  void nullInANonNullablePropertyIsRejectedOnEncode() {
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.struct(Item.class).encode(new Item(null, 1, 1), NO_STORAGE));
    assertEquals("at name: expected STRING, got null: pass a value, or declare the type Optional or @Nullable",
        e.getMessage());
  }

  @Test
  void nullablePropertiesAreUnionsInTheDataclassType() {
    record Maybe(Optional<Long> a, @Nullable String b) {}
    Map<String, LiteralType> fields = LiteralCodecs.struct(Maybe.class).literalType().getStructure()
        .getDataclassTypeMap();
    assertEquals(LiteralCodecs.optionalOf(LiteralCodecs.int64()).literalType(), fields.get("a"));
    assertEquals(LiteralCodecs.nullable(LiteralCodecs.string()).literalType(), fields.get("b"));
  }

  @Test
  void constructorValidationFailureIsAConversionError() {
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.struct(Positive.class).decode(msgpackLiteral("81 a5 76616c7565 00"), NO_STORAGE));
    assertEquals("creating Positive failed: java.lang.IllegalArgumentException: value must be positive, got 0",
        e.getMessage());
  }

  @Test
  void beansAndPublicFieldClassesRoundTrip() {
    Bean bean = new Bean();
    bean.setLabel("l");
    bean.setCount(Long.MAX_VALUE);
    bean.setActive(true);
    LiteralCodec<Bean> beans = LiteralCodecs.struct(Bean.class);
    assertEquals(List.of("label", "count", "active"),
        List.copyOf(((Map<?, ?>) MsgPackReader.read(beans.encode(bean, NO_STORAGE).getScalar().getBinary().getValue()
            .toByteArray())).keySet()));
    Bean back = beans.decode(beans.encode(bean, NO_STORAGE), NO_STORAGE);
    assertEquals("l", back.getLabel());
    assertEquals(Long.MAX_VALUE, back.getCount());
    assertTrue(back.isActive());

    Fields fields = new Fields();
    fields.name = "f";
    fields.values = List.of(1L, 2L);
    fields.ignored = "x";
    LiteralCodec<Fields> codec = LiteralCodecs.struct(Fields.class);
    assertEquals(List.of("name", "values"), List.copyOf(codec.literalType().getStructure().getDataclassTypeMap()
        .keySet().stream().sorted().toList()));
    Fields decoded = codec.decode(codec.encode(fields, NO_STORAGE), NO_STORAGE);
    assertEquals("f", decoded.name);
    assertEquals(List.of(1L, 2L), decoded.values);
    assertNull(decoded.ignored);
  }

  @Test
  void failingGetterIsAConversionErrorNamingTheProperty() {
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.struct(Failing.class).encode(new Failing(), NO_STORAGE));
    assertEquals("at name: the getter of Failing threw java.lang.IllegalStateException: broken getter",
        e.getMessage());
  }

  @Test
  void unsupportedClassesAreRefusedWhenTheCodecIsMade() {
    assertEquals("property 'children' of " + Node.class.getName() + ": " + Node.class.getName()
        + " contains itself (Node -> Node): a Flyte struct type cannot be recursive",
        assertThrows(IllegalArgumentException.class, () -> LiteralCodecs.struct(Node.class)).getMessage());
    IllegalArgumentException array = assertThrows(IllegalArgumentException.class,
        () -> LiteralCodecs.struct(WithArray.class));
    assertTrue(array.getMessage().startsWith("property 'values' of " + WithArray.class.getName()
        + ": type int[] has no Flyte literal type"), array.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LiteralCodecs.struct(Color.class)).getMessage()
        .contains("cannot be a struct"));
    assertEquals("java.lang.String is not a struct: use the LiteralCodecs method for it (int64, string, datetime,"
        + " listOf, mapOf, optionalOf...)", assertThrows(IllegalArgumentException.class,
            () -> LiteralCodecs.struct(String.class)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LiteralCodecs.struct(Object.class)).getMessage()
        .startsWith("java.lang.Object is not a struct"));
  }

  @Test
  void codecsAreCachedPerClass() {
    assertSame(LiteralCodecs.struct(Point.class), LiteralCodecs.struct(Point.class));
  }

  @Test
  void otherLiteralsAreMismatches() {
    assertEquals("expected STRUCT, got INTEGER 5", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.struct(Point.class).decode(PrimitiveCodecsTest.integer(5), NO_STORAGE)).getMessage());
    Literal pickle = Literal.newBuilder().setScalar(Scalar.newBuilder().setBinary(
        Binary.newBuilder().setValue(ByteString.copyFromUtf8("x")).setTag("pickle"))).build();
    assertEquals("expected STRUCT as msgpack, got BINARY(pickle, 1 bytes): only the tag \"msgpack\" is supported",
        assertThrows(LiteralConversionException.class, () -> LiteralCodecs.struct(Point.class).decode(pickle,
            NO_STORAGE)).getMessage());
    assertEquals("expected STRUCT, got array[0]", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.struct(Point.class).decode(msgpackLiteral("90"), NO_STORAGE)).getMessage());
  }

  @Test
  void aVariantSchemaWithoutPropertiesIsNotChecked() {
    // flytekit before 1.14 wrote marshmallow's schema: {"$ref": ..., "definitions": ...}, no top-level properties.
    LiteralCodec<Optional<Point>> codec = LiteralCodecs.optionalOf(LiteralCodecs.struct(Point.class));
    LiteralType variant = codec.literalType().getUnionType().getVariants(0).toBuilder()
        .setMetadata(Struct.newBuilder().putFields("$ref", Value.newBuilder().setStringValue("#/definitions/PointSchema")
            .build())).build();
    Literal old = Literal.newBuilder().setScalar(Scalar.newBuilder().setUnion(Union.newBuilder()
        .setValue(msgpackLiteral("82 a178 02 a179 03")).setType(variant))).build();
    assertEquals(Optional.of(new Point(2, 3)), codec.decode(old, NO_STORAGE));
  }

  @Test
  void optionalStructUsesTheDataclassVariantTag() {
    LiteralCodec<Optional<Point>> codec = LiteralCodecs.optionalOf(LiteralCodecs.struct(Point.class));
    LiteralType variant = codec.literalType().getUnionType().getVariants(0);
    assertEquals("Object-Dataclass-Transformer", variant.getStructure().getTag());
    // flytekit's variant keeps the schema and annotation but replaces the structure with the tag alone.
    assertEquals(Map.of(), variant.getStructure().getDataclassTypeMap());
    assertEquals(LiteralCodecs.struct(Point.class).literalType().getMetadata(), variant.getMetadata());
    Literal flytekit = Literal.newBuilder().setScalar(Scalar.newBuilder().setUnion(Union.newBuilder()
        .setValue(msgpackLiteral("82 a178 02 a179 03")).setType(variant))).build();
    assertEquals(Optional.of(new Point(2, 3)), codec.decode(flytekit, NO_STORAGE));
  }

  @Test
  void msgpackBytesOfALongAreExact() {
    byte[] bytes = LiteralCodecs.struct(Point.class).encode(new Point(Long.MAX_VALUE, Long.MIN_VALUE), NO_STORAGE)
        .getScalar().getBinary().getValue().toByteArray();
    assertArrayEquals(hex("82 a178 cf 7fffffffffffffff a179 d3 8000000000000000"), bytes);
  }
}
