package dev.preflyte.runtime.custom;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Encodes configuration values into protobuf {@link Value}s for {@code TaskTemplate.custom} and
 * decodes them back, exactly. Generated task classes call these methods field by field; no
 * reflection is involved.
 *
 * <p>The encoding is described in this package's documentation. Decoding methods take the property
 * path of the value and throw {@link CustomDecodingException} naming it.
 */
public final class CustomValues {

  /** The largest magnitude up to which every {@code long} is exactly a double. */
  static final long MAX_EXACT_DOUBLE_INTEGER = 1L << 53;

  private static final Value NULL = Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();

  private CustomValues() {}

  // ---- encoding ----------------------------------------------------------------------------

  /** JSON's {@code null}, written for null list elements and map values. */
  public static Value nullValue() {
    return NULL;
  }

  /** A number when {@code |value| <= 2^53}, else its decimal text, so no digit is lost. */
  public static Value ofLong(long value) {
    if (value >= -MAX_EXACT_DOUBLE_INTEGER && value <= MAX_EXACT_DOUBLE_INTEGER) {
      return Value.newBuilder().setNumberValue(value).build();
    }
    return ofString(Long.toString(value));
  }

  public static Value ofInt(int value) {
    return Value.newBuilder().setNumberValue(value).build();
  }

  /** A number, or the text {@code NaN}, {@code Infinity} or {@code -Infinity}. */
  public static Value ofDouble(double value) {
    if (Double.isNaN(value)) {
      return ofString("NaN");
    }
    if (Double.isInfinite(value)) {
      return ofString(value > 0 ? "Infinity" : "-Infinity");
    }
    return Value.newBuilder().setNumberValue(value).build();
  }

  /** As {@link #ofDouble}; every float is exactly a double. */
  public static Value ofFloat(float value) {
    return ofDouble(value);
  }

  public static Value ofBoolean(boolean value) {
    return Value.newBuilder().setBoolValue(value).build();
  }

  public static Value ofString(String value) {
    return Value.newBuilder().setStringValue(Objects.requireNonNull(value, "value")).build();
  }

  /** The constant's name. */
  public static Value ofEnum(Enum<?> value) {
    return ofString(value.name());
  }

  /** ISO-8601, as {@link Duration#toString()}: {@code PT1H30M}. */
  public static Value ofDuration(Duration value) {
    return ofString(value.toString());
  }

  /** ISO-8601 in UTC, as {@link Instant#toString()}: {@code 2026-01-01T00:00:00Z}. */
  public static Value ofInstant(Instant value) {
    return ofString(value.toString());
  }

  /** A nested struct (a record's components). */
  public static Value ofStruct(Struct value) {
    return Value.newBuilder().setStructValue(value).build();
  }

  /** {@code null} as JSON null, anything else with {@code encoder}. */
  public static <T> Value ofNullable(T value, Function<? super T, Value> encoder) {
    return value == null ? NULL : encoder.apply(value);
  }

  /** A list, each element encoded with {@code element} (which decides how a null is written). */
  public static <T> Value ofList(List<T> value, Function<? super T, Value> element) {
    ListValue.Builder list = ListValue.newBuilder();
    for (T item : value) {
      list.addValues(element.apply(item));
    }
    return Value.newBuilder().setListValue(list).build();
  }

  /** A map as a struct with its keys sorted, so equal maps encode to equal bytes. */
  public static <T> Value ofMap(Map<String, T> value, Function<? super T, Value> element) {
    Struct.Builder struct = Struct.newBuilder();
    for (Map.Entry<String, T> entry : sortedEntries(value)) {
      struct.putFields(entry.getKey(), element.apply(entry.getValue()));
    }
    return ofStruct(struct.build());
  }

  /**
   * An empty optional as JSON null, a present one as its value.
   *
   * @throws IllegalArgumentException for a null {@code Optional}, which has no encoding
   */
  public static <T> Value ofOptional(Optional<T> value, Function<? super T, Value> element) {
    if (value == null) {
      throw new IllegalArgumentException(
          "a null Optional cannot be written into the task's custom: use Optional.empty()");
    }
    return value.isPresent() ? element.apply(value.get()) : NULL;
  }

  private static <T> List<Map.Entry<String, T>> sortedEntries(Map<String, T> map) {
    // Not map.containsKey(null): immutable maps throw on a null argument.
    List<Map.Entry<String, T>> entries = new ArrayList<>(map.entrySet());
    for (Map.Entry<String, T> entry : entries) {
      if (entry.getKey() == null) {
        throw new IllegalArgumentException(
            "a map with a null key cannot be written into the task's custom: remove the null key");
      }
    }
    entries.sort(Map.Entry.comparingByKey());
    return entries;
  }

  // ---- decoding ----------------------------------------------------------------------------

  /** Wraps {@code decoder} so that JSON null decodes to {@code null}. */
  public static <T> CustomDecoder<T> orNull(CustomDecoder<T> decoder) {
    return (value, path) -> isNull(value) ? null : decoder.decode(value, path);
  }

  /** Whether {@code value} is JSON null. */
  public static boolean isNull(Value value) {
    return value.getKindCase() == Value.KindCase.NULL_VALUE;
  }

