package dev.preflyte.runtime.entrypoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Remembers the secret values of a run and blanks them out of any text (error messages, stack
 * traces, log lines, the bytes a task prints) before it leaves the process.
 *
 * <p>A value is remembered with its surrounding white space stripped: a secret file's final newline
 * stays in the text when the value is masked, so masking never glues two lines together, and the
 * value is found whether it is printed with or without that newline.
 */
public final class SecretScrubber {

  /** What a secret value is replaced with. */
  public static final String MASK = "****";
  private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.UTF_8);

  private final Set<String> values = new LinkedHashSet<>();
  /** The UTF-8 encodings of the values, indexed by first byte, longest first; swapped whole. */
  private volatile byte[][][] byFirstByte;
  private volatile List<String> longestFirst = List.of();

  /** Remembers {@code value} so later text is scrubbed of it; blank values are ignored. */
  public synchronized void remember(String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    if (!values.add(value.strip())) {
      return;
    }
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    byte[][][] index = new byte[256][][];
    for (String secret : sorted) {
      byte[] encoded = secret.getBytes(StandardCharsets.UTF_8);
      int first = encoded[0] & 0xff;
      byte[][] bucket = index[first] == null ? new byte[0][] : index[first];
      bucket = Arrays.copyOf(bucket, bucket.length + 1);
      bucket[bucket.length - 1] = encoded;
      index[first] = bucket;
    }
    for (byte[][] bucket : index) {
      if (bucket != null) {
        Arrays.sort(bucket, Comparator.comparingInt((byte[] b) -> b.length).reversed());
      }
    }
    longestFirst = List.copyOf(sorted);
    byFirstByte = index;
  }

  /** Whether no secret value is known yet. */
  public boolean isEmpty() {
    return byFirstByte == null;
  }

  /** {@code text} with every remembered value replaced by {@link #MASK}. */
  public String scrub(String text) {
    if (text == null || isEmpty()) {
      return text;
    }
    String result = text;
    for (String value : longestFirst) { // longest first: a secret that contains another is masked whole
      result = result.replace(value, MASK);
    }
    return result;
  }

  /**
   * {@code bytes} with the UTF-8 encoding of every remembered value replaced by {@link #MASK}; other
   * bytes, even ones that are not UTF-8, pass unchanged.
   */
  public byte[] scrub(byte[] bytes) {
    if (isEmpty()) {
      return bytes;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    try {
      mask(bytes, bytes.length, true, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
    }
    return out.toByteArray();
  }

  /**
   * Writes {@code bytes[0, length)} to {@code out} with every complete secret masked, and returns
   * how many bytes it consumed. Unless {@code end}, it stops before a tail that could still grow
   * into a secret (a prefix of one, so at most the longest secret's length minus one): the caller
   * keeps that tail and passes it again, followed by the next bytes. One pass, one table look-up
   * per byte that starts no secret.
   */
  int mask(byte[] bytes, int length, boolean end, OutputStream out) throws IOException {
    byte[][][] index = byFirstByte;
    if (index == null) {
      out.write(bytes, 0, length);
      return length;
    }
    int runStart = 0;
    int i = 0;
    scan:
    while (i < length) {
      byte[][] candidates = index[bytes[i] & 0xff];
      if (candidates != null) {
        for (byte[] secret : candidates) {
          int available = Math.min(secret.length, length - i);
          if (!Arrays.equals(bytes, i, i + available, secret, 0, available)) {
            continue;
          }
          if (available == secret.length) {
            out.write(bytes, runStart, i - runStart);
            out.write(MASK_BYTES);
            i += secret.length;
            runStart = i;
            continue scan;
          }
          if (!end) {
            break scan; // a longer secret may still complete: hold the tail back
          }
        }
      }
      i++;
    }
    out.write(bytes, runStart, i - runStart);
    return i;
  }
}
