package dev.preflyte.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.core.BlobType;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralCollection;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.Variable;
import dev.preflyte.idl.protobuf.ListValue;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.literal.LiteralContext;
import dev.preflyte.runtime.literal.LiteralTypes;
import dev.preflyte.runtime.types.FlyteDirectory;
import dev.preflyte.runtime.types.FlyteFile;
import dev.preflyte.runtime.types.StructuredDataset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Inputs typed from the task's interface: {@code name=text} pairs or a JSON object, each value read
 * as its declared type wants it. Scalars as text ({@code 5}, {@code 0.5}, {@code true},
 * {@code 2026-01-01T00:00:00Z}, {@code PT1M}), files, directories and datasets as a path or URI,
 * lists and maps as JSON. Other types (structs, unions, enums) need {@code --inputs FILE.pb}.
 */
final class TypedInputs {

  private final Map<String, Variable> declared;
  private final LiteralContext context;
  /** Whether files, folders and datasets are written as given, local paths too, instead of uploaded. */
  private final boolean byReference;

  /** @param context where local files and folders given as inputs are uploaded */
  TypedInputs(Map<String, Variable> declared, LiteralContext context) {
    this(declared, context, false);
  }

  private TypedInputs(Map<String, Variable> declared, LiteralContext context, boolean byReference) {
    this.declared = new TreeMap<>(declared);
    this.context = context;
    this.byReference = byReference;
  }

  /**
   * Inputs for a run on another machine, such as an image build's training run, which cannot see
   * this one's files: files, folders and datasets are written as given, local paths too, and
   * nothing is uploaded. The caller checks and rewrites those local paths for that run
   * ({@link dev.preflyte.runtime.entrypoint.RelativeDataPaths#rewrite}).
   */
  static TypedInputs forRunElsewhere(Map<String, Variable> declared) {
    return new TypedInputs(declared, null, true);
  }

  /** The inputs of {@code values} (input name to text), each checked against its declared type. */
  LiteralMap fromText(Map<String, String> values) {
    LiteralMap.Builder inputs = LiteralMap.newBuilder();
    values.forEach((name, text) -> inputs.putLiterals(name, literal(name, variable(name).getType(), text)));
    return complete(inputs.build(), name -> "give --input " + name + "=VALUE");
  }

  /**
   * The inputs of a JSON object, input name to value.
   *
   * @param source where the JSON came from, first in every message
   */
  LiteralMap fromJson(String json, String source) {
    Struct object;
    try {
      object = ModelJson.parse(json, Struct.getDefaultInstance());
    } catch (InvalidProtocolBufferException e) {
      throw new CliException(source + " is not a JSON object of inputs: " + e.getMessage(), e);
    }
    try {
      LiteralMap.Builder inputs = LiteralMap.newBuilder();
      object.getFieldsMap().forEach((name, value) ->
          inputs.putLiterals(name, fromJsonValue(name, variable(name).getType(), value)));
      return complete(inputs.build(), name -> "add \"" + name + "\" to the object");
    } catch (CliException e) {
      throw new CliException(source + ": " + e.getMessage(), e);
    }
  }

  private Variable variable(String name) {
    Variable variable = declared.get(name);
    if (variable == null) {
      throw new CliException("the task has no input '" + name + "': its inputs are " + declared.keySet());
    }
    return variable;
  }

  /** @param fix how to give a missing input, by its name */
  private LiteralMap complete(LiteralMap inputs, UnaryOperator<String> fix) {
    for (String name : declared.keySet()) {
      if (!inputs.containsLiterals(name)) {
        throw new CliException("input '" + name + "' (" + LiteralTypes.describe(declared.get(name).getType())
            + ") is missing: " + fix.apply(name));
      }
    }
    return inputs;
  }

