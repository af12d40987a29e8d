package dev.preflyte.runtime.custom;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Encodes configuration values into protobuf {@link Value}s for {@code TaskTemplate.custom} and
 * decodes them back, exactly, one method per type, for code that spells the nesting out with
 * lambdas. New code composes {@link CustomCodecs} and {@link CustomStruct} instead, which write
 * the same values; these methods call the same conversions.
 *
 * <p>The encoding is described in this package's documentation. Decoding methods take the property
 * path of the value and throw {@link CustomDecodingException} naming it.
 */
public final class CustomValues {

  private CustomValues() {}

  // ---- encoding ----------------------------------------------------------------------------

  /** JSON's {@code null}, written for null list elements and map values. */
  public static Value nullValue() {
    return Shapes.NULL;
  }

  /** A number when {@code |value| <= 2^53}, else its decimal text, so no digit is lost. */
  public static Value ofLong(long value) {
    return ScalarCodec.ofLong(value);
  }

  public static Value ofInt(int value) {
    return ScalarCodec.ofInt(value);
  }

  /** A number, or the text {@code NaN}, {@code Infinity} or {@code -Infinity}. */
  public static Value ofDouble(double value) {
    return ScalarCodec.ofDouble(value);
  }

  /** As {@link #ofDouble}; every float is exactly a double. */
  public static Value ofFloat(float value) {
    return ScalarCodec.ofFloat(value);
  }

  public static Value ofBoolean(boolean value) {
    return ScalarCodec.ofBoolean(value);
  }

  public static Value ofString(String value) {
    return ScalarCodec.ofString(value);
  }

  /** The constant's name. */
  public static Value ofEnum(Enum<?> value) {
    return EnumCodec.ofEnum(value);
  }

  /** ISO-8601, as {@link Duration#toString()}: {@code PT1H30M}. */
  public static Value ofDuration(Duration value) {
    return ScalarCodec.ofDuration(value);
  }

  /** ISO-8601 in UTC, as {@link Instant#toString()}: {@code 2026-01-01T00:00:00Z}. */
  public static Value ofInstant(Instant value) {
    return ScalarCodec.ofInstant(value);
  }

  /** A nested struct (a record's components). */
  public static Value ofStruct(Struct value) {
    return CustomStruct.structValue(value);
  }

  /** {@code null} as JSON null, anything else with {@code encoder}. */
  public static <T> Value ofNullable(T value, Function<? super T, Value> encoder) {
    return value == null ? Shapes.NULL : encoder.apply(value);
  }

  /** A list, each element encoded with {@code element} (which decides how a null is written). */
  public static <T> Value ofList(List<T> value, Function<? super T, Value> element) {
    return ListCodec.encodeList(value, "", (item, path) -> element.apply(item));
  }

  /** A map as a struct with its keys sorted, so equal maps encode to equal bytes. */
  public static <T> Value ofMap(Map<String, T> value, Function<? super T, Value> element) {
    return MapCodec.encodeMap(value, "", (item, path) -> element.apply(item));
  }

  /**
   * An empty optional as JSON null, a present one as its value.
   *
   * @throws IllegalArgumentException for a null {@code Optional}, which has no encoding
   */
  public static <T> Value ofOptional(Optional<T> value, Function<? super T, Value> element) {
    return OptionalCodec.encodeOptional(value, "", element);
  }

  // ---- decoding ----------------------------------------------------------------------------

  /** Wraps {@code decoder} so that JSON null decodes to {@code null}. */
  public static <T> CustomDecoder<T> orNull(CustomDecoder<T> decoder) {
    return (value, path) -> isNull(value) ? null : decoder.decode(value, path);
  }

  /** Whether {@code value} is JSON null. */
  public static boolean isNull(Value value) {
    return Shapes.isNull(value);
  }

  /** A whole number up to 2^53, or a decimal string for any {@code long}. */
  public static long asLong(Value value, String path) {
    return ScalarCodec.asLong(value, path);
  }

  /** A whole number within {@code int}'s range. */
  public static int asInt(Value value, String path) {
    return ScalarCodec.asInt(value, path);
  }

  /** A number, or {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}. */
  public static double asDouble(Value value, String path) {
    return ScalarCodec.asDouble(value, path);
  }

  /** As {@link #asDouble}, rejecting finite numbers beyond {@code float}'s range. */
  public static float asFloat(Value value, String path) {
    return ScalarCodec.asFloat(value, path);
  }

  public static boolean asBoolean(Value value, String path) {
    return ScalarCodec.asBoolean(value, path);
  }

  public static String asString(Value value, String path) {
    return ScalarCodec.asString(value, path);
  }

  /** The constant of {@code type} with the encoded name. */
  public static <E extends Enum<E>> E asEnum(Value value, String path, Class<E> type) {
    return EnumCodec.asEnum(value, path, type);
  }

  public static Duration asDuration(Value value, String path) {
    return ScalarCodec.asDuration(value, path);
  }

  public static Instant asInstant(Value value, String path) {
    return ScalarCodec.asInstant(value, path);
  }

  /** A nested struct, to be read with {@link CustomStructReader}. */
  public static Struct asStruct(Value value, String path) {
    return CustomStruct.asStruct(value, path);
  }

  /** An unmodifiable list; element {@code i} is decoded at path {@code path[i]}. */
  public static <T> List<T> asList(Value value, String path, CustomDecoder<T> element) {
    return ListCodec.decodeList(value, path, element);
  }

  /** An unmodifiable map in key order; the value of key {@code k} is decoded at {@code path["k"]}. */
  public static <T> Map<String, T> asMap(Value value, String path, CustomDecoder<T> element) {
    return MapCodec.decodeMap(value, path, element);
  }

  /** JSON null as {@link Optional#empty()}, anything else decoded with {@code element}. */
  public static <T> Optional<T> asOptional(Value value, String path, CustomDecoder<T> element) {
    return OptionalCodec.decodeOptional(value, path, element);
  }
}
