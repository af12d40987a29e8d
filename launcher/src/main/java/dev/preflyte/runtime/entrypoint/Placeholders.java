package dev.preflyte.runtime.entrypoint;

/**
 * Recognizes flag values Flyte did not fill in: an un-rendered placeholder such as
 * {@code {{.rawOutputDataPrefix}}}, the empty previous checkpoint {@code ""}, or nothing at all.
 */
public final class Placeholders {

  private Placeholders() {}

  /** Whether {@code value} counts as "not given". */
  public static boolean isUnset(String value) {
    if (value == null) {
      return true;
    }
    String trimmed = value.strip();
    if (trimmed.isEmpty() || trimmed.equals("\"\"") || trimmed.equals("''")) {
      return true;
    }
    int open = trimmed.indexOf("{{");
    return open >= 0 && trimmed.indexOf("}}", open + 2) > open;
  }

  /** {@code value}, or null when it counts as not given. */
  public static String valueOrNull(String value) {
    return isUnset(value) ? null : value.strip();
  }
}