  private Literal literal(String name, LiteralType type, String text) {
    switch (type.getTypeCase()) {
      case SIMPLE:
        return simple(name, type, text);
      case BLOB:
        boolean multipart = type.getBlob().getDimensionality() == BlobType.BlobDimensionality.MULTIPART;
        if (byReference) {
          return multipart ? LiteralCodecs.directory().encode(FlyteDirectory.ofUri(text), context)
              : LiteralCodecs.file().encode(FlyteFile.ofUri(text), context);
        }
        return multipart
            ? LiteralCodecs.directory().encode(local(text) ? FlyteDirectory.of(Path.of(text))
                : FlyteDirectory.ofUri(text), context)
            : LiteralCodecs.file().encode(local(text) ? FlyteFile.of(Path.of(text)) : FlyteFile.ofUri(text), context);
      case STRUCTURED_DATASET_TYPE:
        String format = type.getStructuredDatasetType().getFormat();
        String valueFormat = format.isEmpty() ? "parquet" : format;
        if (byReference && local(text)) {
          // The codec would upload a local path; the run elsewhere reads it where it is, so it is set after.
          Literal dataset = LiteralCodecs.structuredDataset(format)
              .encode(new StructuredDataset("file:///", valueFormat), context);
          Scalar scalar = dataset.getScalar();
          return dataset.toBuilder().setScalar(scalar.toBuilder()
              .setStructuredDataset(scalar.getStructuredDataset().toBuilder().setUri(text))).build();
        }
        return LiteralCodecs.structuredDataset(format).encode(new StructuredDataset(text, valueFormat), context);
      case COLLECTION_TYPE:
      case MAP_VALUE_TYPE:
        Value json;
        try {
          json = ModelJson.parse(text, Value.getDefaultInstance());
        } catch (InvalidProtocolBufferException e) {
          json = Value.getDefaultInstance();
        }
        if (!json.hasListValue() && !json.hasStructValue()) {
          throw mismatch(name, type, text, "give JSON, such as [1, 2] or {\"k\": 1}");
        }
        return fromJsonValue(name, type, json);
      default:
        throw new CliException("input '" + name + "' is " + LiteralTypes.describe(type)
            + ", which --input cannot express: give the inputs as a LiteralMap with --inputs FILE.pb");
    }
  }

  private Literal fromJsonValue(String name, LiteralType type, Value value) {
    if (type.hasCollectionType() && value.hasListValue()) {
      LiteralCollection.Builder items = LiteralCollection.newBuilder();
      ListValue list = value.getListValue();
      for (int i = 0; i < list.getValuesCount(); i++) {
        items.addLiterals(fromJsonValue(name + "[" + i + "]", type.getCollectionType(), list.getValues(i)));
      }
      return Literal.newBuilder().setCollection(items).build();
    }
    if (type.hasMapValueType() && value.hasStructValue()) {
      LiteralMap.Builder entries = LiteralMap.newBuilder();
      value.getStructValue().getFieldsMap().forEach((key, item) ->
          entries.putLiterals(key, fromJsonValue(name + "[\"" + key + "\"]", type.getMapValueType(), item)));
      return Literal.newBuilder().setMap(entries).build();
    }
    if (type.hasCollectionType() || type.hasMapValueType()) {
      throw mismatch(name, type, JsonText.of(value), type.hasCollectionType() ? "give a JSON array" : "give a JSON object");
    }
    return literal(name, type, scalarText(value));
  }

  /** A JSON scalar as --input would give it: JSON's numbers are doubles, but 5 must read as an integer. */
  private static String scalarText(Value value) {
    if (value.hasStringValue()) {
      return value.getStringValue();
    }
    double number = value.getNumberValue();
    if (value.hasNumberValue() && number == Math.rint(number) && Math.abs(number) <= 9007199254740992.0) {
      return Long.toString((long) number);
    }
    return JsonText.of(value);
  }

  private Literal simple(String name, LiteralType type, String text) {
    try {
      return switch (type.getSimple()) {
        case INTEGER -> LiteralCodecs.int64().encode(Long.parseLong(text.strip()), context);
        case FLOAT -> LiteralCodecs.float64().encode(Double.parseDouble(text.strip()), context);
        case STRING -> LiteralCodecs.string().encode(text, context);
        case BOOLEAN -> LiteralCodecs.bool().encode(bool(name, type, text), context);
        case DATETIME -> LiteralCodecs.datetime().encode(Instant.parse(text.strip()), context);
        case DURATION -> LiteralCodecs.duration().encode(Duration.parse(text.strip()), context);
        default -> throw new CliException("input '" + name + "' is " + LiteralTypes.describe(type)
            + ", which --input cannot express: give the inputs as a LiteralMap with --inputs FILE.pb");
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw mismatch(name, type, text, hint(type));
    }
  }

  private static boolean bool(String name, LiteralType type, String text) {
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw mismatch(name, type, text, "give true or false");
    };
  }

  private static String hint(LiteralType type) {
    return switch (type.getSimple()) {
      case INTEGER -> "give a whole number, such as 5";
      case FLOAT -> "give a number, such as 0.5";
      case DATETIME -> "give an ISO-8601 instant, such as 2026-01-01T00:00:00Z";
      case DURATION -> "give an ISO-8601 duration, such as PT1M30S";
      default -> "give a value of that type";
    };
  }

  private static CliException mismatch(String name, LiteralType type, String text, String fix) {
    return new CliException("input '" + name + "' expects " + LiteralTypes.describe(type) + ", got \"" + text
        + "\": " + fix);
  }

  private static boolean local(String text) {
    return !text.matches("[a-zA-Z][a-zA-Z0-9+.-]+://.*");
  }
}
