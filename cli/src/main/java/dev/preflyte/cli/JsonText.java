package dev.preflyte.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Timestamps;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.protobuf.ListValue;
import dev.preflyte.idl.protobuf.NullValue;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import java.time.Duration;

/**
 * Literals as plain JSON, for people to read: numbers, strings and booleans as such, datetimes and
 * durations in ISO-8601, files, directories and datasets by URI, none as null, collections and maps as
 * arrays and objects. Anything else (a struct's msgpack bytes, a schema) in protobuf's JSON mapping.
 */
final class JsonText {

  private JsonText() {}

  /** {@code outputs} as one JSON object, output name to value. */
  static String of(LiteralMap outputs) {
    Struct.Builder object = Struct.newBuilder();
    outputs.getLiteralsMap().forEach((name, literal) -> object.putFields(name, value(literal)));
    return print(Value.newBuilder().setStructValue(object).build(), false);
  }

  /** {@code value} on one line. */
  static String of(Value value) {
    return print(value, true);
  }

  private static Value value(Literal literal) {
    switch (literal.getValueCase()) {
      case COLLECTION:
        ListValue.Builder list = ListValue.newBuilder();
        literal.getCollection().getLiteralsList().forEach(item -> list.addValues(value(item)));
        return Value.newBuilder().setListValue(list).build();
      case MAP:
        Struct.Builder map = Struct.newBuilder();
        literal.getMap().getLiteralsMap().forEach((key, item) -> map.putFields(key, value(item)));
        return Value.newBuilder().setStructValue(map).build();
      case SCALAR:
        return scalar(literal.getScalar(), literal);
      default:
        return protobufJson(literal);
    }
  }

  private static Value scalar(Scalar scalar, Literal literal) {
    switch (scalar.getValueCase()) {
      case PRIMITIVE:
        return primitive(scalar.getPrimitive());
      case BLOB:
        return text(scalar.getBlob().getUri());
      case STRUCTURED_DATASET:
        return text(scalar.getStructuredDataset().getUri());
      case NONE_TYPE:
        return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
      case UNION:
        return value(scalar.getUnion().getValue());
      case GENERIC:
        return Value.newBuilder().setStructValue(scalar.getGeneric()).build();
      default:
        return protobufJson(literal);
    }
  }

  private static Value primitive(Primitive primitive) {
    return switch (primitive.getValueCase()) {
      case INTEGER -> Value.newBuilder().setNumberValue(primitive.getInteger()).build();
      case FLOAT_VALUE -> Value.newBuilder().setNumberValue(primitive.getFloatValue()).build();
      case STRING_VALUE -> text(primitive.getStringValue());
      case BOOLEAN -> Value.newBuilder().setBoolValue(primitive.getBoolean()).build();
      case DATETIME -> text(Timestamps.toString(com.google.protobuf.Timestamp.newBuilder()
          .setSeconds(primitive.getDatetime().getSeconds()).setNanos(primitive.getDatetime().getNanos()).build()));
      case DURATION -> text(Duration.ofSeconds(primitive.getDuration().getSeconds(), primitive.getDuration().getNanos())
          .toString());
      default -> Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    };
  }

  private static Value text(String text) {
    return Value.newBuilder().setStringValue(text).build();
  }

  private static Value protobufJson(Literal literal) {
    try {
      return ModelJson.parse(ModelJson.print(literal), Value.getDefaultInstance());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a literal that protobuf's JSON mapping cannot print: " + e.getMessage(), e);
    }
  }

  private static String print(Value value, boolean compact) {
    return ModelJson.print(value, compact);
  }
}