  /** A whole number up to 2^53, or a decimal string for any {@code long}. */
  public static long asLong(Value value, String path) {
    switch (value.getKindCase()) {
      case NUMBER_VALUE:
        double number = value.getNumberValue();
        if (number != Math.rint(number)
            || Math.abs(number) > MAX_EXACT_DOUBLE_INTEGER) {
          throw wrongShape(path, "a whole number between -2^53 and 2^53 or a decimal string", value);
        }
        return (long) number;
      case STRING_VALUE:
        try {
          return Long.parseLong(value.getStringValue());
        } catch (NumberFormatException e) {
          throw wrongShape(path, "a 64-bit integer written as decimal text", value);
        }
      default:
        throw wrongShape(path, "an integer", value);
    }
  }

  /** A whole number within {@code int}'s range. */
  public static int asInt(Value value, String path) {
    if (value.getKindCase() == Value.KindCase.NUMBER_VALUE) {
      double number = value.getNumberValue();
      if (number == Math.rint(number) && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
        return (int) number;
      }
    }
    throw wrongShape(path, "a whole number within the range of int", value);
  }

  /** A number, or {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}. */
  public static double asDouble(Value value, String path) {
    if (value.getKindCase() == Value.KindCase.NUMBER_VALUE) {
      return value.getNumberValue();
    }
    if (value.getKindCase() == Value.KindCase.STRING_VALUE) {
      switch (value.getStringValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw wrongShape(path, "a number, \"NaN\", \"Infinity\" or \"-Infinity\"", value);
  }

  /** As {@link #asDouble}, rejecting finite numbers beyond {@code float}'s range. */
  public static float asFloat(Value value, String path) {
    double number = asDouble(value, path);
    float narrowed = (float) number;
    if (Float.isInfinite(narrowed) && !Double.isInfinite(number)) {
      throw wrongShape(path, "a number within the range of float", value);
    }
    return narrowed;
  }

  public static boolean asBoolean(Value value, String path) {
    if (value.getKindCase() == Value.KindCase.BOOL_VALUE) {
      return value.getBoolValue();
    }
    throw wrongShape(path, "true or false", value);
  }

  public static String asString(Value value, String path) {
    if (value.getKindCase() == Value.KindCase.STRING_VALUE) {
      return value.getStringValue();
    }
    throw wrongShape(path, "a string", value);
  }

  /** The constant of {@code type} with the encoded name. */
  public static <E extends Enum<E>> E asEnum(Value value, String path, Class<E> type) {
    String name = asString(value, path);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    throw wrongShape(path, "one of " + names + " (" + type.getSimpleName() + ")", value);
  }

  public static Duration asDuration(Value value, String path) {
    String text = asString(value, path);
    try {
      return Duration.parse(text);
    } catch (DateTimeException e) {
      throw wrongShape(path, "an ISO-8601 duration such as \"PT1H30M\"", value);
    }
  }

  public static Instant asInstant(Value value, String path) {
    String text = asString(value, path);
    try {
      return Instant.parse(text);
    } catch (DateTimeException e) {
      throw wrongShape(path, "an ISO-8601 instant such as \"2026-01-01T00:00:00Z\"", value);
    }
  }

  /** A nested struct, to be read with {@link CustomStructReader}. */
  public static Struct asStruct(Value value, String path) {
    if (value.getKindCase() == Value.KindCase.STRUCT_VALUE) {
      return value.getStructValue();
    }
    throw wrongShape(path, "a struct", value);
  }

  /** An unmodifiable list; element {@code i} is decoded at path {@code path[i]}. */
  public static <T> List<T> asList(Value value, String path, CustomDecoder<T> element) {
    if (value.getKindCase() != Value.KindCase.LIST_VALUE) {
      throw wrongShape(path, "a list", value);
    }
    List<Value> values = value.getListValue().getValuesList();
    List<T> list = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      list.add(element.decode(values.get(i), path + "[" + i + "]"));
    }
    return Collections.unmodifiableList(list);
  }

  /** An unmodifiable map in key order; the value of key {@code k} is decoded at {@code path["k"]}. */
  public static <T> Map<String, T> asMap(Value value, String path, CustomDecoder<T> element) {
    if (value.getKindCase() != Value.KindCase.STRUCT_VALUE) {
      throw wrongShape(path, "a struct of map entries", value);
    }
    Map<String, T> map = new LinkedHashMap<>();
    for (Map.Entry<String, Value> entry : new TreeMap<>(value.getStructValue().getFieldsMap()).entrySet()) {
      map.put(entry.getKey(), element.decode(entry.getValue(), path + "[\"" + entry.getKey() + "\"]"));
    }
    return Collections.unmodifiableMap(map);
  }

  /** JSON null as {@link Optional#empty()}, anything else decoded with {@code element}. */
  public static <T> Optional<T> asOptional(Value value, String path, CustomDecoder<T> element) {
    return isNull(value) ? Optional.empty() : Optional.of(element.decode(value, path));
  }

  static CustomDecodingException wrongShape(String path, String expected, Value actual) {
    return new CustomDecodingException(path, "expected " + expected + ", got " + describe(actual));
  }

  /** A short description of a value for error messages. */
  static String describe(Value value) {
    switch (value.getKindCase()) {
      case NULL_VALUE:
        return "null";
      case NUMBER_VALUE:
        return "number " + value.getNumberValue();
      case STRING_VALUE:
        String text = value.getStringValue();
        return "string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
      case BOOL_VALUE:
        return "boolean " + value.getBoolValue();
      case STRUCT_VALUE:
        return "struct with fields " + new TreeMap<>(value.getStructValue().getFieldsMap()).keySet();
      case LIST_VALUE:
        return "list of " + value.getListValue().getValuesCount() + " values";
      default:
        return "no value";
    }
  }
}
