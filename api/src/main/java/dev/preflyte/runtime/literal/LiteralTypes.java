package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.BlobType;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.SimpleType;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * One-line descriptions of Flyte types and literals for error messages, such as {@code LIST<INTEGER>}
 * or {@code STRING "ten"}. Values are truncated, so a huge literal never floods a message.
 */
public final class LiteralTypes {

  /** Longest text or byte dump shown for a value before it is cut. */
  static final int MAX_VALUE_CHARS = 64;

  private LiteralTypes() {}

  /**
   * Describes a type: {@code INTEGER}, {@code LIST<INTEGER>}, {@code MAP<STRING>}, {@code UNION<INTEGER,
   * NONE>}, {@code STRUCT}, {@code ENUM{RED, GREEN}}, {@code BLOB(SINGLE)}, {@code
   * STRUCTURED_DATASET(parquet)}.
   */
  public static String describe(LiteralType type) {
    if (type == null) {
      return "null";
    }
    switch (type.getTypeCase()) {
      case SIMPLE:
        return type.getSimple() == SimpleType.UNRECOGNIZED ? "SIMPLE(" + type.getSimpleValue() + ")"
            : type.getSimple().name();
      case COLLECTION_TYPE:
        return "LIST<" + describe(type.getCollectionType()) + ">";
      case MAP_VALUE_TYPE:
        return "MAP<" + describe(type.getMapValueType()) + ">";
      case UNION_TYPE:
        return type.getUnionType().getVariantsList().stream()
            .map(LiteralTypes::describe)
            .collect(Collectors.joining(", ", "UNION<", ">"));
      case ENUM_TYPE:
        return truncate(String.join(", ", type.getEnumType().getValuesList()), "ENUM{", "}");
      case BLOB:
        return describeBlob(type.getBlob());
      case STRUCTURED_DATASET_TYPE:
        String format = type.getStructuredDatasetType().getFormat();
        return format.isEmpty() ? "STRUCTURED_DATASET" : "STRUCTURED_DATASET(" + format + ")";
      case SCHEMA:
        return "SCHEMA";
      case TYPE_NOT_SET:
      default:
        return "UNTYPED";
    }
  }

  /**
   * Describes a literal with its value, cut to a readable length: {@code STRING "ten"}, {@code INTEGER
   * 5}, {@code LIST[3]}, {@code NONE}, {@code BLOB(SINGLE) s3://b/k}.
   */
  public static String describe(Literal literal) {
    if (literal == null) {
      return "null";
    }
    switch (literal.getValueCase()) {
      case SCALAR:
        return describeScalar(literal.getScalar());
      case COLLECTION:
        return "LIST[" + literal.getCollection().getLiteralsCount() + "]";
      case MAP:
        return "MAP{" + literal.getMap().getLiteralsCount() + "}";
      case OFFLOADED_METADATA:
        return "OFFLOADED " + truncate(literal.getOffloadedMetadata().getUri(), "", "");
      case VALUE_NOT_SET:
      default:
        return "an empty literal";
    }
  }

  private static String describeScalar(Scalar scalar) {
    switch (scalar.getValueCase()) {
      case PRIMITIVE:
        return describePrimitive(scalar.getPrimitive());
      case BLOB:
        return describeBlob(scalar.getBlob().getMetadata().getType()) + " "
            + truncate(scalar.getBlob().getUri(), "", "");
      case BINARY:
        return "BINARY(" + (scalar.getBinary().getTag().isEmpty() ? "untagged" : scalar.getBinary().getTag())
            + ", " + scalar.getBinary().getValue().size() + " bytes)";
      case SCHEMA:
        return "SCHEMA " + truncate(scalar.getSchema().getUri(), "", "");
      case NONE_TYPE:
        return "NONE";
      case ERROR:
        return "ERROR " + quote(scalar.getError().getMessage());
      case GENERIC:
        return "STRUCT(" + scalar.getGeneric().getFieldsCount() + " fields)";
      case STRUCTURED_DATASET:
        String format = scalar.getStructuredDataset().getMetadata().getStructuredDatasetType().getFormat();
        return (format.isEmpty() ? "STRUCTURED_DATASET" : "STRUCTURED_DATASET(" + format + ")") + " "
            + truncate(scalar.getStructuredDataset().getUri(), "", "");
      case UNION:
        return "UNION(" + describe(scalar.getUnion().getValue()) + ")";
      case VALUE_NOT_SET:
      default:
        return "an empty scalar";
    }
  }

  private static String describePrimitive(Primitive primitive) {
    switch (primitive.getValueCase()) {
      case INTEGER:
        return "INTEGER " + primitive.getInteger();
      case FLOAT_VALUE:
        return "FLOAT " + primitive.getFloatValue();
      case STRING_VALUE:
        return "STRING " + quote(primitive.getStringValue());
      case BOOLEAN:
        return "BOOLEAN " + primitive.getBoolean();
      case DATETIME:
        dev.preflyte.idl.protobuf.Timestamp t = primitive.getDatetime();
        return "DATETIME " + Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
      case DURATION:
        dev.preflyte.idl.protobuf.Duration d = primitive.getDuration();
        return "DURATION " + java.time.Duration.ofSeconds(d.getSeconds(), d.getNanos());
      case VALUE_NOT_SET:
      default:
        return "an empty primitive";
    }
  }

  private static String describeBlob(BlobType blob) {
    String dimensionality = blob.getDimensionality() == BlobType.BlobDimensionality.MULTIPART ? "MULTIPART"
        : blob.getDimensionality() == BlobType.BlobDimensionality.SINGLE ? "SINGLE" : "UNKNOWN";
    return blob.getFormat().isEmpty() ? "BLOB(" + dimensionality + ")"
        : "BLOB(" + dimensionality + ", " + blob.getFormat() + ")";
  }

  /** A string in double quotes, cut after {@link #MAX_VALUE_CHARS} characters. */
  static String quote(String value) {
    return truncate(value, "\"", "\"");
  }

  static String truncate(String value, String open, String close) {
    if (value.length() <= MAX_VALUE_CHARS) {
      return open + value + close;
    }
    int end = MAX_VALUE_CHARS;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return open + value.substring(0, end) + close + "... (" + value.length() + " chars)";
  }
}
