package dev.preflyte.runtime.entrypoint;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the secret values handed to a task and blanks them out of any text (error messages,
 * stack traces, log lines) before it leaves the process.
 */
public final class SecretScrubber {

  /** What a secret value is replaced with. */
  public static final String MASK = "****";

  private final Set<String> values = ConcurrentHashMap.newKeySet();

  /** Remembers {@code value} so later text is scrubbed of it; blank values are ignored. */
  public void remember(String value) {
    if (value != null && !value.isBlank()) {
      values.add(value);
      String stripped = value.strip();
      if (!stripped.equals(value)) {
        values.add(stripped);
      }
    }
  }

  /** Whether no secret value has been handed out yet. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** {@code text} with every remembered value replaced by {@link #MASK}. */
  public String scrub(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    // Longest first, so a secret that contains another is masked whole.
    List<String> ordered = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    String result = text;
    for (String value : ordered) {
      result = result.replace(value, MASK);
    }
    return result;
  }
}
