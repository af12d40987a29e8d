package dev.preflyte.runtime.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.preflyte.runtime.testing.RandomCases.forAll;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.conventions.TextRules;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.runtime.types.FlyteDirectory;
import dev.preflyte.runtime.types.FlyteFile;
import dev.preflyte.runtime.testing.RandomCases;
import dev.preflyte.runtime.types.StructuredDataset;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every Java value the literal codecs support survives value -> literal -> bytes -> literal ->
 * value, the path a value takes from one task's outputs.pb to the next task's inputs.pb. The bytes
 * parse back to an equal literal, and the codec's declared type is what the interface carries.
 * Doubles and floats include NaN, the infinities and -0.0; text includes controls, NUL, surrogate
 * pairs and noncharacters. Tries: 200 per property by default, more with {@code -Dpreflyte.tries=N},
 * a failure repeated with {@code -Dpreflyte.seed=S} ({@link RandomCases}, RELIABILITY.md).
 */
class LiteralRoundTripPropertyTest {

  enum Colour { RED, GREEN, BLUE }

  record Window(int size, Instant start, Duration length) {}

  /** A struct with a property of every kind a struct may hold. */
  record Reading(long id, double value, float ratio, String label, boolean valid, Colour colour,
      List<Long> samples, Map<String, String> tags, Optional<String> note, Window window) {}

  static <T> T roundTrip(LiteralCodec<T> codec, T value) {
    Literal literal = codec.encode(value, null);
    try {
      Literal parsed = Literal.parseFrom(literal.toByteArray());
      assertEquals(literal, parsed, "bytes changed the literal");
      LiteralType declared = codec.literalType();
      assertEquals(declared, LiteralType.parseFrom(declared.toByteArray()), "bytes changed the type");
      return codec.decode(parsed, null);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("bytes written by protobuf do not parse", e);
    }
  }

  private static <T> void survives(LiteralCodec<T> codec, T value) {
    assertEquals(value, roundTrip(codec, value));
  }

  /**
   * Text as Java holds it and UTF-8 can carry: every code point but lone surrogates (no UTF-8 form;
   * the codecs refuse them, see {@link #stringsThatAreNotTextAreRefused}).
   */
  static String text(RandomCases r) {
    return r.text(40);
  }

  private static final long FIRST_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
  private static final long LAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
  /** Up to 10,000 years either way (the duration codec's documented range). */
  private static final long DURATION_LIMIT = 315_576_000_000L;

  /** Instants Flyte's Timestamp carries: years 0001 to 9999, any nanosecond. */
  static Instant instant(RandomCases r) {
    return Instant.ofEpochSecond(r.longWithin(FIRST_SECOND, LAST_SECOND), r.intWithin(0, 999_999_999));
  }

  /** Durations protobuf's Duration carries: up to 10,000 years either way, any nanosecond. */
  static Duration duration(RandomCases r) {
    long seconds = r.longWithin(-DURATION_LIMIT, DURATION_LIMIT);
    return Duration.ofSeconds(seconds, seconds == DURATION_LIMIT ? 0 : r.intWithin(0, 999_999_999));
  }

