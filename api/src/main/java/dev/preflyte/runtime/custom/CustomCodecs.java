package dev.preflyte.runtime.custom;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The codecs for every Java type a configuration may hold, by the encoding described in this
 * package's documentation. A configuration type itself is a {@link CustomStruct}.
 *
 * <p>Every codec is immutable and thread-safe.
 */
public final class CustomCodecs {
  private CustomCodecs() {}

  /** {@code long} / {@code Long}: a number when |v| &le; 2<sup>53</sup>, else its decimal text. */
  public static CustomCodec<Long> int64() {
    return ScalarCodec.INT64;
  }

  /** {@code int} / {@code Integer}: a number; decoding rejects values outside int's range. */
  public static CustomCodec<Integer> int32() {
    return ScalarCodec.INT32;
  }

  /** {@code double} / {@code Double}: a number, or the text {@code NaN}, {@code Infinity}, {@code -Infinity}. */
  public static CustomCodec<Double> float64() {
    return ScalarCodec.FLOAT64;
  }

  /** {@code float} / {@code Float}: as {@link #float64()}; decoding rejects values beyond float's range. */
  public static CustomCodec<Float> float32() {
    return ScalarCodec.FLOAT32;
  }

  /** {@code boolean} / {@code Boolean}: a boolean. */
  public static CustomCodec<Boolean> bool() {
    return ScalarCodec.BOOL;
  }

  /** {@code String}: a string. */
  public static CustomCodec<String> string() {
    return ScalarCodec.STRING;
  }

  /** {@code Instant}: ISO-8601 text in UTC, {@code "2026-01-01T00:00:00Z"}. */
  public static CustomCodec<Instant> instant() {
    return ScalarCodec.INSTANT;
  }

  /** {@code Duration}: ISO-8601 text, {@code "PT1H30M"}. */
  public static CustomCodec<Duration> duration() {
    return ScalarCodec.DURATION;
  }

  /** An enum: the constant's name. */
  public static <E extends Enum<E>> CustomCodec<E> enumOf(Class<E> type) {
    return new EnumCodec<>(type);
  }

  /**
   * {@code List<T>}: a list. A null element is written with {@code element}'s {@link
   * CustomCodec#encodeNull} (JSON null) and JSON null read with its {@link CustomCodec#decodeNull}.
   */
  public static <T> CustomCodec<List<T>> listOf(CustomCodec<T> element) {
    return new ListCodec<>(element);
  }

  /**
   * {@code Map<String, T>}: a struct with the keys sorted; null values as in {@link #listOf}; a null
   * key is refused.
   */
  public static <T> CustomCodec<Map<String, T>> mapOf(CustomCodec<T> value) {
    return new MapCodec<>(value);
  }

  /**
   * {@code Optional<T>}: empty as JSON null, present as its value. A null {@code Optional} cannot
   * be written as a list element or map value.
   *
   * @throws IllegalArgumentException if {@code value} is itself an {@code Optional} codec
   */
  public static <T> CustomCodec<Optional<T>> optionalOf(CustomCodec<T> value) {
    return new OptionalCodec<>(value);
  }

  /**
   * The codec {@code codec} supplies, obtained on first use: for a record that contains itself,
   * whose struct does not exist yet when its properties are built.
   */
  public static <T> CustomCodec<T> lazy(Supplier<CustomCodec<T>> codec) {
    return new LazyCodec<>(codec);
  }
}
