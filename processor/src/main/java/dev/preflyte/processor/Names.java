package dev.preflyte.processor;

import java.util.Locale;

/** Java names for generated members. */
final class Names {

  private Names() {}

  /** {@code fooBar} as {@code FOO_BAR}. */
  static String constant(String name) {
    StringBuilder constant = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && name.charAt(i - 1) != '_') {
        constant.append('_');
      }
      constant.append(c);
    }
    return constant.toString().toUpperCase(Locale.ROOT);
  }
}
