package dev.preflyte.runtime.custom;

import dev.preflyte.idl.protobuf.NullValue;
import dev.preflyte.idl.protobuf.Value;
import java.util.TreeMap;

/** What every custom codec shares: JSON null, property paths and the messages for wrong values. */
final class Shapes {

  /** JSON's {@code null}. */
  static final Value NULL = Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();

  private Shapes() {}

  static boolean isNull(Value value) {
    return value.getKindCase() == Value.KindCase.NULL_VALUE;
  }

  /** The path of property {@code name} of the struct at {@code path} ({@code ""} at top level). */
  static String property(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The path of list element {@code index}: {@code tags[2]}. */
  static String element(String path, int index) {
    return path + "[" + index + "]";
  }

  /** The path of the value of map key {@code key}: {@code weights["k"]}. */
  static String entry(String path, String key) {
    return path + "[\"" + key + "\"]";
  }

  /**
   * A value that cannot be written, such as a null {@code Optional}; {@code problem} ends with the
   * fix. Named by its path when it is known.
   */
  static IllegalArgumentException refusal(String path, String problem) {
    return new IllegalArgumentException(path.isEmpty() ? problem : "custom property '" + path + "': " + problem);
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
