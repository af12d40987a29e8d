package dev.preflyte.runtime.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomValuesTest {

  private enum Mode { FAST, SAFE }

  /** Serializes and parses, as the value travels inside a TaskTemplate. */
  private static Value wire(Value value) throws InvalidProtocolBufferException {
    return Value.parseFrom(value.toByteArray());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, 1L << 53, -(1L << 53), (1L << 53) + 1, -(1L << 53) - 1,
      Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1})
  void longsRoundTripExactly(long value) throws Exception {
    Value encoded = CustomValues.ofLong(value);
    boolean exact = value >= -(1L << 53) && value <= (1L << 53);
    assertEquals(exact ? Value.KindCase.NUMBER_VALUE : Value.KindCase.STRING_VALUE, encoded.getKindCase());
    assertEquals(value, CustomValues.asLong(wire(encoded), "x"));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, 1.5, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void doublesRoundTripBitForBit(double value) throws Exception {
    double decoded = CustomValues.asDouble(wire(CustomValues.ofDouble(value)), "x");
    assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(decoded));
  }

  @ParameterizedTest
  @ValueSource(floats = {0f, -0f, 0.1f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN,
      Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
  void floatsRoundTripBitForBit(float value) throws Exception {
    float decoded = CustomValues.asFloat(wire(CustomValues.ofFloat(value)), "x");
    assertEquals(Float.floatToRawIntBits(value), Float.floatToRawIntBits(decoded));
  }

  @Test
  void numbersThatLostPrecisionOrDoNotFitAreRejectedWithThePath() {
    Value beyond = Value.newBuilder().setNumberValue(Math.pow(2, 60)).build();
    CustomDecodingException e = assertThrows(CustomDecodingException.class, () -> CustomValues.asLong(beyond, "a.b"));
    assertTrue(e.getMessage().startsWith("custom property 'a.b': expected a whole number between -2^53 and 2^53"
        + " or a decimal string, got number"), e.getMessage());
    assertEquals("a.b", e.path());
    assertThrows(CustomDecodingException.class,
        () -> CustomValues.asInt(Value.newBuilder().setNumberValue(1L << 31).build(), "i"));
    assertThrows(CustomDecodingException.class,
        () -> CustomValues.asInt(Value.newBuilder().setNumberValue(0.5).build(), "i"));
    assertThrows(CustomDecodingException.class,
        () -> CustomValues.asFloat(Value.newBuilder().setNumberValue(1e300).build(), "f"));
    assertThrows(CustomDecodingException.class, () -> CustomValues.asDouble(CustomValues.ofString("inf"), "d"));
  }

  @Test
  void textValuesRoundTripAndBadTextIsNamed() throws Exception {
    Instant instant = Instant.parse("-1000-01-01T00:00:00.000000001Z");
    assertEquals(instant, CustomValues.asInstant(wire(CustomValues.ofInstant(instant)), "t"));
    Duration duration = Duration.ofSeconds(-5, 3);
    assertEquals(duration, CustomValues.asDuration(wire(CustomValues.ofDuration(duration)), "d"));
    assertEquals(Mode.SAFE, CustomValues.asEnum(CustomValues.ofEnum(Mode.SAFE), "m", Mode.class));

    CustomDecodingException e = assertThrows(CustomDecodingException.class,
        () -> CustomValues.asEnum(CustomValues.ofString("SLOW"), "mode", Mode.class));
    assertTrue(e.getMessage().startsWith("custom property 'mode': expected one of [FAST, SAFE] (Mode), got string"
        + " \"SLOW\""), e.getMessage());
    e = assertThrows(CustomDecodingException.class,
        () -> CustomValues.asDuration(CustomValues.ofString("5s"), "timeout"));
    assertTrue(e.getMessage().startsWith("custom property 'timeout': expected an ISO-8601 duration"), e.getMessage());
    assertThrows(CustomDecodingException.class, () -> CustomValues.asInstant(CustomValues.ofString("yesterday"), "t"));
    assertThrows(CustomDecodingException.class, () -> CustomValues.asBoolean(CustomValues.ofString("true"), "b"));
  }

  @Test
  void containersKeepNullsAndNameElementPaths() throws Exception {
    List<Long> list = Arrays.asList(1L, null, Long.MAX_VALUE);
    Value encoded = CustomValues.ofList(list, item -> CustomValues.ofNullable(item, CustomValues::ofLong));
    assertEquals(list, CustomValues.asList(wire(encoded), "xs", CustomValues.orNull(CustomValues::asLong)));

    Map<String, Optional<String>> map = new LinkedHashMap<>();
    map.put("z", Optional.of("last"));
    map.put("a", Optional.empty());
    Value encodedMap = CustomValues.ofMap(map, item -> CustomValues.ofOptional(item, CustomValues::ofString));
    assertEquals(List.of("a", "z"), List.copyOf(encodedMap.getStructValue().getFieldsMap().keySet()));
    assertEquals(map, CustomValues.asMap(wire(encodedMap), "m",
        (value, path) -> CustomValues.asOptional(value, path, CustomValues::asString)));

    Value badElement = CustomValues.ofList(List.of("1", "x"), CustomValues::ofString);
    CustomDecodingException e = assertThrows(CustomDecodingException.class,
        () -> CustomValues.asList(badElement, "limits", CustomValues::asLong));
    assertEquals("limits[1]", e.path());
    Value badValue = CustomValues.ofMap(Map.of("k", "x"), CustomValues::ofString);
    e = assertThrows(CustomDecodingException.class, () -> CustomValues.asMap(badValue, "m", CustomValues::asLong));
    assertEquals("m[\"k\"]", e.path());
  }

  @Test
  void valuesWithoutAnEncodingAreRefusedWithTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CustomValues.ofOptional(null, CustomValues::ofString));
    assertTrue(e.getMessage().startsWith("a null Optional cannot be written"), e.getMessage());
    Map<String, String> nullKey = new java.util.HashMap<>();
    nullKey.put(null, "v");
    e = assertThrows(IllegalArgumentException.class, () -> CustomValues.ofMap(nullKey, CustomValues::ofString));
    assertTrue(e.getMessage().contains("remove the null key"), e.getMessage());
  }

  @Test
  void structReaderRejectsUnknownAndMissingProperties() {
    Struct struct = Struct.newBuilder().putFields("a", CustomValues.ofLong(1)).build();
    CustomStructReader reader = CustomStructReader.of(struct, "outer", Set.of("a", "b"));
    assertEquals(1L, reader.required("a", CustomValues::asLong));
    assertEquals(null, reader.get("b", CustomValues::asLong));
    CustomDecodingException e = assertThrows(CustomDecodingException.class, () -> reader.required("b", CustomValues::asLong));
    assertEquals("custom property 'outer.b': missing: the task template was written by another version of the task"
        + " class; register the task again with the version the image runs", e.getMessage());
    e = assertThrows(CustomDecodingException.class, () -> CustomStructReader.of(struct, "", Set.of("b")));
    assertTrue(e.getMessage().startsWith("custom property 'a': the configuration has no such property (it has [b])"));
  }
}
