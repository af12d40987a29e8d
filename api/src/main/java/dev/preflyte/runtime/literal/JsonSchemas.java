package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.protobuf.ListValue;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import java.util.List;

/**
 * The JSON schema flytekit 1.16 puts in {@code LiteralType.metadata} of a dataclass, as mashumaro's
 * {@code build_json_schema} derives it: nested dataclasses inline (no {@code $ref}), every field
 * required (a Java property has no default), no {@code $schema}. Each property's schema follows from
 * its LiteralType:
 *
 * <ul>
 *   <li>INTEGER {@code {"type": "integer"}}, FLOAT {@code {"type": "number"}}, STRING {@code {"type":
 *       "string"}}, BOOLEAN {@code {"type": "boolean"}};
 *   <li>DATETIME {@code {"type": "string", "format": "date-time"}}, DURATION {@code {"type": "number",
 *       "format": "time-delta"}};
 *   <li>an enum {@code {"enum": [values]}}; a list {@code {"type": "array", "items": ...}}; a map
 *       {@code {"type": "object", "propertyNames": {"type": "string"}, "additionalProperties": ...}};
 *   <li>an optional {@code {"anyOf": [T, {"type": "null"}]}}; a nested struct its own schema.
 * </ul>
 *
 * <p>Files, directories and datasets inside a struct get the schema of what flytekit's {@code
 * _serialize} returns, as mashumaro takes it for a SerializableType: {@code Dict[str, Any]} for
 * FlyteFile, {@code Dict[str, str]} for FlyteDirectory, {@code Dict[str, Optional[str]]} for
 * StructuredDataset. No fixture from flytekit covers these; they follow its source.
 */
final class JsonSchemas {

  private JsonSchemas() {}

  /** The schema of a dataclass named {@code title} whose fields, in order, have the given types. */
  static Struct ofStruct(String title, List<String> names, List<LiteralType> types) {
    Struct.Builder properties = Struct.newBuilder();
    ListValue.Builder required = ListValue.newBuilder();
    for (int i = 0; i < names.size(); i++) {
      properties.putFields(names.get(i), Value.newBuilder().setStructValue(of(types.get(i))).build());
      required.addValues(string(names.get(i)));
    }
    return Struct.newBuilder()
        .putFields("type", string("object"))
        .putFields("title", string(title))
        .putFields("properties", Value.newBuilder().setStructValue(properties).build())
        .putFields("additionalProperties", Value.newBuilder().setBoolValue(false).build())
        .putFields("required", Value.newBuilder().setListValue(required).build())
        .build();
  }

  /** The schema of a value of {@code type} inside a dataclass. */
  static Struct of(LiteralType type) {
    switch (type.getTypeCase()) {
      case SIMPLE:
        return ofSimple(type);
      case ENUM_TYPE: {
        ListValue.Builder values = ListValue.newBuilder();
        type.getEnumType().getValuesList().forEach(v -> values.addValues(string(v)));
        return Struct.newBuilder().putFields("enum", Value.newBuilder().setListValue(values).build()).build();
      }
      case COLLECTION_TYPE:
        return Struct.newBuilder()
            .putFields("type", string("array"))
            .putFields("items", Value.newBuilder().setStructValue(of(type.getCollectionType())).build())
            .build();
      case MAP_VALUE_TYPE:
        return Struct.newBuilder()
            .putFields("type", string("object"))
            .putFields("propertyNames", Value.newBuilder().setStructValue(typed("string")).build())
            .putFields("additionalProperties", Value.newBuilder().setStructValue(of(type.getMapValueType())).build())
            .build();
      case UNION_TYPE: {
        ListValue.Builder anyOf = ListValue.newBuilder();
        type.getUnionType().getVariantsList()
            .forEach(v -> anyOf.addValues(Value.newBuilder().setStructValue(of(v))));
        return Struct.newBuilder().putFields("anyOf", Value.newBuilder().setListValue(anyOf).build()).build();
      }
      case BLOB:
        // mashumaro takes the schema of the return type of _serialize: Dict[str, Any] for FlyteFile
        // (Any has no schema, so no additionalProperties), Dict[str, str] for FlyteDirectory.
        return type.getBlob().getDimensionality() == dev.preflyte.idl.core.BlobType.BlobDimensionality.MULTIPART
            ? dictOf(typed("string")) : dictOf(null);
      case STRUCTURED_DATASET_TYPE: {
        // StructuredDataset._serialize returns Dict[str, Optional[str]].
        ListValue.Builder anyOf = ListValue.newBuilder()
            .addValues(Value.newBuilder().setStructValue(typed("string")))
            .addValues(Value.newBuilder().setStructValue(typed("null")));
        return dictOf(Struct.newBuilder().putFields("anyOf", Value.newBuilder().setListValue(anyOf).build()).build());
      }
      default:
        throw new IllegalArgumentException("no JSON schema for " + LiteralTypes.describe(type));
    }
  }

  private static Struct ofSimple(LiteralType type) {
    SimpleType simple = type.getSimple();
    switch (simple) {
      case INTEGER:
        return typed("integer");
      case FLOAT:
        return typed("number");
      case STRING:
        return typed("string");
      case BOOLEAN:
        return typed("boolean");
      case DATETIME:
        return typed("string").toBuilder().putFields("format", string("date-time")).build();
      case DURATION:
        return typed("number").toBuilder().putFields("format", string("time-delta")).build();
      case NONE:
        return typed("null");
      case STRUCT:
        if (type.hasMetadata()) {
          return type.getMetadata();
        }
        return typed("object");
      default:
        throw new IllegalArgumentException("no JSON schema for " + LiteralTypes.describe(type));
    }
  }

  /** {@code Dict[str, V]}: an object with string property names and, unless V is Any, values of V. */
  private static Struct dictOf(Struct valueSchema) {
    Struct.Builder dict = Struct.newBuilder()
        .putFields("type", string("object"))
        .putFields("propertyNames", Value.newBuilder().setStructValue(typed("string")).build());
    if (valueSchema != null) {
      dict.putFields("additionalProperties", Value.newBuilder().setStructValue(valueSchema).build());
    }
    return dict.build();
  }

  private static Struct typed(String jsonType) {
    return Struct.newBuilder().putFields("type", string(jsonType)).build();
  }

  private static Value string(String text) {
    return Value.newBuilder().setStringValue(text).build();
  }
}
