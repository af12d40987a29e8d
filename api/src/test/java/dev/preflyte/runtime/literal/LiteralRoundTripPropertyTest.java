package dev.preflyte.runtime.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.conventions.TextRules;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.runtime.types.FlyteDirectory;
import dev.preflyte.runtime.types.FlyteFile;
import dev.preflyte.runtime.types.StructuredDataset;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.function.Executable;

/**
 * Every Java value the literal codecs support survives value -> literal -> bytes -> literal ->
 * value, the path a value takes from one task's outputs.pb to the next task's inputs.pb. The bytes
 * parse back to an equal literal, and the codec's declared type is what the interface carries.
 * Tries: 200 by default, more with {@code -Dpreflyte.tries=N} (see RELIABILITY.md).
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
  static Arbitrary<String> text() {
    return Arbitraries.strings().withCharRange(Character.MIN_VALUE, Character.MAX_VALUE).ofMaxLength(40)
        .filter(s -> s.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
  }

  /** Instants Flyte's Timestamp carries: years 0001 to 9999, any nanosecond. */
  static Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  /** Durations protobuf's Duration carries: up to 10,000 years either way (the codec's documented range). */
  static Arbitrary<Duration> durations() {
    long limit = 315_576_000_000L;
    return Combinators.combine(Arbitraries.longs().between(-limit, limit), Arbitraries.integers().between(0, 999_999_999))
        .as((seconds, nanos) -> Duration.ofSeconds(seconds, nanos))
        .filter(d -> d.abs().compareTo(Duration.ofSeconds(limit)) <= 0);
  }

  /**
   * Instants a struct (flytekit's dataclass) keeps: Python's datetime holds microseconds, so the
   * codec writes six digits and the nanoseconds below are cut by design.
   */
  static Arbitrary<Instant> structInstants() {
    return instants().map(i -> i.truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * Durations a struct keeps exactly: flytekit writes a timedelta as float seconds, exact to the
   * nanosecond up to about 52 days; microseconds, as Python's timedelta holds, within 30 days.
   */
  static Arbitrary<Duration> structDurations() {
    long limit = 30L * 86_400 * 1_000_000;
    return Arbitraries.longs().between(-limit, limit).map(micros -> Duration.of(micros, ChronoUnit.MICROS));
  }

  @Provide
  Arbitrary<String> strings() {
    return text();
  }

  /** Strings with at least one surrogate that is not half of a pair. */
  @Provide
  Arbitrary<String> notText() {
    return Combinators.combine(text(), Arbitraries.chars().range(Character.MIN_SURROGATE, Character.MAX_SURROGATE), text())
        .as((before, surrogate, after) -> before + surrogate + after)
        .filter(s -> TextRules.loneSurrogate(s) >= 0);
  }

  @Provide
  Arbitrary<Instant> anyInstant() {
    return instants();
  }

  @Provide
  Arbitrary<Duration> anyDuration() {
    return durations();
  }

  @Provide
  Arbitrary<List<String>> stringLists() {
    return text().list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<Map<String, Long>> longMaps() {
    return Arbitraries.maps(text(), Arbitraries.longs()).ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Map<String, List<Double>>>> nested() {
    return Arbitraries.maps(text(), Arbitraries.doubles().list().ofMaxSize(3)).ofMaxSize(3).list().ofMaxSize(3);
  }

  @Provide
  Arbitrary<Optional<Instant>> optionalInstants() {
    return instants().optional();
  }

  @Provide
  Arbitrary<Long> nullableLongs() {
    return Arbitraries.longs().injectNull(0.2);
  }

  @Provide
  Arbitrary<Reading> readings() {
    Arbitrary<Window> windows = Combinators.combine(Arbitraries.integers(), structInstants(), structDurations())
        .as(Window::new);
    return Combinators.combine(
            Combinators.combine(Arbitraries.longs(), Arbitraries.doubles(), Arbitraries.floats(), text(),
                Arbitraries.of(true, false), Arbitraries.of(Colour.class)).as(List::of),
            Combinators.combine(Arbitraries.longs().list().ofMaxSize(5), Arbitraries.maps(text(), text()).ofMaxSize(4),
                text().optional(), windows).as(List::of))
        .as((a, b) -> new Reading((Long) a.get(0), (Double) a.get(1), (Float) a.get(2), (String) a.get(3),
            (Boolean) a.get(4), (Colour) a.get(5), cast(b.get(0)), cast(b.get(1)), cast(b.get(2)), (Window) b.get(3)));
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  /** Remote URIs as a task passes them on by reference. */
  @Provide
  Arbitrary<String> remoteUris() {
    Arbitrary<String> segment = Arbitraries.strings().alpha().numeric().withChars("-_.").ofMinLength(1).ofMaxLength(12);
    return Combinators.combine(Arbitraries.of("s3", "gs", "abfs"), segment, segment.list().ofMinSize(1).ofMaxSize(4))
        .as((scheme, bucket, path) -> scheme + "://" + bucket + "/" + String.join("/", path));
  }

  @Property
  void int64(@ForAll long value) {
    survives(LiteralCodecs.int64(), value);
  }

  @Property
  void int32(@ForAll int value) {
    survives(LiteralCodecs.int32(), value);
  }

  @Property
  void float64(@ForAll double value) {
    survives(LiteralCodecs.float64(), value);
  }

  @Property
  void float32(@ForAll float value) {
    survives(LiteralCodecs.float32(), value);
  }

  @Property
  void bool(@ForAll boolean value) {
    survives(LiteralCodecs.bool(), value);
  }

  @Property
  void string(@ForAll("strings") String value) {
    survives(LiteralCodecs.string(), value);
  }

  /** Protobuf and msgpack would write '?' for a lone surrogate: refused, never changed. */
  @Property
  void stringsThatAreNotTextAreRefused(@ForAll("notText") String value, @ForAll("readings") Reading reading) {
    assertRefusedAsNotText(() -> LiteralCodecs.string().encode(value, null));
    assertRefusedAsNotText(() -> LiteralCodecs.mapOf(LiteralCodecs.int64()).encode(Map.of(value, 1L), null));
    Reading withBadLabel = new Reading(reading.id(), reading.value(), reading.ratio(), value, reading.valid(),
        reading.colour(), reading.samples(), reading.tags(), reading.note(), reading.window());
    assertRefusedAsNotText(() -> LiteralCodecs.struct(Reading.class).encode(withBadLabel, null));
  }

  private static void assertRefusedAsNotText(Executable encode) {
    RuntimeException refused = assertThrows(RuntimeException.class, encode);
    assertTrue(refused.getMessage().contains("lone UTF-16 surrogate"), refused.getMessage());
  }

  @Property
  void datetime(@ForAll("anyInstant") Instant value) {
    survives(LiteralCodecs.datetime(), value);
  }

  @Property
  void duration(@ForAll("anyDuration") Duration value) {
    survives(LiteralCodecs.duration(), value);
  }

  @Property
  void enumeration(@ForAll Colour value) {
    survives(LiteralCodecs.enumOf(Colour.class), value);
  }

  @Property
  void listOfStrings(@ForAll("stringLists") List<String> value) {
    survives(LiteralCodecs.listOf(LiteralCodecs.string()), value);
  }

  @Property
  void mapOfLongs(@ForAll("longMaps") Map<String, Long> value) {
    survives(LiteralCodecs.mapOf(LiteralCodecs.int64()), value);
  }

  @Property
  void nestedContainers(@ForAll("nested") List<Map<String, List<Double>>> value) {
    survives(LiteralCodecs.listOf(LiteralCodecs.mapOf(LiteralCodecs.listOf(LiteralCodecs.float64()))), value);
  }

  @Property
  void optional(@ForAll("optionalInstants") Optional<Instant> value) {
    survives(LiteralCodecs.optionalOf(LiteralCodecs.datetime()), value);
  }

  @Property
  void nullable(@ForAll("nullableLongs") Long value) {
    survives(LiteralCodecs.nullable(LiteralCodecs.int64()), value);
  }

  @Property
  void struct(@ForAll("readings") Reading value) {
    survives(LiteralCodecs.struct(Reading.class), value);
  }

  @Property
  void listOfStructs(@ForAll("readings") Reading first, @ForAll("readings") Reading second) {
    survives(LiteralCodecs.listOf(LiteralCodecs.struct(Reading.class)), List.of(first, second));
  }

  @Property
  void remoteFile(@ForAll("remoteUris") String uri) {
    assertEquals(uri, roundTrip(LiteralCodecs.file(), FlyteFile.ofUri(uri)).uri());
  }

  @Property
  void remoteDirectory(@ForAll("remoteUris") String uri) {
    assertEquals(uri, roundTrip(LiteralCodecs.directory(), FlyteDirectory.ofUri(uri)).uri());
  }

  @Property
  void structuredDataset(@ForAll("remoteUris") String uri, @ForAll("strings") String format) {
    String declared = format.isEmpty() ? "parquet" : format;
    survives(LiteralCodecs.structuredDataset(), new StructuredDataset(uri, declared));
  }
}
