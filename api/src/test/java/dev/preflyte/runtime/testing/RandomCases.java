package dev.preflyte.runtime.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * Seeded random cases for property and fuzz tests on plain JUnit. {@link #forAll} runs a check on
 * {@link #tries()} generated values ({@code -Dpreflyte.tries=N}, 200 by default: seconds per
 * target); the run's seed is {@code -Dpreflyte.seed=S} or drawn once per JVM, and every failure
 * names it, the property and the try, so {@code -Dpreflyte.seed=S} repeats the failing value. Each
 * try draws from a generator of its own (seed, property, try index), so a value does not depend on
 * the properties or tries before it. The instance methods draw values, edge cases often.
 */
public final class RandomCases {

  public static final int DEFAULT_TRIES = 200;
  private static final long SEED = seedOf(System.getProperty("preflyte.seed"));
  /** How many smaller candidates a failure may try, and for how long, before it is reported. */
  private static final int SHRINK_STEPS = 500;
  private static final long SHRINK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

  private final RandomGenerator random;

  private RandomCases(RandomGenerator random) {
    this.random = random;
  }

  /** A check of one value; may throw anything, an AssertionError most often. */
  @FunctionalInterface
  public interface Check<T> {
    void accept(T value) throws Throwable;
  }

  /** The tries of every property: {@code -Dpreflyte.tries}, else {@value #DEFAULT_TRIES}. */
  public static int tries() {
    String given = System.getProperty("preflyte.tries", "").strip();
    if (given.isEmpty()) {
      return DEFAULT_TRIES;
    }
    try {
      int tries = Integer.parseInt(given);
      if (tries > 0) {
        return tries;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("-Dpreflyte.tries=" + given + " is no positive whole number: give e.g. 2000");
  }

  /** The seed of this run, as a failure message prints it. */
  public static long seed() {
    return SEED;
  }

  /** Cases of {@code property} for try {@code index}: the same for the same seed, always. */
  public static RandomCases of(String property, int index) {
    long mixed = SEED * 0x9E3779B97F4A7C15L + property.hashCode() * 0xBF58476D1CE4E5B9L + index;
    return new RandomCases(new SplittableRandom(mixed));
  }

  /** Runs {@code check} on {@link #tries()} values of {@code generate}; the first failure is reported. */
  public static <T> void forAll(String property, Function<RandomCases, T> generate, Check<T> check) {
    forAll(property, generate, value -> Stream.empty(), check);
  }

  /**
   * As {@link #forAll(String, Function, Check)}, and a failing value is made smaller first: the first
   * of {@code smaller}'s candidates that still fails replaces it, until none does.
   */
  public static <T> void forAll(String property, Function<RandomCases, T> generate,
      Function<T, Stream<T>> smaller, Check<T> check) {
    int tries = tries();
    for (int index = 0; index < tries; index++) {
      T value = generate.apply(of(property, index));
      Throwable failure = failure(check, value);
      if (failure != null) {
        T shrunk = shrink(value, failure, smaller, check);
        Throwable shrunkFailure = shrunk == value ? failure : failure(check, shrunk);
        AssertionError error = new AssertionError(property + " failed at try " + index + " of " + tries
            + " (seed " + SEED + "; repeat with -Dpreflyte.seed=" + SEED + "): "
            + oneLine(shrunkFailure) + "\n  value: " + describe(shrunk)
            + (shrunk == value ? "" : "\n  (made smaller from: " + describe(value) + ")"), shrunkFailure);
        throw error;
      }
    }
  }

  private static <T> Throwable failure(Check<T> check, T value) {
    try {
      check.accept(value);
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  private static <T> T shrink(T value, Throwable failure, Function<T, Stream<T>> smaller, Check<T> check) {
    T current = value;
    long deadline = System.nanoTime() + SHRINK_NANOS;
    int steps = 0;
    boolean progress = true;
    while (progress && steps < SHRINK_STEPS && System.nanoTime() - deadline < 0) {
      progress = false;
      for (T candidate : (Iterable<T>) smaller.apply(current)::iterator) {
        if (++steps > SHRINK_STEPS || System.nanoTime() - deadline > 0) {
          break;
        }
        if (failure(check, candidate) != null) {
          current = candidate;
          progress = true;
          break;
        }
      }
    }
    return current;
  }

  private static String oneLine(Throwable t) {
    String text = String.valueOf(t);
    return text.lines().findFirst().orElse(text);
  }

  /** A value as a failure shows it: strings with code points escaped, byte arrays in hex. */
  public static String describe(Object value) {
    String text;
    if (value instanceof byte[] bytes) {
      StringBuilder hex = new StringBuilder(bytes.length + " bytes ");
      for (byte b : bytes) {
        hex.append(String.format("%02x", b));
      }
      text = hex.toString();
    } else if (value instanceof String s) {
      StringBuilder out = new StringBuilder("\"");
      s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
          ? String.valueOf((char) c) : String.format("\\u%04x", c)));
      text = out.append('"').toString();
    } else {
      text = String.valueOf(value);
    }
    return text.length() > 4_000 ? text.substring(0, 4_000) + "..." : text;
  }

  /** Shorter strings: halves, then each char dropped. */
  public static Stream<String> smallerStrings(String s) {
    Stream<String> halves = s.length() < 2 ? Stream.empty()
        : Stream.of(s.substring(0, s.length() / 2), s.substring(s.length() / 2));
    return Stream.concat(halves, java.util.stream.IntStream.range(0, s.length())
        .mapToObj(i -> s.substring(0, i) + s.substring(i + 1)));
  }

  /** Shorter byte arrays: halves, then each byte dropped. */
  public static Stream<byte[]> smallerBytes(byte[] b) {
    Stream<byte[]> halves = b.length < 2 ? Stream.empty()
        : Stream.of(Arrays.copyOfRange(b, 0, b.length / 2), Arrays.copyOfRange(b, b.length / 2, b.length));
    return Stream.concat(halves, java.util.stream.IntStream.range(0, b.length).mapToObj(i -> {
      byte[] out = new byte[b.length - 1];
      System.arraycopy(b, 0, out, 0, i);
      System.arraycopy(b, i + 1, out, i, b.length - i - 1);
      return out;
    }));
  }

  /** Shorter lists: halves, then each element dropped. */
  public static <T> Stream<List<T>> smallerLists(List<T> list) {
    Stream<List<T>> halves = list.size() < 2 ? Stream.empty()
        : Stream.of(list.subList(0, list.size() / 2), list.subList(list.size() / 2, list.size()));
    return Stream.concat(halves, java.util.stream.IntStream.range(0, list.size()).mapToObj(i -> {
      List<T> out = new ArrayList<>(list);
      out.remove(i);
      return out;
    }));
  }

  private static long seedOf(String given) {
    if (given == null || given.isBlank()) {
      return ThreadLocalRandom.current().nextLong();
    }
    try {
      return Long.parseLong(given.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-Dpreflyte.seed=" + given + " is no whole number: give the seed a failure printed");
    }
  }

  // ---- values ----

  /** One in {@code n}. */
  public boolean oneIn(int n) {
    return random.nextInt(n) == 0;
  }

  public boolean bool() {
    return random.nextBoolean();
  }

  /** Between {@code min} and {@code max}, both included. */
  public int intBetween(int min, int max) {
    return (int) longBetween(min, max);
  }

  /** Between {@code min} and {@code max}, both included. */
  public long longBetween(long min, long max) {
    if (max == Long.MAX_VALUE && min == Long.MIN_VALUE) {
      return random.nextLong();
    }
    return max == Long.MAX_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong(min, max + 1);
  }

  /** Between {@code min} and {@code max}, both included; the two ends (and 0, when between) often. */
  public long longWithin(long min, long max) {
    return switch (random.nextInt(10)) {
      case 0 -> min;
      case 1 -> max;
      case 2 -> min <= 0 && 0 <= max ? 0 : min;
      default -> longBetween(min, max);
    };
  }

  /** Between {@code min} and {@code max}, both included; the two ends often. */
  public int intWithin(int min, int max) {
    return (int) longWithin(min, max);
  }

  /** Any long: the extremes and small numbers often, any 64 bits otherwise. */
  public long anyLong() {
    return switch (random.nextInt(8)) {
      case 0 -> pick(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1,
          (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, 1L << 53, -(1L << 53) - 1);
      case 1, 2 -> random.nextLong(-1000, 1001);
      default -> random.nextLong();
    };
  }

  /** Any int: the extremes and small numbers often. */
  public int anyInt() {
    return switch (random.nextInt(8)) {
      case 0 -> pick(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1);
      case 1, 2 -> random.nextInt(-1000, 1001);
      default -> random.nextInt();
    };
  }

  /** Any double: NaN, the infinities, -0.0, the smallest and largest often; any bit pattern otherwise. */
  public double anyDouble() {
    return switch (random.nextInt(8)) {
      case 0 -> pick(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
          Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, -1.0);
      case 1, 2 -> random.nextDouble(-1e6, 1e6);
      default -> Double.longBitsToDouble(random.nextLong());
    };
  }

  /** Any float: NaN, the infinities, -0.0, the smallest and largest often; any bit pattern otherwise. */
  public float anyFloat() {
    return switch (random.nextInt(8)) {
      case 0 -> pick(0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
          Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, 1.0f, -1.0f);
      case 1, 2 -> (float) random.nextDouble(-1e6, 1e6);
      default -> Float.intBitsToFloat(random.nextInt());
    };
  }

  @SafeVarargs
  public final <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  public <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  public <E extends Enum<E>> E anyOf(Class<E> type) {
    return pick(type.getEnumConstants());
  }

  /**
   * Unicode text of up to {@code maxLength} chars: ASCII, controls and NUL, any plane-0 character,
   * supplementary characters (surrogate pairs), and U+FEFF, U+FFFD, U+FFFF, U+2028, combining marks;
   * never a lone surrogate (UTF-8 cannot carry it; {@link #anyChars} has them).
   */
  public String text(int maxLength) {
    int length = lengthUpTo(maxLength);
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      int codePoint = codePoint();
      if (Character.charCount(codePoint) == 2 && out.length() + 2 > length) {
        codePoint = 'x';
      }
      out.appendCodePoint(codePoint);
    }
    return out.toString();
  }

  /** Any chars at all, lone surrogates included, up to {@code maxLength}. */
  public String anyChars(int maxLength) {
    int length = lengthUpTo(maxLength);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(oneIn(4) ? (char) random.nextInt(Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1)
          : (char) random.nextInt(Character.MAX_VALUE + 1));
    }
    return out.toString();
  }

  /** A lone high or low surrogate. */
  public char surrogate() {
    return (char) random.nextInt(Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1);
  }

  /** Letters, digits and {@code extra}, {@code min} to {@code max} chars. */
  public String word(int min, int max, String extra) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + extra;
    int length = intBetween(min, max);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private int codePoint() {
    return switch (random.nextInt(10)) {
      case 0, 1, 2 -> random.nextInt(0x20, 0x7f);
      case 3 -> pick(0x00, 0x1f, 0x7f, 0x0a, 0x09, 0xFEFF, 0xFFFD, 0xFFFF, 0x2028, 0x0301, 0x00e9);
      case 4, 5 -> random.nextInt(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT + 1);
      default -> {
        int c = random.nextInt(Character.MAX_VALUE + 1);
        yield Character.isSurrogate((char) c) ? 0x4e2d : c;
      }
    };
  }

  /** Empty and the maximum often, any length between otherwise. */
  private int lengthUpTo(int max) {
    return switch (random.nextInt(8)) {
      case 0 -> 0;
      case 1 -> max;
      default -> random.nextInt(max + 1);
    };
  }

  /** {@code min} to {@code max} elements of {@code element}; empty and full often. */
  public <T> List<T> list(int min, int max, Supplier<T> element) {
    int size = min + lengthUpTo(max - min);
    List<T> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(element.get());
    }
    return out;
  }

  public <T> List<T> list(int max, Supplier<T> element) {
    return list(0, max, element);
  }

  /** Up to {@code max} entries (fewer when keys repeat). */
  public <K, V> Map<K, V> map(int max, Supplier<K> key, Supplier<V> value) {
    int size = lengthUpTo(max);
    Map<K, V> out = new HashMap<>();
    for (int i = 0; i < size; i++) {
      out.put(key.get(), value.get());
    }
    return out;
  }

  /** Empty one time in four. */
  public <T> Optional<T> optional(Supplier<T> value) {
    return oneIn(4) ? Optional.empty() : Optional.of(value.get());
  }

  /** Null one time in {@code oneIn}. */
  public <T> T nullOr(int oneIn, Supplier<T> value) {
    return oneIn(oneIn) ? null : value.get();
  }

  /** Random bytes, up to {@code max}. */
  public byte[] bytes(int max) {
    byte[] out = new byte[lengthUpTo(max)];
    random.nextBytes(out);
    return out;
  }

  // ---- byte mutations ----

  /**
   * {@code valid} after 1 to {@code maxEdits} edits, each a flipped byte, a deleted range, an
   * inserted run of one byte, a cut end, or a piece of {@code donor} spliced over a range.
   */
  public byte[] mutate(byte[] valid, int maxEdits, byte[] donor) {
    byte[] bytes = valid;
    int edits = intBetween(1, maxEdits);
    for (int i = 0; i < edits; i++) {
      bytes = switch (random.nextInt(5)) {
        case 0 -> flip(bytes);
        case 1 -> delete(bytes);
        case 2 -> insert(bytes);
        case 3 -> truncate(bytes);
        default -> splice(bytes, donor);
      };
    }
    return bytes;
  }

  /** One byte xor-ed with a non-zero mask (nothing to flip in an empty array). */
  public byte[] flip(byte[] bytes) {
    byte[] out = bytes.clone();
    if (out.length > 0) {
      out[random.nextInt(out.length)] ^= (byte) random.nextInt(1, 256);
    }
    return out;
  }

  /** Up to 16 bytes removed from a random position. */
  public byte[] delete(byte[] bytes) {
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    int end = Math.min(bytes.length, at + random.nextInt(1, 17));
    byte[] out = new byte[bytes.length - (end - at)];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(bytes, end, out, at, bytes.length - end);
    return out;
  }

  /** A run of 1 to 16 copies of one byte (often 0x00, 0xff or 0x80) inserted at a random position. */
  public byte[] insert(byte[] bytes) {
    int at = random.nextInt(bytes.length + 1);
    int length = random.nextInt(1, 17);
    byte value = oneIn(2) ? pick((byte) 0, (byte) 0xff, (byte) 0x80, (byte) 0x7f) : (byte) random.nextInt(256);
    byte[] out = new byte[bytes.length + length];
    System.arraycopy(bytes, 0, out, 0, at);
    Arrays.fill(out, at, at + length, value);
    System.arraycopy(bytes, at, out, at + length, bytes.length - at);
    return out;
  }

  /** The first 0 to length - 1 bytes (an empty array stays empty). */
  public byte[] truncate(byte[] bytes) {
    return bytes.length == 0 ? bytes : Arrays.copyOf(bytes, random.nextInt(bytes.length));
  }

  /** A range of {@code bytes} (maybe empty) replaced by a range of {@code donor} (maybe empty). */
  public byte[] splice(byte[] bytes, byte[] donor) {
    int at = random.nextInt(bytes.length + 1);
    int end = random.nextInt(at, bytes.length + 1);
    int from = random.nextInt(donor.length + 1);
    int to = random.nextInt(from, donor.length + 1);
    byte[] out = new byte[at + (to - from) + (bytes.length - end)];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(donor, from, out, at, to - from);
    System.arraycopy(bytes, end, out, at + (to - from), bytes.length - end);
    return out;
  }
}
