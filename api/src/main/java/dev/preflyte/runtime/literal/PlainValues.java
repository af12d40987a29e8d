package dev.preflyte.runtime.literal;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The plain values a struct is made of, whether read from msgpack or from a protobuf Struct: {@code
 * null}, {@link Boolean}, {@link Long}, {@link BigInteger} (a msgpack uint64 above Long.MAX_VALUE),
 * {@link Double}, {@link String}, {@code byte[]}, {@link List} and {@link Map} with String keys.
 */
final class PlainValues {

  /** Doubles in [-2^53, 2^53] hold every integer exactly; outside, a double may have been rounded. */
  static final double MAX_EXACT_INTEGER = 9007199254740992.0;

  private PlainValues() {}

  /** A short description for error messages: {@code string "x"}, {@code integer 5}, {@code array[3]}. */
  static String describe(Object plain) {
    if (plain == null) {
      return "null";
    }
    if (plain instanceof String s) {
      return "string " + LiteralTypes.quote(s);
    }
    if (plain instanceof Long || plain instanceof BigInteger) {
      return "integer " + plain;
    }
    if (plain instanceof Double || plain instanceof Float) {
      return "number " + plain;
    }
    if (plain instanceof Boolean) {
      return "boolean " + plain;
    }
    if (plain instanceof byte[] bytes) {
      return "bytes(" + bytes.length + ")";
    }
    if (plain instanceof List<?> list) {
      return "array[" + list.size() + "]";
    }
    if (plain instanceof Map<?, ?> map) {
      return "object{" + map.size() + "}";
    }
    return plain.getClass().getSimpleName();
  }

  /**
   * Reads an integer: a msgpack integer, or a number from a protobuf Struct (always a double) if it is
   * integral and within 2^53, where doubles are still exact. Returns null if {@code plain} is none.
   */
  static Long exactLong(Object plain) {
    if (plain instanceof Long l) {
      return l;
    }
    if (plain instanceof Double d && d == Math.rint(d) && Math.abs(d) <= MAX_EXACT_INTEGER) {
      return d.longValue();
    }
    return null;
  }
}
