package dev.preflyte.runtime.literal;

import static dev.preflyte.runtime.literal.PrimitiveCodecsTest.integer;
import static dev.preflyte.runtime.literal.PrimitiveCodecsTest.roundTrip;
import static dev.preflyte.runtime.literal.PrimitiveCodecsTest.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflyte.idl.core.EnumType;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralCollection;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TypeStructure;
import dev.preflyte.idl.core.Union;
import dev.preflyte.idl.core.UnionType;
import dev.preflyte.idl.core.Variable;
import dev.preflyte.idl.core.VariableMap;
import dev.preflyte.idl.core.Void;
import dev.preflyte.runtime.executor.TaskInputs;
import dev.preflyte.runtime.executor.TaskOutputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerCodecsTest {

  private static final LiteralContext NO_STORAGE = null;

  enum Color { RED, GREEN, BLUE }

  enum Op {
    ADD { @Override int apply(int a, int b) { return a + b; } },
    MUL { @Override int apply(int a, int b) { return a * b; } };

    abstract int apply(int a, int b);
  }

  static LiteralType tagged(SimpleType simple, String tag) {
    return LiteralType.newBuilder().setSimple(simple).setStructure(TypeStructure.newBuilder().setTag(tag)).build();
  }

  static Literal none() {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setNoneType(Void.getDefaultInstance())).build();
  }

  /** A union literal as flytekit's UnionTransformer writes it: the value and its variant type, tagged. */
  static Literal flytekitUnion(Literal value, LiteralType storedType) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setUnion(
        Union.newBuilder().setValue(value).setType(storedType))).build();
  }

  @Test
  void listRoundTripsIncludingEmptyAndNested() {
    LiteralCodec<List<Map<String, Long>>> codec = LiteralCodecs.listOf(LiteralCodecs.mapOf(LiteralCodecs.int64()));
    List<Map<String, Long>> value = List.of(Map.of("a", 1L, "b", Long.MIN_VALUE), Map.of(), Map.of("ü", 3L));
    assertEquals(value, roundTrip(codec, value));
    assertEquals(List.of(), roundTrip(codec, List.of()));
    assertEquals(LiteralType.newBuilder().setCollectionType(LiteralType.newBuilder()
        .setMapValueType(LiteralType.newBuilder().setSimple(SimpleType.INTEGER))).build(), codec.literalType());
    assertEquals("LIST<MAP<INTEGER>>", LiteralTypes.describe(codec.literalType()));
  }

  @Test
  void listLiteralIsALiteralCollection() {
    Literal literal = LiteralCodecs.listOf(LiteralCodecs.string()).encode(List.of("a", "b"), NO_STORAGE);
    assertEquals(Literal.newBuilder().setCollection(LiteralCollection.newBuilder()
        .addLiterals(string("a")).addLiterals(string("b"))).build(), literal);
  }

  @Test
  void mapLiteralIsALiteralMapAndDecodesInKeyOrder() {
    Map<String, Long> value = new LinkedHashMap<>();
    value.put("z", 1L);
    value.put("a", 2L);
    Literal literal = LiteralCodecs.mapOf(LiteralCodecs.int64()).encode(value, NO_STORAGE);
    assertEquals(Literal.newBuilder().setMap(LiteralMap.newBuilder()
        .putLiterals("z", integer(1)).putLiterals("a", integer(2))).build(), literal);
    assertEquals(List.of("a", "z"),
        new ArrayList<>(LiteralCodecs.mapOf(LiteralCodecs.int64()).decode(literal, NO_STORAGE).keySet()));
  }

  @Test
  void nullsInsideListsAndMapsNeedANullableElement() {
    List<Long> withNull = Arrays.asList(1L, null, 3L);
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.listOf(LiteralCodecs.int64()).encode(withNull, NO_STORAGE));
    assertEquals("at [1]: expected INTEGER, got null: pass a value, or declare the type Optional or @Nullable",
        e.getMessage());
    assertEquals(withNull, roundTrip(LiteralCodecs.listOf(LiteralCodecs.nullable(LiteralCodecs.int64())), withNull));

    Map<String, String> map = new LinkedHashMap<>();
    map.put("k", null);
    assertEquals("at [\"k\"]: expected STRING, got null: pass a value, or declare the type Optional or @Nullable",
        assertThrows(LiteralConversionException.class,
            () -> LiteralCodecs.mapOf(LiteralCodecs.string()).encode(map, NO_STORAGE)).getMessage());
    assertEquals(map, roundTrip(LiteralCodecs.mapOf(LiteralCodecs.nullable(LiteralCodecs.string())), map));
  }

  @Test
  void nestedMismatchNamesThePath() {
    Literal bad = Literal.newBuilder().setCollection(LiteralCollection.newBuilder()
        .addLiterals(Literal.newBuilder().setCollection(LiteralCollection.newBuilder().addLiterals(integer(1))))
        .addLiterals(Literal.newBuilder().setMap(LiteralMap.newBuilder().putLiterals("k", string("x"))))).build();
    LiteralCodec<List<List<Long>>> listOfLists = LiteralCodecs.listOf(LiteralCodecs.listOf(LiteralCodecs.int64()));
    assertEquals("at [1]: expected LIST<INTEGER>, got MAP{1}", assertThrows(LiteralConversionException.class,
        () -> listOfLists.decode(bad, NO_STORAGE)).getMessage());
    LiteralCodec<List<Map<String, Long>>> listOfMaps = LiteralCodecs.listOf(LiteralCodecs.mapOf(LiteralCodecs.int64()));
    Literal badMap = Literal.newBuilder().setCollection(LiteralCollection.newBuilder()
        .addLiterals(Literal.newBuilder().setMap(LiteralMap.newBuilder().putLiterals("k", string("x"))))).build();
    assertEquals("at [0][\"k\"]: expected INTEGER, got STRING \"x\"", assertThrows(LiteralConversionException.class,
        () -> listOfMaps.decode(badMap, NO_STORAGE)).getMessage());
    assertEquals("expected LIST<INTEGER>, got INTEGER 3", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.listOf(LiteralCodecs.int64()).decode(integer(3), NO_STORAGE)).getMessage());
  }

  @Test
  void enumIsAnEnumTypeOfConstantNamesInDeclarationOrder() {
    LiteralCodec<Color> codec = LiteralCodecs.enumOf(Color.class);
    assertEquals(LiteralType.newBuilder().setEnumType(EnumType.newBuilder().addValues("RED").addValues("GREEN")
        .addValues("BLUE")).build(), codec.literalType());
    assertEquals(string("GREEN"), codec.encode(Color.GREEN, NO_STORAGE));
    for (Color c : Color.values()) {
      assertEquals(c, roundTrip(codec, c));
    }
    assertEquals(Op.MUL, roundTrip(LiteralCodecs.enumOf(Op.class), Op.MUL));
    assertEquals("ENUM{RED, GREEN, BLUE}", LiteralTypes.describe(codec.literalType()));
  }

  @Test
  void unknownEnumValueNamesTheAllowedValues() {
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.enumOf(Color.class).decode(string("PURPLE"), NO_STORAGE));
    assertEquals("expected one of [RED, GREEN, BLUE] (enum Color), got STRING \"PURPLE\"", e.getMessage());
    assertEquals("expected ENUM{RED, GREEN, BLUE}, got INTEGER 1", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.enumOf(Color.class).decode(integer(1), NO_STORAGE)).getMessage());
  }

  @Test
  void optionalIsAUnionOfTheTaggedTypeAndNoneAsFlytekitWritesOptionalInt() {
    LiteralCodec<Optional<Long>> codec = LiteralCodecs.optionalOf(LiteralCodecs.int64());
    LiteralType intVariant = tagged(SimpleType.INTEGER, "int");
    LiteralType noneVariant = tagged(SimpleType.NONE, "none");
    assertEquals(LiteralType.newBuilder().setUnionType(UnionType.newBuilder().addVariants(intVariant)
        .addVariants(noneVariant)).build(), codec.literalType());
    assertEquals("UNION<INTEGER, NONE>", LiteralTypes.describe(codec.literalType()));

    assertEquals(flytekitUnion(integer(5), intVariant), codec.encode(Optional.of(5L), NO_STORAGE));
    assertEquals(flytekitUnion(none(), noneVariant), codec.encode(Optional.empty(), NO_STORAGE));

    assertEquals(Optional.of(5L), codec.decode(flytekitUnion(integer(5), intVariant), NO_STORAGE));
    assertEquals(Optional.empty(), codec.decode(flytekitUnion(none(), noneVariant), NO_STORAGE));
    assertEquals(Optional.of(Long.MAX_VALUE), roundTrip(codec, Optional.of(Long.MAX_VALUE)));
  }

  @Test
  void optionalAcceptsABareValueOrABareNone() {
    LiteralCodec<Optional<String>> codec = LiteralCodecs.optionalOf(LiteralCodecs.string());
    assertEquals(Optional.of("v"), codec.decode(string("v"), NO_STORAGE));
    assertEquals(Optional.empty(), codec.decode(none(), NO_STORAGE));
    assertEquals("expected STRING, got INTEGER 4", assertThrows(LiteralConversionException.class,
        () -> codec.decode(integer(4), NO_STORAGE)).getMessage());
  }

  @Test
  void variantTagsFollowFlytekitTransformerNames() {
    assertEquals("str", variantTag(LiteralCodecs.string()));
    assertEquals("float", variantTag(LiteralCodecs.float64()));
    assertEquals("bool", variantTag(LiteralCodecs.bool()));
    assertEquals("datetime", variantTag(LiteralCodecs.datetime()));
    assertEquals("timedelta", variantTag(LiteralCodecs.duration()));
    assertEquals("Typed List", variantTag(LiteralCodecs.listOf(LiteralCodecs.int64())));
    assertEquals("Typed Dict", variantTag(LiteralCodecs.mapOf(LiteralCodecs.int64())));
    assertEquals("DefaultEnumTransformer", variantTag(LiteralCodecs.enumOf(Color.class)));
  }

  private static String variantTag(LiteralCodec<?> codec) {
    return LiteralCodecs.optionalOf(codec).literalType().getUnionType().getVariants(0).getStructure().getTag();
  }

  @Test
  void nullableMapsNullToNone() {
    LiteralCodec<String> codec = LiteralCodecs.nullable(LiteralCodecs.string());
    assertNull(roundTrip(codec, null));
    assertEquals("x", roundTrip(codec, "x"));
    assertEquals(LiteralCodecs.optionalOf(LiteralCodecs.string()).literalType(), codec.literalType());
  }

  @Test
  void optionalOfAnOptionalIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LiteralCodecs.optionalOf(LiteralCodecs.nullable(LiteralCodecs.int64())));
    assertEquals("the type UNION<INTEGER, NONE> is already a union: do not wrap an Optional or nullable type in"
        + " another", e.getMessage());
  }

  @Test
  void taskInputsNameTheVariable() {
    VariableMap declared = VariableMap.newBuilder().putVariables("limit",
        Variable.newBuilder().setType(LiteralCodecs.int64().literalType()).build()).build();
    LiteralMap literals = LiteralMap.newBuilder().putLiterals("limit", string("ten")).build();
    TaskInputs inputs = TaskInputs.of(literals, declared, NO_STORAGE);
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> inputs.get("limit", LiteralCodecs.int64()));
    assertEquals("input 'limit': expected INTEGER, got STRING \"ten\"", e.getMessage());

    TaskOutputs outputs = TaskOutputs.create().put("items", LiteralCodecs.listOf(LiteralCodecs.int64()),
        Arrays.asList(1L, null));
    assertEquals("output 'items': at [1]: expected INTEGER, got null: pass a value, or declare the type Optional"
        + " or @Nullable", assertThrows(LiteralConversionException.class, () -> outputs.toLiteralMap(NO_STORAGE))
        .getMessage());
  }

  @Test
  void describesTypesInOneLine() {
    assertEquals("MAP<STRING>", LiteralTypes.describe(LiteralCodecs.mapOf(LiteralCodecs.string()).literalType()));
    assertEquals("UNION<LIST<DURATION>, NONE>", LiteralTypes.describe(
        LiteralCodecs.optionalOf(LiteralCodecs.listOf(LiteralCodecs.duration())).literalType()));
    assertEquals("UNTYPED", LiteralTypes.describe(LiteralType.getDefaultInstance()));
  }

  @Test
  void readsTheMsgpackBinariesPropellerPassesForDataclassAttributes() {
    // msgpack [1, 2] / {"a": true} / "GREEN" / nil / 7, as propeller re-encodes a resolved dc.field.
    assertEquals(List.of(1L, 2L), LiteralCodecs.listOf(LiteralCodecs.int64())
        .decode(PrimitiveCodecsTest.msgpack("920102"), NO_STORAGE));
    assertEquals(Map.of("a", true), LiteralCodecs.mapOf(LiteralCodecs.bool())
        .decode(PrimitiveCodecsTest.msgpack("81a161c3"), NO_STORAGE));
    assertEquals(Color.GREEN, LiteralCodecs.enumOf(Color.class)
        .decode(PrimitiveCodecsTest.msgpack("a5475245454e"), NO_STORAGE));
    assertEquals(Optional.empty(), LiteralCodecs.optionalOf(LiteralCodecs.int64())
        .decode(PrimitiveCodecsTest.msgpack("c0"), NO_STORAGE));
    assertEquals(Optional.of(7L), LiteralCodecs.optionalOf(LiteralCodecs.int64())
        .decode(PrimitiveCodecsTest.msgpack("07"), NO_STORAGE));
    assertNull(LiteralCodecs.nullable(LiteralCodecs.string()).decode(PrimitiveCodecsTest.msgpack("c0"), NO_STORAGE));
    assertEquals("at [1]: expected INTEGER, got string \"x\"", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.listOf(LiteralCodecs.int64()).decode(PrimitiveCodecsTest.msgpack("9201a178"), NO_STORAGE))
        .getMessage());
  }
}
