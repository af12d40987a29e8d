package dev.preflyte.cli;

import java.util.Locale;

/**
 * The compilers a task's JVM uses, set in the image as {@code PREFLYTE_JIT}; what each means is
 * defined once, by {@code bin/preflyte-jvm.sh}, which reads the variable.
 */
public enum JitMode {
  /** The default: the client compiler only, for tasks that are done in a second. */
  QUICK,
  /** The JVM's tiered compilation, C2 included, for task types whose runs spend seconds in hot code. */
  OPTIMIZING;

  /** The value of {@code PREFLYTE_JIT}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode {@code text} names; {@code null} or blank for {@link #QUICK}.
   *
   * @param option the option or parameter it was given as, for the error
   * @throws CliException naming the value and the choices
   */
  public static JitMode parse(String text, String option) {
    if (text == null || text.isBlank()) {
      return QUICK;
    }
    for (JitMode mode : values()) {
      if (mode.value().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new CliException(option + " is '" + text + "', not one of quick (the client compiler, for short tasks)"
        + " or optimizing (C2 as well, for tasks that run seconds of hot code)");
  }
}