  /**
   * Instants a struct (flytekit's dataclass) keeps: Python's datetime holds microseconds, so the
   * codec writes six digits and the nanoseconds below are cut by design.
   */
  static Instant structInstant(RandomCases r) {
    return instant(r).truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Durations a struct keeps exactly: flytekit writes a timedelta as float seconds, exact to the
   * nanosecond up to about 52 days; microseconds, as Python's timedelta holds, within 30 days.
   */
  static Duration structDuration(RandomCases r) {
    long limit = 30L * 86_400 * 1_000_000;
    return Duration.of(r.longWithin(-limit, limit), ChronoUnit.MICROS);
  }

  /**
   * Strings with at least one surrogate that is not half of a pair: text around one surrogate (text
   * neither starts with a low nor ends with a high surrogate, so it cannot pair), or any chars at
   * all, lone surrogates of their own included, with one more set apart by '!'. Built so, not
   * filtered through {@link TextRules}, the rule under test.
   */
  static String notText(RandomCases r) {
    return r.bool() ? text(r) + r.surrogate() + text(r) : r.anyChars(20) + "!" + r.surrogate() + "!" + r.anyChars(20);
  }

  static Reading reading(RandomCases r) {
    return new Reading(r.anyLong(), r.anyDouble(), r.anyFloat(), text(r), r.bool(), r.anyOf(Colour.class),
        r.list(5, r::anyLong), r.map(4, () -> text(r), () -> text(r)), r.optional(() -> text(r)),
        new Window(r.anyInt(), structInstant(r), structDuration(r)));
  }

  /** Remote URIs as a task passes them on by reference. */
  static String remoteUri(RandomCases r) {
    return r.pick("s3", "gs", "abfs") + "://" + r.word(1, 12, "-_.") + "/"
        + String.join("/", r.list(1, 4, () -> r.word(1, 12, "-_.")));
  }

  @Test
  void int64() {
    forAll("int64", RandomCases::anyLong, value -> survives(LiteralCodecs.int64(), value));
  }

  @Test
  void int32() {
    forAll("int32", RandomCases::anyInt, value -> survives(LiteralCodecs.int32(), value));
  }

  @Test
  void float64() {
    forAll("float64", RandomCases::anyDouble, value -> survives(LiteralCodecs.float64(), value));
  }

  @Test
  void float32() {
    forAll("float32", RandomCases::anyFloat, value -> survives(LiteralCodecs.float32(), value));
  }

  @Test
  void bool() {
    forAll("bool", RandomCases::bool, value -> survives(LiteralCodecs.bool(), value));
  }

  @Test
  void string() {
    forAll("string", LiteralRoundTripPropertyTest::text, RandomCases::smallerStrings,
        value -> survives(LiteralCodecs.string(), value));
  }

  /** Protobuf and msgpack would write '?' for a lone surrogate: refused, never changed. */
  @Test
  void stringsThatAreNotTextAreRefused() {
    forAll("stringsThatAreNotTextAreRefused", r -> new NotText(notText(r), reading(r)),
        bad -> RandomCases.smallerStrings(bad.value()).filter(LiteralRoundTripPropertyTest::hasLoneSurrogate)
            .map(s -> new NotText(s, bad.reading())),
        bad -> {
          String value = bad.value();
          Reading reading = bad.reading();
          assertRefusedAsNotText(() -> LiteralCodecs.string().encode(value, null));
          assertRefusedAsNotText(() -> LiteralCodecs.mapOf(LiteralCodecs.int64()).encode(Map.of(value, 1L), null));
          Reading withBadLabel = new Reading(reading.id(), reading.value(), reading.ratio(), value, reading.valid(),
              reading.colour(), reading.samples(), reading.tags(), reading.note(), reading.window());
          assertRefusedAsNotText(() -> LiteralCodecs.struct(Reading.class).encode(withBadLabel, null));
        });
  }

  /** For shrinking only: a smaller string must still be no text. */
  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired = Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
          : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
      if (Character.isSurrogate(c) && !paired) {
        return true;
      }
    }
    return false;
  }

  record NotText(String value, Reading reading) {
    @Override
    public String toString() {
      return RandomCases.describe(value) + " in " + reading;
    }
  }

  private static void assertRefusedAsNotText(Executable encode) {
    RuntimeException refused = assertThrows(RuntimeException.class, encode);
    assertTrue(refused.getMessage().contains("lone UTF-16 surrogate"), refused.getMessage());
  }

  @Test
  void datetime() {
    forAll("datetime", LiteralRoundTripPropertyTest::instant, value -> survives(LiteralCodecs.datetime(), value));
  }

  @Test
  void duration() {
    forAll("duration", LiteralRoundTripPropertyTest::duration, value -> survives(LiteralCodecs.duration(), value));
  }

  @Test
  void enumeration() {
    forAll("enumeration", r -> r.anyOf(Colour.class), value -> survives(LiteralCodecs.enumOf(Colour.class), value));
  }

  @Test
  void listOfStrings() {
    forAll("listOfStrings", r -> r.list(8, () -> text(r)), RandomCases::smallerLists,
        value -> survives(LiteralCodecs.listOf(LiteralCodecs.string()), value));
  }

  @Test
  void mapOfLongs() {
    forAll("mapOfLongs", r -> r.map(8, () -> text(r), r::anyLong),
        value -> survives(LiteralCodecs.mapOf(LiteralCodecs.int64()), value));
  }

  @Test
  void nestedContainers() {
    forAll("nestedContainers", r -> r.list(3, () -> r.map(3, () -> text(r), () -> r.list(3, r::anyDouble))),
        RandomCases::smallerLists,
        value -> survives(LiteralCodecs.listOf(LiteralCodecs.mapOf(LiteralCodecs.listOf(LiteralCodecs.float64()))),
            value));
  }

  @Test
  void optional() {
    forAll("optional", r -> r.optional(() -> instant(r)),
        value -> survives(LiteralCodecs.optionalOf(LiteralCodecs.datetime()), value));
  }

  @Test
  void nullable() {
    forAll("nullable", r -> r.nullOr(5, r::anyLong), value -> survives(LiteralCodecs.nullable(LiteralCodecs.int64()), value));
  }

  @Test
  void struct() {
    forAll("struct", LiteralRoundTripPropertyTest::reading, value -> survives(LiteralCodecs.struct(Reading.class), value));
  }

  @Test
  void listOfStructs() {
    forAll("listOfStructs", r -> List.of(reading(r), reading(r)),
        value -> survives(LiteralCodecs.listOf(LiteralCodecs.struct(Reading.class)), value));
  }

  @Test
  void remoteFile() {
    forAll("remoteFile", LiteralRoundTripPropertyTest::remoteUri,
        uri -> assertEquals(uri, roundTrip(LiteralCodecs.file(), FlyteFile.ofUri(uri)).uri()));
  }

  @Test
  void remoteDirectory() {
    forAll("remoteDirectory", LiteralRoundTripPropertyTest::remoteUri,
        uri -> assertEquals(uri, roundTrip(LiteralCodecs.directory(), FlyteDirectory.ofUri(uri)).uri()));
  }

  @Test
  void structuredDataset() {
    forAll("structuredDataset", r -> {
      String format = text(r);
      return new StructuredDataset(remoteUri(r), format.isEmpty() ? "parquet" : format);
    }, value -> survives(LiteralCodecs.structuredDataset(), value));
  }
}
