package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;

/** Builds the conversion errors, in one wording: {@code expected INTEGER, got STRING "ten"}. */
final class Mismatch {

  private Mismatch() {}

  static LiteralConversionException literal(LiteralType expected, Literal actual) {
    return new LiteralConversionException(
        "expected " + LiteralTypes.describe(expected) + ", got " + LiteralTypes.describe(actual));
  }

  static LiteralConversionException plain(LiteralType expected, Object actual) {
    return new LiteralConversionException(
        "expected " + LiteralTypes.describe(expected) + ", got " + PlainValues.describe(actual));
  }

  static LiteralConversionException nullValue(LiteralType expected) {
    return new LiteralConversionException("expected " + LiteralTypes.describe(expected)
        + ", got null: pass a value, or declare the type Optional or @Nullable");
  }

  /**
   * The same failure located one level deeper; nested locations join into one path such as {@code at
   * items[2].x: ...}.
   *
   * @param segment {@code [3]} for a list element, {@code ["key"]} for a map value, {@code .name} for a
   *     field
   */
  static LiteralConversionException within(String segment, LiteralConversionException e) {
    LocatedConversionException located = e instanceof LocatedConversionException inner
        ? new LocatedConversionException(segment + inner.path, inner.detail, e.getCause())
        : new LocatedConversionException(segment, e.getMessage(), e.getCause());
    located.setStackTrace(e.getStackTrace());
    return located;
  }

  static String listSegment(int index) {
    return "[" + index + "]";
  }

  static String mapSegment(String key) {
    return "[" + LiteralTypes.quote(key) + "]";
  }

  static String fieldSegment(String name) {
    return "." + name;
  }

  /** A failure inside a list, map or struct, with the path to the value at fault. */
  static final class LocatedConversionException extends LiteralConversionException {
    final String path;
    final String detail;

    LocatedConversionException(String path, String detail, Throwable cause) {
      super("at " + (path.startsWith(".") ? path.substring(1) : path) + ": " + detail, cause);
      this.path = path;
      this.detail = detail;
    }
  }
}
