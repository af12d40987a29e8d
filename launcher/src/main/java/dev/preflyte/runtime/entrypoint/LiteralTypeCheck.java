package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.Blob;
import dev.preflyte.idl.core.BlobType;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.StructuredDatasetType;
import dev.preflyte.idl.core.UnionType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks that a literal holds a value of a declared {@link LiteralType}, the way Flyte's type
 * checker accepts values: simple types, collections, maps, enums, unions, blobs, schemas,
 * structured datasets and structs (a {@code Struct} or a msgpack {@code Binary}).
 *
 * <p>It answers with the first mismatch, located inside nested values ({@code [2]}, {@code ["k"]}),
 * so that an error names exactly what is wrong.
 *
 * <p>Two modes: {@link Mode#EXACT} (for outputs a task writes) and {@link Mode#AS_INPUT}, which also
 * accepts what the literal codecs and flytekit accept on input: an INTEGER literal for FLOAT, an
 * integral FLOAT within 2^53 for INTEGER (propeller passes console-entered dataclass attributes that
 * way), and a msgpack {@code Binary} for a simple type (an attribute of a dataclass output).
 */
public final class LiteralTypeCheck {

  /** The tag flytekit gives a {@code Binary} holding a msgpack-encoded struct or dataclass. */
  public static final String MSGPACK_TAG = "msgpack";

  private static final int MAX_SHOWN_CHARS = 40;
  private static final double MAX_EXACT_DOUBLE = 9007199254740992.0; // 2^53

  /** How strictly values are matched. */
  public enum Mode {
    /** The literal is exactly of the declared type. */
    EXACT,
    /** The literal is one the task's input decoding accepts for the declared type. */
    AS_INPUT
  }

  private LiteralTypeCheck() {}

  /** The first reason {@code literal} is not exactly of {@code type}, or empty when it is. */
  public static Optional<String> mismatch(Literal literal, LiteralType type) {
    return mismatch(literal, type, Mode.EXACT);
  }

  /** The first reason {@code literal} does not match {@code type} in {@code mode}, or empty. */
  public static Optional<String> mismatch(Literal literal, LiteralType type, Mode mode) {
    return Optional.ofNullable(new Checker(mode).check(literal, type, ""));
  }

  /** Whether {@code literal} is exactly of {@code type}. */
  public static boolean matches(Literal literal, LiteralType type) {
    return mismatch(literal, type).isEmpty();
  }

  /** Whether {@code literal} matches {@code type} in {@code mode}. */
  public static boolean matches(Literal literal, LiteralType type, Mode mode) {
    return mismatch(literal, type, mode).isEmpty();
  }

  /** One check in one mode; the recursive walk over nested types. */
  private static final class Checker {
    private final Mode mode;

    Checker(Mode mode) {
      this.mode = mode;
    }

    private String check(Literal literal, LiteralType type, String path) {
      if (type.getTypeCase() == LiteralType.TypeCase.TYPE_NOT_SET) {
        return null; // an untyped slot accepts any value
      }
      if (literal.getValueCase() == Literal.ValueCase.OFFLOADED_METADATA) {
        return checkOffloaded(literal, type, path);
      }
      if (type.getTypeCase() == LiteralType.TypeCase.UNION_TYPE) {
        return checkUnion(literal, type, path);
      }
      if (isScalar(literal, Scalar.ValueCase.UNION)) {
        // A union value where a plain type is expected: its inner value must fit.
        return check(literal.getScalar().getUnion().getValue(), type, path);
      }
      return switch (type.getTypeCase()) {
        case SIMPLE -> checkSimple(literal, type, path);
        case COLLECTION_TYPE -> checkCollection(literal, type, path);
        case MAP_VALUE_TYPE -> checkMap(literal, type, path);
        case BLOB -> checkBlob(literal, type, path);
        case ENUM_TYPE -> checkEnum(literal, type, path);
        case STRUCTURED_DATASET_TYPE -> checkStructuredDataset(literal, type, path);
        case SCHEMA -> isScalar(literal, Scalar.ValueCase.SCHEMA) ? null : mismatchAt(path, type, literal);
        default -> mismatchAt(path, type, literal);
      };
    }

    private String checkSimple(Literal literal, LiteralType type, String path) {
      SimpleType simple = type.getSimple();
      boolean ok = switch (simple) {
        case NONE -> isScalar(literal, Scalar.ValueCase.NONE_TYPE);
        case INTEGER -> isPrimitive(literal, Primitive.ValueCase.INTEGER);
        case FLOAT -> isPrimitive(literal, Primitive.ValueCase.FLOAT_VALUE);
        case STRING -> isPrimitive(literal, Primitive.ValueCase.STRING_VALUE);
        case BOOLEAN -> isPrimitive(literal, Primitive.ValueCase.BOOLEAN);
        case DATETIME -> isPrimitive(literal, Primitive.ValueCase.DATETIME);
        case DURATION -> isPrimitive(literal, Primitive.ValueCase.DURATION);
        case BINARY -> isScalar(literal, Scalar.ValueCase.BINARY);
        case ERROR -> isScalar(literal, Scalar.ValueCase.ERROR);
        case STRUCT -> isScalar(literal, Scalar.ValueCase.GENERIC)
            || (isScalar(literal, Scalar.ValueCase.BINARY)
                && MSGPACK_TAG.equals(literal.getScalar().getBinary().getTag()));
        default -> false;
      };
      if (!ok && mode == Mode.AS_INPUT) {
        ok = acceptedOnInput(literal, simple);
      }
      return ok ? null : mismatchAt(path, type, literal);
    }

    private static boolean acceptedOnInput(Literal literal, SimpleType simple) {
      if (simple == SimpleType.FLOAT) {
        return isPrimitive(literal, Primitive.ValueCase.INTEGER) || isMsgpack(literal);
      }
      if (simple == SimpleType.INTEGER) {
        if (isPrimitive(literal, Primitive.ValueCase.FLOAT_VALUE)) {
          double value = literal.getScalar().getPrimitive().getFloatValue();
          return value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_DOUBLE;
        }
        return isMsgpack(literal);
      }
      return simple != SimpleType.NONE && simple != SimpleType.ERROR && isMsgpack(literal);
    }

    private static boolean isMsgpack(Literal literal) {
      return isScalar(literal, Scalar.ValueCase.BINARY) && MSGPACK_TAG.equals(literal.getScalar().getBinary().getTag());
    }

    private String checkCollection(Literal literal, LiteralType type, String path) {
      if (literal.getValueCase() != Literal.ValueCase.COLLECTION) {
        return mismatchAt(path, type, literal);
      }
      List<Literal> elements = literal.getCollection().getLiteralsList();
      for (int i = 0; i < elements.size(); i++) {
        String failure = check(elements.get(i), type.getCollectionType(), path + "[" + i + "]");
        if (failure != null) {
          return failure;
        }
      }
      return null;
    }

    private String checkMap(Literal literal, LiteralType type, String path) {
      if (literal.getValueCase() != Literal.ValueCase.MAP) {
        return mismatchAt(path, type, literal);
      }
      for (Map.Entry<String, Literal> entry : literal.getMap().getLiteralsMap().entrySet()) {
        String failure = check(entry.getValue(), type.getMapValueType(), path + "[\"" + entry.getKey() + "\"]");
        if (failure != null) {
          return failure;
        }
      }
      return null;
    }

    private String checkBlob(Literal literal, LiteralType type, String path) {
      if (!isScalar(literal, Scalar.ValueCase.BLOB)) {
        return mismatchAt(path, type, literal);
      }
      Blob blob = literal.getScalar().getBlob();
      BlobType expected = type.getBlob();
      BlobType actual = blob.getMetadata().getType();
      if (expected.getDimensionality() != actual.getDimensionality()) {
        return mismatchAt(path, type, literal);
      }
      // An empty format is generic on either side, as in Flyte's type checker.
      if (!expected.getFormat().isEmpty() && !actual.getFormat().isEmpty()
          && !expected.getFormat().equals(actual.getFormat())) {
        return mismatchAt(path, type, literal);
      }
      return null;
    }

    private String checkEnum(Literal literal, LiteralType type, String path) {
      if (!isPrimitive(literal, Primitive.ValueCase.STRING_VALUE)) {
        return mismatchAt(path, type, literal);
      }
      String value = literal.getScalar().getPrimitive().getStringValue();
      return type.getEnumType().getValuesList().contains(value) ? null : mismatchAt(path, type, literal);
    }

    private String checkStructuredDataset(Literal literal, LiteralType type, String path) {
      if (!isScalar(literal, Scalar.ValueCase.STRUCTURED_DATASET)) {
        return mismatchAt(path, type, literal);
      }
      String expected = type.getStructuredDatasetType().getFormat();
      String actual = literal.getScalar().getStructuredDataset().getMetadata()
          .getStructuredDatasetType().getFormat();
      if (!expected.isEmpty() && !actual.isEmpty() && !expected.equalsIgnoreCase(actual)) {
        return mismatchAt(path, type, literal);
      }
      return null;
    }

    private String checkUnion(Literal literal, LiteralType type, String path) {
      Literal value = isScalar(literal, Scalar.ValueCase.UNION) ? literal.getScalar().getUnion().getValue() : literal;
      for (LiteralType variant : type.getUnionType().getVariantsList()) {
        if (check(value, variant, path) == null) {
          return null;
        }
      }
      return mismatchAt(path, type, literal);
    }

    private String checkOffloaded(Literal literal, LiteralType type, String path) {
      LiteralType inferred = literal.getOffloadedMetadata().getInferredType();
      if (inferred.getTypeCase() == LiteralType.TypeCase.TYPE_NOT_SET || sameShape(inferred, type)) {
        return null;
      }
      return at(path) + "expected " + describe(type) + ", got an offloaded value of type " + describe(inferred);
    }

  }

  /** Whether two types are the same apart from metadata, annotations and structure hints. */
  private static boolean sameShape(LiteralType a, LiteralType b) {
    return strip(a).equals(strip(b));
  }

  private static LiteralType strip(LiteralType type) {
    LiteralType.Builder builder = type.toBuilder().clearMetadata().clearAnnotation().clearStructure();
    switch (type.getTypeCase()) {
      case COLLECTION_TYPE -> builder.setCollectionType(strip(type.getCollectionType()));
      case MAP_VALUE_TYPE -> builder.setMapValueType(strip(type.getMapValueType()));
      case UNION_TYPE -> {
        UnionType.Builder union = UnionType.newBuilder();
        type.getUnionType().getVariantsList().forEach(variant -> union.addVariants(strip(variant)));
        builder.setUnionType(union);
      }
      default -> { }
    }
    return builder.build();
  }

  private static boolean isScalar(Literal literal, Scalar.ValueCase kind) {
    return literal.getValueCase() == Literal.ValueCase.SCALAR && literal.getScalar().getValueCase() == kind;
  }

  private static boolean isPrimitive(Literal literal, Primitive.ValueCase kind) {
    return isScalar(literal, Scalar.ValueCase.PRIMITIVE) && literal.getScalar().getPrimitive().getValueCase() == kind;
  }

  private static String mismatchAt(String path, LiteralType expected, Literal actual) {
    return at(path) + "expected " + describe(expected) + ", got " + describe(actual);
  }

  private static String at(String path) {
    return path.isEmpty() ? "" : path + ": ";
  }

  /** A short, readable name of a type: {@code INTEGER}, {@code LIST<STRING>}, {@code BLOB(csv, SINGLE)}. */
  public static String describe(LiteralType type) {
    return switch (type.getTypeCase()) {
      case SIMPLE -> type.getSimple().name();
      case COLLECTION_TYPE -> "LIST<" + describe(type.getCollectionType()) + ">";
      case MAP_VALUE_TYPE -> "MAP<STRING, " + describe(type.getMapValueType()) + ">";
      case BLOB -> "BLOB(" + (type.getBlob().getFormat().isEmpty() ? "any format" : type.getBlob().getFormat())
          + ", " + type.getBlob().getDimensionality() + ")";
      case ENUM_TYPE -> "ENUM" + type.getEnumType().getValuesList();
      case UNION_TYPE -> type.getUnionType().getVariantsList().stream()
          .map(LiteralTypeCheck::describe).collect(Collectors.joining(" | ", "UNION<", ">"));
      case STRUCTURED_DATASET_TYPE -> "STRUCTURED_DATASET(" + formatOf(type.getStructuredDatasetType()) + ")";
      case SCHEMA -> "SCHEMA";
      case TYPE_NOT_SET -> "ANY";
    };
  }

  private static String formatOf(StructuredDatasetType type) {
    return type.getFormat().isEmpty() ? "any format" : type.getFormat();
  }

  /** A short description of a literal's kind and, for primitives, its value. */
  public static String describe(Literal literal) {
    return switch (literal.getValueCase()) {
      case SCALAR -> describe(literal.getScalar());
      case COLLECTION -> "a list of " + literal.getCollection().getLiteralsCount();
      case MAP -> "a map of " + literal.getMap().getLiteralsCount();
      case OFFLOADED_METADATA -> "an offloaded value";
      case VALUE_NOT_SET -> "an empty literal";
    };
  }

  private static String describe(Scalar scalar) {
    return switch (scalar.getValueCase()) {
      case PRIMITIVE -> describe(scalar.getPrimitive());
      case BLOB -> "BLOB(" + (scalar.getBlob().getMetadata().getType().getFormat().isEmpty()
          ? "any format" : scalar.getBlob().getMetadata().getType().getFormat())
          + ", " + scalar.getBlob().getMetadata().getType().getDimensionality() + ")";
      case BINARY -> "BINARY" + (scalar.getBinary().getTag().isEmpty() ? "" : "(" + scalar.getBinary().getTag() + ")");
      case SCHEMA -> "SCHEMA";
      case NONE_TYPE -> "NONE";
      case ERROR -> "ERROR";
      case GENERIC -> "STRUCT";
      case STRUCTURED_DATASET -> "STRUCTURED_DATASET("
          + formatOf(scalar.getStructuredDataset().getMetadata().getStructuredDatasetType()) + ")";
      case UNION -> "UNION value " + describe(scalar.getUnion().getValue());
      case VALUE_NOT_SET -> "an empty scalar";
    };
  }

  private static String describe(Primitive primitive) {
    return switch (primitive.getValueCase()) {
      case INTEGER -> "INTEGER " + primitive.getInteger();
      case FLOAT_VALUE -> "FLOAT " + primitive.getFloatValue();
      case STRING_VALUE -> "STRING \"" + shorten(primitive.getStringValue()) + "\"";
      case BOOLEAN -> "BOOLEAN " + primitive.getBoolean();
      case DATETIME -> "DATETIME";
      case DURATION -> "DURATION";
      case VALUE_NOT_SET -> "an empty primitive";
    };
  }

  private static String shorten(String text) {
    return text.length() <= MAX_SHOWN_CHARS ? text : text.substring(0, MAX_SHOWN_CHARS) + "...";
  }
}
