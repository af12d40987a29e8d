package dev.preflyte.runtime.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.protobuf.ListValue;
import dev.preflyte.idl.protobuf.NullValue;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import java.util.Arrays;
import org.junit.jupiter.api.function.Executable;

/** Builds expected protobuf values and checks decoding messages, for the custom codec tests. */
final class Wire {

  static final String FIX = ": the task template was written by another version of the task class;"
      + " register the task again with the version the image runs";

  static final Value NULL = Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();

  private Wire() {}

  static Value number(double value) {
    return Value.newBuilder().setNumberValue(value).build();
  }

  static Value text(String value) {
    return Value.newBuilder().setStringValue(value).build();
  }

  static Value bool(boolean value) {
    return Value.newBuilder().setBoolValue(value).build();
  }

  static Value list(Value... values) {
    return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(Arrays.asList(values))).build();
  }

  /** A struct from alternating names and values, in that order. */
  static Struct struct(Object... namesAndValues) {
    Struct.Builder struct = Struct.newBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      struct.putFields((String) namesAndValues[i], (Value) namesAndValues[i + 1]);
    }
    return struct.build();
  }

  static Value structValue(Object... namesAndValues) {
    return Value.newBuilder().setStructValue(struct(namesAndValues)).build();
  }

  /** Serializes and parses, as the value travels inside a TaskTemplate. */
  static Value wire(Value value) {
    try {
      return Value.parseFrom(value.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  static Struct wire(Struct value) {
    try {
      return Struct.parseFrom(value.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code decoding} fails naming {@code path}, with {@code problem} between the path and the fix. */
  static void assertDecodingFails(String path, String problem, Executable decoding) {
    CustomDecodingException e = assertThrows(CustomDecodingException.class, decoding);
    assertEquals("custom property '" + path + "': " + problem + FIX, e.getMessage());
    assertEquals(path, e.path());
  }

  /** {@code encoding} is refused with exactly {@code message}. */
  static void assertRefused(String message, Executable encoding) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, encoding);
    assertEquals(IllegalArgumentException.class, e.getClass());
    assertEquals(message, e.getMessage());
  }
}
