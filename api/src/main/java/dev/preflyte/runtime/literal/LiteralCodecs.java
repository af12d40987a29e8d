package dev.preflyte.runtime.literal;

import dev.preflyte.runtime.types.FlyteDirectory;
import dev.preflyte.runtime.types.FlyteFile;
import dev.preflyte.runtime.types.StructuredDataset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The codecs for every Java type Preflyte converts to and from Flyte literals, writing what flytekit
 * writes for the matching Python type so Java and Python tasks connect both ways.
 *
 * <ul>
 *   <li>Simple types: {@code simple: INTEGER | FLOAT | STRING | BOOLEAN | DATETIME | DURATION}, literal
 *       {@code Scalar.primitive}. FLOAT also reads an INTEGER literal, INTEGER an integral FLOAT within
 *       2^53 (console-entered dataclass attributes); every simple codec also reads
 *       the msgpack Binary propeller passes for an attribute of a dataclass output ({@code dc.a}).
 *   <li>{@code List<T>}: {@code collection_type}, {@code LiteralCollection}; {@code Map<String, T>}:
 *       {@code map_value_type}, {@code LiteralMap}. A null element is an error unless T is nullable.
 *   <li>Enums: {@code enum_type{values: constant names in declaration order}}, literal {@code
 *       Primitive.string_value} of the name.
 *   <li>{@code Optional<T>} and nullable T: {@code union_type{variants: [T with structure.tag,
 *       {simple: NONE, structure.tag: "none"}]}} where T's tag is flytekit's transformer name ("int",
 *       "float", "str", "bool", "datetime", "timedelta", "Typed List", "Typed Dict",
 *       "DefaultEnumTransformer", "Object-Dataclass-Transformer", "FlyteFilePath", "FlyteDirectory",
 *       "StructuredDataset Transformer"), exactly as flytekit types {@code Optional[T]}: the tag replaces
 *       T's structure, so a struct variant has no {@code dataclass_type}, and a dataset of the default
 *       format is declared with format {@code ""}; flytekit reads a union by that tag and Flyte's type
 *       checker refuses mismatched tags. Literal {@code
 *       Scalar.union{value, type: the chosen variant}}, none being {@code Scalar.none_type}. Decoding
 *       also accepts a bare value or a bare {@code none_type} (not wrapped in a union).
 *   <li>Records and simple classes ({@link #struct}): {@code simple: STRUCT} with {@code
 *       metadata} the JSON schema flytekit writes for the dataclass of the same name and fields, {@code
 *       structure.dataclass_type} and flytekit's msgpack cache-key annotation; literal
 *       {@code Scalar.binary{msgpack map, tag: "msgpack"}}; also reads a protobuf Struct.
 *   <li>{@link FlyteFile} / {@link FlyteDirectory}: {@code blob{format: "", dimensionality: SINGLE |
 *       MULTIPART}}, literal {@code Scalar.blob{metadata{type}, uri}}; local content is uploaded under
 *       {@code <raw output prefix>/<32 hex digits>/}, remote URIs are passed by reference.
 *   <li>{@link StructuredDataset}: {@code structured_dataset_type{format}}, literal {@code
 *       Scalar.structured_dataset{uri, metadata{structured_dataset_type{format}}}}.
 * </ul>
 *
 * <p>Every codec is immutable and thread-safe. Any codec reads a literal Flyte offloaded to storage
 * ({@code offloaded_metadata}) through the context's storage.
 */
public final class LiteralCodecs {
  private LiteralCodecs() {}

  /** {@code long} / {@code Long} as INTEGER. */
  public static LiteralCodec<Long> int64() {
    return NumberCodecs.INT64;
  }

  /** {@code int} / {@code Integer} as INTEGER; decoding rejects values outside int's range. */
  public static LiteralCodec<Integer> int32() {
    return NumberCodecs.INT32;
  }

  /** {@code double} / {@code Double} as FLOAT. */
  public static LiteralCodec<Double> float64() {
    return NumberCodecs.FLOAT64;
  }

  /** {@code float} / {@code Float} as FLOAT. */
  public static LiteralCodec<Float> float32() {
    return NumberCodecs.FLOAT32;
  }

  /** {@code String} as STRING. */
  public static LiteralCodec<String> string() {
    return TextCodecs.STRING;
  }

  /** {@code boolean} / {@code Boolean} as BOOLEAN. */
  public static LiteralCodec<Boolean> bool() {
    return TextCodecs.BOOL;
  }

  /** {@code Instant} as DATETIME. */
  public static LiteralCodec<Instant> datetime() {
    return TimeCodecs.DATETIME;
  }

  /** {@code Duration} as DURATION. */
  public static LiteralCodec<Duration> duration() {
    return TimeCodecs.DURATION;
  }

  /** {@code List<T>} as a collection of T. */
  public static <T> LiteralCodec<List<T>> listOf(LiteralCodec<T> element) {
    return new ListCodec<>(ForeignCodec.adapt(element));
  }

  /** {@code Map<String, T>} as a map of T. */
  public static <T> LiteralCodec<Map<String, T>> mapOf(LiteralCodec<T> value) {
    return new MapCodec<>(ForeignCodec.adapt(value));
  }

  /** An enum as an EnumType of its constant names, in declaration order. */
  public static <E extends Enum<E>> LiteralCodec<E> enumOf(Class<E> type) {
    return new EnumCodec<>(type);
  }

  /** {@code Optional<T>} as a union of T and none. */
  public static <T> LiteralCodec<Optional<T>> optionalOf(LiteralCodec<T> value) {
    return OptionalCodec.of(ForeignCodec.adapt(value));
  }

  /** A nullable T as a union of T and none; {@code null} is none. */
  public static <T> LiteralCodec<T> nullable(LiteralCodec<T> value) {
    return NullableCodec.of(ForeignCodec.adapt(value));
  }

  /** A record or simple class as STRUCT, read from a Struct or flytekit's msgpack Binary. */
  public static <T> LiteralCodec<T> struct(Class<T> type) {
    return StructCodec.forClass(type);
  }

  /** A single file as a single-part Blob. */
  public static LiteralCodec<FlyteFile> file() {
    return BlobCodecs.FILE;
  }

  /** A directory as a multipart Blob. */
  public static LiteralCodec<FlyteDirectory> directory() {
    return BlobCodecs.DIRECTORY;
  }

  /**
   * A structured dataset by reference (URI and format), declared with format {@code ""} (any) as
   * flytekit declares {@code StructuredDataset}; a value without a format is written as Parquet.
   */
  public static LiteralCodec<StructuredDataset> structuredDataset() {
    return StructuredDatasetCodec.ANY_FORMAT;
  }

  /**
   * A structured dataset by reference, declared with {@code format} (e.g. {@code "csv"}); {@code ""}
   * accepts a dataset of any format.
   */
  public static LiteralCodec<StructuredDataset> structuredDataset(String format) {
    return "".equals(format) ? StructuredDatasetCodec.ANY_FORMAT : new StructuredDatasetCodec(format);
  }
}
