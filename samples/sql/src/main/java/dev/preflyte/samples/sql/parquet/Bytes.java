package dev.preflyte.samples.sql.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable little-endian byte buffer: not synchronized, unlike ByteArrayOutputStream, for the hot path. */
final class Bytes {

  private byte[] data;
  private int size;

  Bytes(int capacity) {
    data = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  void reset() {
    size = 0;
  }

  void write(int b) {
    ensure(1);
    data[size++] = (byte) b;
  }

  void write(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, data, size, length);
    size += length;
  }

  void write(Bytes other) {
    write(other.data, 0, other.size);
  }

  void writeIntLittleEndian(int value) {
    ensure(4);
    data[size] = (byte) value;
    data[size + 1] = (byte) (value >>> 8);
    data[size + 2] = (byte) (value >>> 16);
    data[size + 3] = (byte) (value >>> 24);
    size += 4;
  }

  void writeLongLittleEndian(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      data[size + i] = (byte) (value >>> (8 * i));
    }
    size += 8;
  }

  /** Unsigned LEB128, as Thrift's compact protocol and Parquet's RLE headers use. */
  void writeVarint(long value) {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    write((int) rest);
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(data, 0, size);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(data, size);
  }

  private void ensure(int more) {
    if (size + more > data.length) {
      long wanted = Math.max((long) data.length * 2, (long) size + more);
      if (wanted > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("a Parquet buffer would exceed 2 GiB: lower the row group size");
      }
      data = Arrays.copyOf(data, (int) wanted);
    }
  }
}
