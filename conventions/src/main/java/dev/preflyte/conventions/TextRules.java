package dev.preflyte.conventions;

/**
 * Which Java strings survive the UTF-8 that protobuf and msgpack write: those that are Unicode
 * text. A lone UTF-16 surrogate has no UTF-8 form, and protobuf-java silently writes it as
 * {@code ?}, so the codecs refuse such a string instead of changing it.
 */
public final class TextRules {

  private TextRules() {}

  /** The index of the first surrogate in {@code text} that is not half of a pair, or -1 if none. */
  public static int loneSurrogate(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Why {@code text} cannot be written, naming the position, or null when it can: the text of the
   * error each codec raises in its own exception type.
   */
  public static String problem(CharSequence text) {
    int at = loneSurrogate(text);
    return at < 0 ? null : String.format("the string has a lone UTF-16 surrogate U+%04X at index %d, which UTF-8"
        + " cannot carry (protobuf would write '?'): pass valid Unicode text", (int) text.charAt(at), at);
  }
}
