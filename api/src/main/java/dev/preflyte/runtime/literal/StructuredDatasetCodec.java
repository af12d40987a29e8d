package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.StructuredDatasetMetadata;
import dev.preflyte.idl.core.StructuredDatasetType;
import dev.preflyte.runtime.types.StructuredDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link StructuredDataset} by reference: type {@code structured_dataset_type{format}}, literal {@code
 * Scalar.structured_dataset{uri, metadata{structured_dataset_type{format}}}}, no columns. A dataset
 * whose URI is a plain local path is uploaded first under a fresh folder of the raw output prefix: a
 * directory with everything in it, a single file as {@code 00000} (flytekit's Parquet layout). Inside a
 * struct the value is {@code {"uri": ..., "file_format": ...}}, as flytekit serializes it.
 */
final class StructuredDatasetCodec extends FlyteCodec<StructuredDataset> {

  /** The format written for a value that names none: flytekit's default. */
  static final String DEFAULT_FORMAT = "parquet";

  /**
   * {@code StructuredDataset} as flytekit declares it, as an input, an output, a union variant or a
   * struct field: format {@code ""} (any), which propeller connects to a dataset of any format; a
   * value without a format is written as Parquet.
   */
  static final StructuredDatasetCodec ANY_FORMAT = new StructuredDatasetCodec("", DEFAULT_FORMAT);

  /** The name flytekit gives the single file of a dataset directory it writes. */
  static final String SINGLE_FILE_NAME = "00000";

  /** The declared format; {@code ""} accepts any. */
  private final String format;
  /** The format written for, and read back into, a value that names none. */
  private final String valueFormat;

  StructuredDatasetCodec(String format) {
    this(format, format);
  }

  private StructuredDatasetCodec(String format, String valueFormat) {
    super(LiteralType.newBuilder()
        .setStructuredDatasetType(StructuredDatasetType.newBuilder().setFormat(checkFormat(format)))
        .build());
    this.format = format;
    this.valueFormat = valueFormat;
  }

  private static String checkFormat(String format) {
    if (format == null) {
      throw new IllegalArgumentException("format must not be null: use \"\" for any format, or e.g. \"parquet\"");
    }
    return format;
  }

  @Override
  String unionTag() {
    return "StructuredDataset Transformer";
  }

  @Override
  public Literal encode(StructuredDataset value, LiteralContext context) {
    requireNonNull(value);
    dev.preflyte.idl.core.StructuredDataset literal = dev.preflyte.idl.core.StructuredDataset.newBuilder()
        .setUri(publish(value, context))
        .setMetadata(StructuredDatasetMetadata.newBuilder()
            .setStructuredDatasetType(StructuredDatasetType.newBuilder().setFormat(formatOf(value))))
        .build();
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setStructuredDataset(literal)).build();
  }

  @Override
  public StructuredDataset decode(Literal literal, LiteralContext context) {
    Literal resolved = Literals.resolve(literal, context);
    if (resolved.hasScalar() && resolved.getScalar().hasStructuredDataset()) {
      dev.preflyte.idl.core.StructuredDataset dataset = resolved.getScalar().getStructuredDataset();
      String actualFormat = dataset.getMetadata().getStructuredDatasetType().getFormat();
      if (!dataset.getUri().isEmpty() && formatsMatch(actualFormat)) {
        return new StructuredDataset(dataset.getUri(), actualFormat.isEmpty() ? valueFormat : actualFormat);
      }
    }
    throw mismatch(resolved);
  }

  @Override
  Object toPlain(StructuredDataset value, LiteralContext context) {
    requireNonNull(value);
    Map<String, Object> serialized = new LinkedHashMap<>();
    serialized.put("uri", publish(value, context));
    serialized.put("file_format", formatOf(value));
    return serialized;
  }

  @Override
  StructuredDataset fromPlain(Object plain, LiteralContext context) {
    if (plain instanceof Map<?, ?> map && map.get("uri") instanceof String uri && !uri.isEmpty()) {
      Object actual = map.get("file_format");
      String actualFormat = actual instanceof String s ? s : "";
      if (formatsMatch(actualFormat)) {
        return new StructuredDataset(uri, actualFormat.isEmpty() ? valueFormat : actualFormat);
      }
    }
    throw new LiteralConversionException("expected " + describeType() + " as {\"uri\": ..., \"file_format\": "
        + LiteralTypes.quote(valueFormat) + "}, got " + PlainValues.describe(plain));
  }

  /** As Flyte's type checker: an empty format on either side matches any format. */
  private boolean formatsMatch(String actual) {
    return actual.isEmpty() || format.isEmpty() || actual.equalsIgnoreCase(format);
  }

  private String formatOf(StructuredDataset value) {
    return value.format() == null || value.format().isEmpty() ? valueFormat : value.format();
  }

  private String publish(StructuredDataset value, LiteralContext context) {
    String uri = value.uri();
    if (uri == null || uri.isBlank()) {
      throw new LiteralConversionException("expected " + describeType() + " with a URI, got an empty URI");
    }
    if (uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !uri.matches("^[a-zA-Z]:[\\\\/].*")) {
      return uri; // has a scheme: already in storage, pass by reference
    }
    Path source = Path.of(uri);
    if (Files.isDirectory(source)) {
      String target = RawOutputs.freshLocation(context);
      context.storage().uploadDirectory(source, target);
      return target;
    }
    if (Files.isRegularFile(source)) {
      String folder = RawOutputs.freshLocation(context);
      context.storage().upload(source, RawOutputs.freshLocationChild(folder, SINGLE_FILE_NAME));
      return folder;
    }
    throw new LiteralConversionException("expected " + describeType() + ", but the local path " + source
        + " does not exist: write the dataset before returning it, or give its URI");
  }
}
