package dev.preflyte.runtime.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each value codec of the custom encoding: exact round trips, and decoding errors naming the path. */
class CustomValueCodecsTest {

  private enum Mode { FAST, SAFE }

  /** Serializes and parses, as the value travels inside a TaskTemplate. */
  private static Value wire(Value value) throws InvalidProtocolBufferException {
    return Value.parseFrom(value.toByteArray());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, 1L << 53, -(1L << 53), (1L << 53) + 1, -(1L << 53) - 1,
      Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1})
  void longsRoundTripExactly(long value) throws Exception {
    Value encoded = CustomCodecs.int64().encode(value);
    boolean exact = value >= -(1L << 53) && value <= (1L << 53);
    assertEquals(exact ? Value.KindCase.NUMBER_VALUE : Value.KindCase.STRING_VALUE, encoded.getKindCase());
    assertEquals(value, CustomCodecs.int64().decode(wire(encoded), "x"));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, 1.5, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void doublesRoundTripBitForBit(double value) throws Exception {
    double decoded = CustomCodecs.float64().decode(wire(CustomCodecs.float64().encode(value)), "x");
    assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(decoded));
  }

  @ParameterizedTest
  @ValueSource(floats = {0f, -0f, 0.1f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN,
      Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
  void floatsRoundTripBitForBit(float value) throws Exception {
    float decoded = CustomCodecs.float32().decode(wire(CustomCodecs.float32().encode(value)), "x");
    assertEquals(Float.floatToRawIntBits(value), Float.floatToRawIntBits(decoded));
  }

  @Test
  void numbersThatLostPrecisionOrDoNotFitAreRejectedWithThePath() {
    Value beyond = Value.newBuilder().setNumberValue(Math.pow(2, 60)).build();
    CustomDecodingException e = assertThrows(CustomDecodingException.class, () -> CustomCodecs.int64().decode(beyond, "a.b"));
    assertTrue(e.getMessage().startsWith("custom property 'a.b': expected a whole number between -2^53 and 2^53"
        + " or a decimal string, got number"), e.getMessage());
    assertEquals("a.b", e.path());
    assertThrows(CustomDecodingException.class,
        () -> CustomCodecs.int32().decode(Value.newBuilder().setNumberValue(1L << 31).build(), "i"));
    assertThrows(CustomDecodingException.class,
        () -> CustomCodecs.int32().decode(Value.newBuilder().setNumberValue(0.5).build(), "i"));
    assertThrows(CustomDecodingException.class,
        () -> CustomCodecs.float32().decode(Value.newBuilder().setNumberValue(1e300).build(), "f"));
    assertThrows(CustomDecodingException.class, () -> CustomCodecs.float64().decode(CustomCodecs.string().encode("inf"), "d"));
  }

  @Test
  void textValuesRoundTripAndBadTextIsNamed() throws Exception {
    Instant instant = Instant.parse("-1000-01-01T00:00:00.000000001Z");
    assertEquals(instant, CustomCodecs.instant().decode(wire(CustomCodecs.instant().encode(instant)), "t"));
    Duration duration = Duration.ofSeconds(-5, 3);
    assertEquals(duration, CustomCodecs.duration().decode(wire(CustomCodecs.duration().encode(duration)), "d"));
    assertEquals(Mode.SAFE, CustomCodecs.enumOf(Mode.class).decode(CustomCodecs.enumOf(Mode.class).encode(Mode.SAFE), "m"));

    CustomDecodingException e = assertThrows(CustomDecodingException.class,
        () -> CustomCodecs.enumOf(Mode.class).decode(CustomCodecs.string().encode("SLOW"), "mode"));
    assertTrue(e.getMessage().startsWith("custom property 'mode': expected one of [FAST, SAFE] (Mode), got string"
        + " \"SLOW\""), e.getMessage());
    e = assertThrows(CustomDecodingException.class,
        () -> CustomCodecs.duration().decode(CustomCodecs.string().encode("5s"), "timeout"));
    assertTrue(e.getMessage().startsWith("custom property 'timeout': expected an ISO-8601 duration"), e.getMessage());
    assertThrows(CustomDecodingException.class, () -> CustomCodecs.instant().decode(CustomCodecs.string().encode("yesterday"), "t"));
    assertThrows(CustomDecodingException.class, () -> CustomCodecs.bool().decode(CustomCodecs.string().encode("true"), "b"));
  }

  @Test
  void containersKeepNullsAndNameElementPaths() throws Exception {
    List<Long> list = Arrays.asList(1L, null, Long.MAX_VALUE);
    CustomCodec<List<Long>> longs = CustomCodecs.listOf(CustomCodecs.int64());
    assertEquals(list, longs.decode(wire(longs.encode(list)), "xs"));

    Map<String, Optional<String>> map = new LinkedHashMap<>();
    map.put("z", Optional.of("last"));
    map.put("a", Optional.empty());
    CustomCodec<Map<String, Optional<String>>> maybes = CustomCodecs.mapOf(CustomCodecs.optionalOf(CustomCodecs.string()));
    Value encodedMap = maybes.encode(map);
    assertEquals(List.of("a", "z"), List.copyOf(encodedMap.getStructValue().getFieldsMap().keySet()));
    assertEquals(map, maybes.decode(wire(encodedMap), "m"));

    Value badElement = CustomCodecs.listOf(CustomCodecs.string()).encode(List.of("1", "x"));
    CustomDecodingException e = assertThrows(CustomDecodingException.class,
        () -> CustomCodecs.listOf(CustomCodecs.int64()).decode(badElement, "limits"));
    assertEquals("limits[1]", e.path());
    Value badValue = CustomCodecs.mapOf(CustomCodecs.string()).encode(Map.of("k", "x"));
    e = assertThrows(CustomDecodingException.class, () -> CustomCodecs.mapOf(CustomCodecs.int64()).decode(badValue, "m"));
    assertEquals("m[\"k\"]", e.path());
  }

  @Test
  void valuesWithoutAnEncodingAreRefusedWithTheFix() {
    List<Optional<String>> nullOptional = Arrays.asList(Optional.of("a"), null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CustomCodecs.listOf(CustomCodecs.optionalOf(CustomCodecs.string())).encode(nullOptional));
    assertTrue(e.getMessage().contains("a null Optional cannot be written"), e.getMessage());
    Map<String, String> nullKey = new java.util.HashMap<>();
    nullKey.put(null, "v");
    e = assertThrows(IllegalArgumentException.class, () -> CustomCodecs.mapOf(CustomCodecs.string()).encode(nullKey));
    assertTrue(e.getMessage().contains("remove the null key"), e.getMessage());
  }

  private record Pair(long a, Long b) {}

  @Test
  void structsRejectUnknownAndMissingProperties() {
    CustomProperty<Pair, Long> a = CustomProperty.required("a", CustomCodecs.int64(), Pair::a);
    CustomProperty<Pair, Long> b = CustomProperty.of("b", CustomCodecs.int64(), Pair::b);
    CustomStruct<Pair> pairs = CustomStruct.of(fields -> new Pair(fields.get(a), fields.get(b)), a, b);
    Struct onlyA = Struct.newBuilder().putFields("a", CustomCodecs.int64().encode(1L)).build();
    assertEquals(new Pair(1, null), pairs.decodeStruct(onlyA));

    Struct onlyB = Struct.newBuilder().putFields("b", CustomCodecs.int64().encode(2L)).build();
    Value nested = Value.newBuilder().setStructValue(onlyB).build();
    CustomDecodingException e = assertThrows(CustomDecodingException.class, () -> pairs.decode(nested, "outer"));
    assertEquals("custom property 'outer.a': missing: the task template was written by another version of the task"
        + " class; register the task again with the version the image runs", e.getMessage());
    Struct unknown = onlyA.toBuilder().putFields("c", CustomCodecs.int64().encode(3L)).build();
    e = assertThrows(CustomDecodingException.class, () -> pairs.decodeStruct(unknown));
    assertTrue(e.getMessage().startsWith("custom property 'c': the configuration has no such property (it has [a, b])"),
        e.getMessage());
  }
}
