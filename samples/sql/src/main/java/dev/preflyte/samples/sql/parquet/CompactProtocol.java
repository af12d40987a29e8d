package dev.preflyte.samples.sql.parquet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes Thrift's compact protocol, the encoding of Parquet's page headers and footer: fields as a
 * delta of their id and a type nibble, integers as zigzag varints, structs ended by a zero byte.
 */
final class CompactProtocol {

  static final int BOOLEAN_TRUE = 1;
  static final int BOOLEAN_FALSE = 2;
  static final int BYTE = 3;
  static final int I32 = 5;
  static final int I64 = 6;
  static final int BINARY = 8;
  static final int LIST = 9;
  static final int STRUCT = 12;

  private final Bytes out;
  private final Deque<Integer> enclosingFieldIds = new ArrayDeque<>();
  private int lastFieldId;

  CompactProtocol(Bytes out) {
    this.out = out;
  }

  void fieldI32(int id, int value) {
    fieldHeader(id, I32);
    out.writeVarint(zigzag(value));
  }

  void fieldI64(int id, long value) {
    fieldHeader(id, I64);
    out.writeVarint(zigzag(value));
  }

  void fieldByte(int id, int value) {
    fieldHeader(id, BYTE);
    out.write(value);
  }

  void fieldBool(int id, boolean value) {
    fieldHeader(id, value ? BOOLEAN_TRUE : BOOLEAN_FALSE);
  }

  void fieldString(int id, String value) {
    fieldHeader(id, BINARY);
    string(value);
  }

  /** Opens a struct-valued field; close it with {@link #structEnd}. */
  void fieldStruct(int id) {
    fieldHeader(id, STRUCT);
    structBegin();
  }

  /** Opens a list-valued field of {@code size} elements of {@code elementType}. */
  void fieldList(int id, int elementType, int size) {
    fieldHeader(id, LIST);
    listHeader(elementType, size);
  }

  /** Starts a struct: a list element, or the message itself. */
  void structBegin() {
    enclosingFieldIds.push(lastFieldId);
    lastFieldId = 0;
  }

  void structEnd() {
    out.write(0);
    lastFieldId = enclosingFieldIds.isEmpty() ? 0 : enclosingFieldIds.pop();
  }

  void listHeader(int elementType, int size) {
    if (size < 15) {
      out.write((size << 4) | elementType);
    } else {
      out.write(0xF0 | elementType);
      out.writeVarint(size);
    }
  }

  /** A list element of type i32. */
  void i32(int value) {
    out.writeVarint(zigzag(value));
  }

  /** A list element of type binary. */
  void string(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeVarint(bytes.length);
    out.write(bytes, 0, bytes.length);
  }

  private void fieldHeader(int id, int type) {
    int delta = id - lastFieldId;
    if (delta > 0 && delta <= 15) {
      out.write((delta << 4) | type);
    } else {
      out.write(type);
      out.writeVarint(zigzag(id));
    }
    lastFieldId = id;
  }

  private static long zigzag(int value) {
    return ((value << 1) ^ (value >> 31)) & 0xFFFFFFFFL;
  }

  private static long zigzag(long value) {
    return (value << 1) ^ (value >> 63);
  }
}
