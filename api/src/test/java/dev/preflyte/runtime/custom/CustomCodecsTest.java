package dev.preflyte.runtime.custom;

import static dev.preflyte.runtime.custom.Wire.NULL;
import static dev.preflyte.runtime.custom.Wire.assertDecodingFails;
import static dev.preflyte.runtime.custom.Wire.assertRefused;
import static dev.preflyte.runtime.custom.Wire.bool;
import static dev.preflyte.runtime.custom.Wire.list;
import static dev.preflyte.runtime.custom.Wire.number;
import static dev.preflyte.runtime.custom.Wire.structValue;
import static dev.preflyte.runtime.custom.Wire.text;
import static dev.preflyte.runtime.custom.Wire.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflyte.conventions.TextRules;
import dev.preflyte.idl.protobuf.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomCodecsTest {

  private enum Mode { FAST, SAFE }

  /** Encodes, checks the wire form, sends it over the wire and returns what decodes. */
  private static <T> T roundTrip(CustomCodec<T> codec, T value, Value expected) {
    Value encoded = codec.encode(value);
    assertEquals(expected, encoded);
    return codec.decode(wire(encoded), "x");
  }

  // ---- scalars ---------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, 5, 1L << 53, -(1L << 53)})
  void int64WithinTwoToThe53IsANumber(long value) {
    assertEquals(value, roundTrip(CustomCodecs.int64(), value, number(value)));
  }

  @ParameterizedTest
  @ValueSource(longs = {(1L << 53) + 1, -(1L << 53) - 1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1})
  void int64BeyondTwoToThe53IsDecimalText(long value) {
    assertEquals(value, roundTrip(CustomCodecs.int64(), value, text(Long.toString(value))));
  }

  @Test
  void int64WireFormsAreTheDocumentedOnes() {
    assertEquals(text("9223372036854775807"), CustomCodecs.int64().encode(Long.MAX_VALUE));
    assertEquals(text("9007199254740993"), CustomCodecs.int64().encode((1L << 53) + 1));
    assertEquals(12L, CustomCodecs.int64().decode(text("12"), "x"));
  }

  @Test
  void int64RejectsWhatIsNotExactlyALong() {
    CustomCodec<Long> codec = CustomCodecs.int64();
    assertDecodingFails("a.b", "expected a whole number between -2^53 and 2^53 or a decimal string, got number"
        + " 1.15292150460684698E18", () -> codec.decode(number(Math.pow(2, 60)), "a.b"));
    assertDecodingFails("a", "expected a whole number between -2^53 and 2^53 or a decimal string, got number 1.5",
        () -> codec.decode(number(1.5), "a"));
    assertDecodingFails("a", "expected a 64-bit integer written as decimal text, got string \"12x\"",
        () -> codec.decode(text("12x"), "a"));
    assertDecodingFails("a", "expected an integer, got boolean true", () -> codec.decode(bool(true), "a"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 42, -7, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void int32IsANumber(int value) {
    assertEquals(value, roundTrip(CustomCodecs.int32(), value, number(value)));
  }

  @Test
  void int32RejectsFractionsAndNumbersBeyondItsRange() {
    CustomCodec<Integer> codec = CustomCodecs.int32();
    assertDecodingFails("i", "expected a whole number within the range of int, got number 2.147483648E9",
        () -> codec.decode(number(1L << 31), "i"));
    assertDecodingFails("i", "expected a whole number within the range of int, got number 0.5",
        () -> codec.decode(number(0.5), "i"));
    assertDecodingFails("i", "expected a whole number within the range of int, got string \"1\"",
        () -> codec.decode(text("1"), "i"));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, 0.5, 1.5, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE})
  void float64FiniteIsANumberBitForBit(double value) {
    double decoded = roundTrip(CustomCodecs.float64(), value, number(value));
    assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(decoded));
  }

  @Test
  void float64NanAndInfinitiesAreText() {
    assertEquals(Double.NaN, roundTrip(CustomCodecs.float64(), Double.NaN, text("NaN")));
    assertEquals(Double.POSITIVE_INFINITY,
        roundTrip(CustomCodecs.float64(), Double.POSITIVE_INFINITY, text("Infinity")));
    assertEquals(Double.NEGATIVE_INFINITY,
        roundTrip(CustomCodecs.float64(), Double.NEGATIVE_INFINITY, text("-Infinity")));
    assertDecodingFails("d", "expected a number, \"NaN\", \"Infinity\" or \"-Infinity\", got string \"inf\"",
        () -> CustomCodecs.float64().decode(text("inf"), "d"));
  }

  @Test
  void float32IsTheExactDoubleAndRejectsNumbersBeyondFloat() {
    assertEquals(0.1f, roundTrip(CustomCodecs.float32(), 0.1f, number((double) 0.1f)));
    assertEquals(Float.NaN, roundTrip(CustomCodecs.float32(), Float.NaN, text("NaN")));
    assertEquals(Float.NEGATIVE_INFINITY,
        roundTrip(CustomCodecs.float32(), Float.NEGATIVE_INFINITY, text("-Infinity")));
    float negativeZero = roundTrip(CustomCodecs.float32(), -0f, number(-0.0));
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(negativeZero));
    assertDecodingFails("f", "expected a number within the range of float, got number 1.0E300",
        () -> CustomCodecs.float32().decode(number(1e300), "f"));
  }

  @Test
  void boolAndString() {
    assertEquals(true, roundTrip(CustomCodecs.bool(), true, bool(true)));
    assertEquals(false, roundTrip(CustomCodecs.bool(), false, bool(false)));
    assertDecodingFails("b", "expected true or false, got string \"true\"",
        () -> CustomCodecs.bool().decode(text("true"), "b"));
    assertEquals("select 1", roundTrip(CustomCodecs.string(), "select 1", text("select 1")));
    assertEquals("", roundTrip(CustomCodecs.string(), "", text("")));
    assertDecodingFails("s", "expected a string, got number 1.0", () -> CustomCodecs.string().decode(number(1), "s"));
  }

  @Test
  void longTextIsShortenedInMessages() {
    String text = "0123456789".repeat(5);
    assertDecodingFails("s", "expected true or false, got string \"" + text.substring(0, 40) + "...\"",
        () -> CustomCodecs.bool().decode(text(text), "s"));
  }

  @Test
  void instantAndDurationAreIsoText() {
    Instant instant = Instant.parse("2026-01-01T00:00:00Z");
    assertEquals(instant, roundTrip(CustomCodecs.instant(), instant, text("2026-01-01T00:00:00Z")));
    Instant far = Instant.parse("-1000-01-01T00:00:00.000000001Z");
    assertEquals(far, roundTrip(CustomCodecs.instant(), far, text("-1000-01-01T00:00:00.000000001Z")));
    Duration duration = Duration.ofMinutes(90);
    assertEquals(duration, roundTrip(CustomCodecs.duration(), duration, text("PT1H30M")));
    Duration negative = Duration.ofSeconds(-5, 3);
    assertEquals(negative, roundTrip(CustomCodecs.duration(), negative, text(negative.toString())));

    assertDecodingFails("t", "expected an ISO-8601 instant such as \"2026-01-01T00:00:00Z\", got string"
        + " \"yesterday\"", () -> CustomCodecs.instant().decode(text("yesterday"), "t"));
    assertDecodingFails("timeout", "expected an ISO-8601 duration such as \"PT1H30M\", got string \"5s\"",
        () -> CustomCodecs.duration().decode(text("5s"), "timeout"));
    assertDecodingFails("timeout", "expected a string, got number 5.0",
        () -> CustomCodecs.duration().decode(number(5), "timeout"));
  }

  @Test
  void enumIsTheConstantsName() {
    CustomCodec<Mode> codec = CustomCodecs.enumOf(Mode.class);
    assertEquals(Mode.SAFE, roundTrip(codec, Mode.SAFE, text("SAFE")));
    assertEquals(Mode.FAST, roundTrip(codec, Mode.FAST, text("FAST")));
    assertDecodingFails("mode", "expected one of [FAST, SAFE] (Mode), got string \"SLOW\"",
        () -> codec.decode(text("SLOW"), "mode"));
    assertDecodingFails("mode", "expected a string, got number 0.0", () -> codec.decode(number(0), "mode"));
  }

  @Test
  void encodingNullIsNotEncode() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> CustomCodecs.string().encode(null));
    assertEquals("a custom codec encodes non-null values; encodeNull writes a null", e.getMessage());
  }

  // ---- containers ------------------------------------------------------------------------------

  @Test
  void listKeepsNullElementsAsJsonNull() {
    CustomCodec<List<Long>> codec = CustomCodecs.listOf(CustomCodecs.int64());
    List<Long> value = Arrays.asList(1L, null, Long.MAX_VALUE);
    List<Long> decoded = roundTrip(codec, value, list(number(1), NULL, text("9223372036854775807")));
    assertEquals(value, decoded);
    assertThrows(UnsupportedOperationException.class, () -> decoded.add(2L));
    assertEquals(List.of(), roundTrip(codec, List.of(), list()));
  }

  @Test
  void listNamesTheElementAtFault() {
    CustomCodec<List<Long>> codec = CustomCodecs.listOf(CustomCodecs.int64());
    assertDecodingFails("tags[2]", "expected an integer, got boolean false",
        () -> codec.decode(list(number(1), NULL, bool(false)), "tags"));
    assertDecodingFails("tags", "expected a list, got struct with fields [a]",
        () -> codec.decode(structValue("a", number(1)), "tags"));
  }

  @Test
  void mapIsAStructWithSortedKeys() {
    CustomCodec<Map<String, Long>> codec = CustomCodecs.mapOf(CustomCodecs.int64());
    Map<String, Long> value = new LinkedHashMap<>();
    value.put("z", 1L);
    value.put("a", null);
    value.put("m", Long.MIN_VALUE);
    Value expected = structValue("a", NULL, "m", text("-9223372036854775808"), "z", number(1));
    Map<String, Long> decoded = roundTrip(codec, value, expected);
    assertEquals(value, decoded);
    assertEquals(List.of("a", "m", "z"), List.copyOf(decoded.keySet()));
    assertEquals(List.of("a", "m", "z"), List.copyOf(codec.encode(value).getStructValue().getFieldsMap().keySet()));
    assertArrayEquals(expected.toByteArray(), codec.encode(value).toByteArray());
    assertThrows(UnsupportedOperationException.class, () -> decoded.put("b", 2L));
  }

  @Test
  void mapNamesTheKeyAtFaultAndRefusesANullKey() {
    CustomCodec<Map<String, Long>> codec = CustomCodecs.mapOf(CustomCodecs.int64());
    assertDecodingFails("weights[\"k\"]", "expected an integer, got boolean true",
        () -> codec.decode(structValue("a", number(1), "k", bool(true)), "weights"));
    assertDecodingFails("weights", "expected a struct of map entries, got list of 0 values",
        () -> codec.decode(list(), "weights"));
    Map<String, Long> nullKey = new HashMap<>();
    nullKey.put(null, 1L);
    assertRefused("a map with a null key cannot be written into the task's custom: remove the null key",
        () -> codec.encode(nullKey));
  }

  @Test
  void nestedContainersNameTheWholePath() {
    CustomCodec<List<Map<String, Long>>> codec = CustomCodecs.listOf(CustomCodecs.mapOf(CustomCodecs.int64()));
    assertDecodingFails("xs[1][\"k\"]", "expected an integer, got boolean true",
        () -> codec.decode(list(structValue("k", number(1)), structValue("j", NULL, "k", bool(true))), "xs"));
    assertEquals(Arrays.asList(Map.of("k", 1L), null), codec.decode(list(structValue("k", number(1)), NULL), "xs"));
  }

  @Test
  void optionalEmptyIsJsonNull() {
    CustomCodec<Optional<String>> codec = CustomCodecs.optionalOf(CustomCodecs.string());
    assertEquals(Optional.empty(), roundTrip(codec, Optional.empty(), NULL));
    assertEquals(Optional.of("x"), roundTrip(codec, Optional.of("x"), text("x")));
    assertEquals(Optional.empty(), codec.decodeNull("x"));
    assertDecodingFails("o", "expected a string, got number 1.0", () -> codec.decode(number(1), "o"));
  }

  @Test
  void aNullOptionalCannotBeWritten() {
    CustomCodec<Optional<String>> codec = CustomCodecs.optionalOf(CustomCodecs.string());
    assertRefused("custom property 'tags[2]': a null Optional cannot be written into the task's custom:"
        + " use Optional.empty()", () -> codec.encodeNull("tags[2]"));
    assertRefused("a null Optional cannot be written into the task's custom: use Optional.empty()",
        () -> codec.encodeNull(""));
  }

  @Test
  void optionalElementsAndValuesUseTheOptionalsNullHandling() {
    CustomCodec<List<Optional<String>>> list = CustomCodecs.listOf(CustomCodecs.optionalOf(CustomCodecs.string()));
    List<Optional<String>> value = List.of(Optional.of("a"), Optional.empty());
    assertEquals(value, roundTrip(list, value, list(text("a"), NULL)));
    assertRefused("custom property '[1]': a null Optional cannot be written into the task's custom:"
        + " use Optional.empty()", () -> list.encode(Arrays.asList(Optional.of("a"), null)));

    CustomCodec<Map<String, Optional<Long>>> map = CustomCodecs.mapOf(CustomCodecs.optionalOf(CustomCodecs.int64()));
    Map<String, Optional<Long>> withNull = new HashMap<>();
    withNull.put("k", null);
    assertRefused("custom property '[\"k\"]': a null Optional cannot be written into the task's custom:"
        + " use Optional.empty()", () -> map.encode(withNull));
    assertEquals(Map.of("k", Optional.empty()), map.decode(structValue("k", NULL), "m"));
  }

  @Test
  void optionalOfOptionalHasNoEncoding() {
    CustomCodec<Optional<String>> inner = CustomCodecs.optionalOf(CustomCodecs.string());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CustomCodecs.optionalOf(inner));
    assertEquals("Optional<Optional<T>> has no encoding in the task's custom: use a single Optional", e.getMessage());
  }

  @Test
  void nonOptionalElementsDecodeJsonNullAsNull() {
    assertNull(CustomCodecs.string().decodeNull("x"));
    assertEquals(NULL, CustomCodecs.string().encodeNull("x"));
    assertEquals(NULL, CustomCodecs.listOf(CustomCodecs.int64()).encodeNull("x"));
  }

  // ---- lazy ------------------------------------------------------------------------------------

  @Test
  void lazyResolvesOnFirstUseOnly() {
    AtomicInteger calls = new AtomicInteger();
    CustomCodec<List<Optional<String>>> codec = CustomCodecs.lazy(() -> {
      calls.incrementAndGet();
      return CustomCodecs.listOf(CustomCodecs.optionalOf(CustomCodecs.string()));
    });
    assertEquals(0, calls.get());
    assertEquals(list(text("a"), NULL), codec.encode(List.of(Optional.of("a"), Optional.empty())));
    assertEquals(List.of(Optional.empty()), codec.decode(list(NULL), "x"));
    assertEquals(1, calls.get());
    assertDecodingFails("xs[0]", "expected a string, got boolean true", () -> codec.decode(list(bool(true)), "xs"));

    CustomCodec<Optional<String>> optional = CustomCodecs.lazy(() -> CustomCodecs.optionalOf(CustomCodecs.string()));
    assertEquals(Optional.empty(), optional.decodeNull("o"));
    assertRefused("custom property 'o': a null Optional cannot be written into the task's custom:"
        + " use Optional.empty()", () -> optional.encodeNull("o"));
  }

  @Test
  void lazyWhoseSupplierReturnsNullSaysSo() {
    CustomCodec<String> codec = CustomCodecs.lazy(() -> null);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> codec.encode("x"));
    assertEquals("the supplier given to CustomCodecs.lazy returned null: it must return a codec that is"
        + " initialized by the time the codec is first used", e.getMessage());
  }

  @Test
  void stringsThatAreNotTextAreRefusedNotChanged() {
    // Protobuf would write '?' for a lone surrogate: the configuration would come back changed.
    assertRefused("the string has a lone UTF-16 surrogate U+D800 at index 1, which UTF-8 cannot carry (protobuf"
        + " would write '?'): pass valid Unicode text", () -> CustomCodecs.string().encode("a\uD800b"));
    assertRefused("a map key is not text: " + TextRules.problem("\uDC00"),
        () -> CustomCodecs.mapOf(CustomCodecs.int64()).encode(Map.of("\uDC00", 1L)));
    assertEquals(text("\uD83D\uDE00"), CustomCodecs.string().encode("\uD83D\uDE00"), "a pair is text");
  }
}
