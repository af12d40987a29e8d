package dev.preflyte.runtime.literal;

import dev.preflyte.runtime.types.FlyteDirectory;
import dev.preflyte.runtime.types.FlyteFile;
import dev.preflyte.runtime.types.StructuredDataset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The codecs for every Java type Preflyte converts to and from Flyte literals. */
public final class LiteralCodecs {
  // Skeleton: the literal-conversion work fills every method in.
  private LiteralCodecs() {}

  /** {@code long} / {@code Long} as INTEGER. */
  public static LiteralCodec<Long> int64() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** {@code int} / {@code Integer} as INTEGER; decoding rejects values outside int's range. */
  public static LiteralCodec<Integer> int32() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** {@code double} / {@code Double} as FLOAT. */
  public static LiteralCodec<Double> float64() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** {@code float} / {@code Float} as FLOAT. */
  public static LiteralCodec<Float> float32() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** {@code String} as STRING. */
  public static LiteralCodec<String> string() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** {@code boolean} / {@code Boolean} as BOOLEAN. */
  public static LiteralCodec<Boolean> bool() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** {@code Instant} as DATETIME. */
  public static LiteralCodec<Instant> datetime() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** {@code Duration} as DURATION. */
  public static LiteralCodec<Duration> duration() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** {@code List<T>} as a collection of T. */
  public static <T> LiteralCodec<List<T>> listOf(LiteralCodec<T> element) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** {@code Map<String, T>} as a map of T. */
  public static <T> LiteralCodec<Map<String, T>> mapOf(LiteralCodec<T> value) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** An enum as an EnumType of its constant names, in declaration order. */
  public static <E extends Enum<E>> LiteralCodec<E> enumOf(Class<E> type) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** {@code Optional<T>} as a union of T and none. */
  public static <T> LiteralCodec<Optional<T>> optionalOf(LiteralCodec<T> value) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** A nullable T as a union of T and none; {@code null} is none. */
  public static <T> LiteralCodec<T> nullable(LiteralCodec<T> value) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** A record or simple class as STRUCT, read from a Struct or flytekit's msgpack Binary. */
  public static <T> LiteralCodec<T> struct(Class<T> type) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** A single file as a single-part Blob. */
  public static LiteralCodec<FlyteFile> file() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** A directory as a multipart Blob. */
  public static LiteralCodec<FlyteDirectory> directory() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** A structured dataset by reference (URI and format). */
  public static LiteralCodec<StructuredDataset> structuredDataset() {
    throw new UnsupportedOperationException("skeleton");
  }
}
