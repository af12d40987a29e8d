package dev.preflyte.runtime.entrypoint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
  private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.UTF_8);

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
    String result = text;
    for (String value : longestFirst()) {
      result = result.replace(value, MASK);
    }
    return result;
  }

  /**
   * {@code bytes} with the UTF-8 encoding of every remembered value replaced by {@link #MASK}; other
   * bytes, even ones that are not UTF-8, pass unchanged.
   */
  public byte[] scrub(byte[] bytes) {
    if (values.isEmpty()) {
      return bytes;
    }
    byte[] result = bytes;
    for (String value : longestFirst()) {
      result = replace(result, value.getBytes(StandardCharsets.UTF_8), MASK_BYTES);
    }
    return result;
  }

  /** Longest first, so a secret that contains another is masked whole. */
  private List<String> longestFirst() {
    return values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  private static byte[] replace(byte[] data, byte[] target, byte[] replacement) {
    ByteArrayOutputStream out = null;
    int copiedUpTo = 0;
    for (int i = 0; i <= data.length - target.length; i++) {
      if (regionMatches(data, i, target)) {
        if (out == null) {
          out = new ByteArrayOutputStream(data.length);
        }
        out.write(data, copiedUpTo, i - copiedUpTo);
        out.writeBytes(replacement);
        i += target.length - 1;
        copiedUpTo = i + 1;
      }
    }
    if (out == null) {
      return data;
    }
    out.write(data, copiedUpTo, data.length - copiedUpTo);
    return out.toByteArray();
  }

  private static boolean regionMatches(byte[] data, int offset, byte[] target) {
    for (int j = 0; j < target.length; j++) {
      if (data[offset + j] != target[j]) {
        return false;
      }
    }
    return true;
  }
}
