package dev.preflyte.runtime.custom;

import dev.preflyte.conventions.TextRules;
import dev.preflyte.idl.protobuf.Value;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/** A number, boolean, string, instant or duration; the conversions themselves live here. */
final class ScalarCodec<T> extends BaseCodec<T> {

  /** The largest magnitude up to which every {@code long} is exactly a double. */
  static final long MAX_EXACT_DOUBLE_INTEGER = 1L << 53;

  static final ScalarCodec<Long> INT64 = new ScalarCodec<>("int64", ScalarCodec::ofLong, ScalarCodec::asLong);
  static final ScalarCodec<Integer> INT32 = new ScalarCodec<>("int32", ScalarCodec::ofInt, ScalarCodec::asInt);
  static final ScalarCodec<Double> FLOAT64 =
      new ScalarCodec<>("float64", ScalarCodec::ofDouble, ScalarCodec::asDouble);
  static final ScalarCodec<Float> FLOAT32 =
      new ScalarCodec<>("float32", ScalarCodec::ofFloat, ScalarCodec::asFloat);
  static final ScalarCodec<Boolean> BOOL = new ScalarCodec<>("bool", ScalarCodec::ofBoolean, ScalarCodec::asBoolean);
  static final ScalarCodec<String> STRING = new ScalarCodec<>("string", ScalarCodec::ofString, ScalarCodec::asString);
  static final ScalarCodec<Instant> INSTANT =
      new ScalarCodec<>("instant", ScalarCodec::ofInstant, ScalarCodec::asInstant);
  static final ScalarCodec<Duration> DURATION =
      new ScalarCodec<>("duration", ScalarCodec::ofDuration, ScalarCodec::asDuration);

  private final String name;
  private final Function<T, Value> encoder;
  private final CustomDecoder<T> decoder;

  private ScalarCodec(String name, Function<T, Value> encoder, CustomDecoder<T> decoder) {
    this.name = name;
    this.encoder = encoder;
    this.decoder = decoder;
  }

  @Override
  Value encodeAt(T value, String path) {
    if (value instanceof String text && TextRules.problem(text) != null) {
      throw Shapes.refusal(path, TextRules.problem(text));
    }
    return encoder.apply(value);
  }

  @Override
  public T decode(Value value, String path) {
    return decoder.decode(value, path);
  }

  @Override
  public String toString() {
    return name;
  }

  // ---- encoding ----------------------------------------------------------------------------

  /** A number when {@code |value| <= 2^53}, else its decimal text, so no digit is lost. */
  static Value ofLong(long value) {
    if (value >= -MAX_EXACT_DOUBLE_INTEGER && value <= MAX_EXACT_DOUBLE_INTEGER) {
      return Value.newBuilder().setNumberValue(value).build();
    }
    return ofString(Long.toString(value));
  }

  static Value ofInt(int value) {
    return Value.newBuilder().setNumberValue(value).build();
  }

  /** A number, or the text {@code NaN}, {@code Infinity} or {@code -Infinity}. */
  static Value ofDouble(double value) {
    if (Double.isNaN(value)) {
      return ofString("NaN");
    }
    if (Double.isInfinite(value)) {
      return ofString(value > 0 ? "Infinity" : "-Infinity");
    }
    return Value.newBuilder().setNumberValue(value).build();
  }

  /** As {@link #ofDouble}; every float is exactly a double. */
  static Value ofFloat(float value) {
    return ofDouble(value);
  }

  static Value ofBoolean(boolean value) {
    return Value.newBuilder().setBoolValue(value).build();
  }

  static Value ofString(String value) {
    return Value.newBuilder().setStringValue(Objects.requireNonNull(value, "value")).build();
  }

  /** ISO-8601, as {@link Duration#toString()}: {@code PT1H30M}. */
  static Value ofDuration(Duration value) {
    return ofString(value.toString());
  }

  /** ISO-8601 in UTC, as {@link Instant#toString()}: {@code 2026-01-01T00:00:00Z}. */
  static Value ofInstant(Instant value) {
    return ofString(value.toString());
  }

  // ---- decoding ----------------------------------------------------------------------------

  /** A whole number up to 2^53, or a decimal string for any {@code long}. */
  static long asLong(Value value, String path) {
    switch (value.getKindCase()) {
      case NUMBER_VALUE:
        double number = value.getNumberValue();
        if (number != Math.rint(number)
            || Math.abs(number) > MAX_EXACT_DOUBLE_INTEGER) {
          throw Shapes.wrongShape(path, "a whole number between -2^53 and 2^53 or a decimal string", value);
        }
        return (long) number;
      case STRING_VALUE:
        try {
          return Long.parseLong(value.getStringValue());
        } catch (NumberFormatException e) {
          throw Shapes.wrongShape(path, "a 64-bit integer written as decimal text", value);
        }
      default:
        throw Shapes.wrongShape(path, "an integer", value);
    }
  }

  /** A whole number within {@code int}'s range. */
  static int asInt(Value value, String path) {
    if (value.getKindCase() == Value.KindCase.NUMBER_VALUE) {
      double number = value.getNumberValue();
      if (number == Math.rint(number) && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
        return (int) number;
      }
    }
    throw Shapes.wrongShape(path, "a whole number within the range of int", value);
  }

  /** A number, or {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}. */
  static double asDouble(Value value, String path) {
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
    throw Shapes.wrongShape(path, "a number, \"NaN\", \"Infinity\" or \"-Infinity\"", value);
  }

  /** As {@link #asDouble}, rejecting finite numbers beyond {@code float}'s range. */
  static float asFloat(Value value, String path) {
    double number = asDouble(value, path);
    float narrowed = (float) number;
    if (Float.isInfinite(narrowed) && !Double.isInfinite(number)) {
      throw Shapes.wrongShape(path, "a number within the range of float", value);
    }
    return narrowed;
  }

  static boolean asBoolean(Value value, String path) {
    if (value.getKindCase() == Value.KindCase.BOOL_VALUE) {
      return value.getBoolValue();
    }
    throw Shapes.wrongShape(path, "true or false", value);
  }

  static String asString(Value value, String path) {
    if (value.getKindCase() == Value.KindCase.STRING_VALUE) {
      return value.getStringValue();
    }
    throw Shapes.wrongShape(path, "a string", value);
  }

  static Duration asDuration(Value value, String path) {
    String text = asString(value, path);
    try {
      return Duration.parse(text);
    } catch (DateTimeException e) {
      throw Shapes.wrongShape(path, "an ISO-8601 duration such as \"PT1H30M\"", value);
    }
  }

  static Instant asInstant(Value value, String path) {
    String text = asString(value, path);
    try {
      return Instant.parse(text);
    } catch (DateTimeException e) {
      throw Shapes.wrongShape(path, "an ISO-8601 instant such as \"2026-01-01T00:00:00Z\"", value);
    }
  }
}
