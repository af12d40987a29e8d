package dev.preflyte.samples.sql.parquet;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Buffers one column of the current row group as Parquet data pages (v1): definition levels in the
 * RLE/bit-packing hybrid encoding (bit width 1: null or not), then the non-null values PLAIN
 * encoded. A page is closed once its values pass {@link #PAGE_BYTES}, so no page grows without bound.
 */
final class ColumnChunkWriter {

  static final int PAGE_BYTES = 1 << 20;
  private static final int PAGE_ROWS = 64 * 1024;
  private static final int PLAIN = 0;
  private static final int RLE = 3;

  private final Column column;
  private final int physicalType;
  private final int fixedLength;
  private final Bytes chunk = new Bytes(PAGE_BYTES + 1024);
  private final Bytes values = new Bytes(PAGE_BYTES + 1024);
  private final Bytes body = new Bytes(PAGE_BYTES + 1024);
  private final Bytes header = new Bytes(64);
  private byte[] definedFlags = new byte[PAGE_ROWS];
  private int pageRows;
  private int pageDefined;
  private int booleanBits;
  private int booleanCount;
  private long chunkRows;

  ColumnChunkWriter(Column column) {
    this.column = column;
    this.physicalType = column.physicalType();
    this.fixedLength = column.fixedLength();
  }

  Column column() {
    return column;
  }

  /** Rows buffered in this row group, pages not yet closed included. */
  long rows() {
    return chunkRows;
  }

  /** Bytes buffered: closed pages and the open page's values. */
  long bufferedBytes() {
    return (long) chunk.size() + values.size() + pageRows;
  }

  void writeNull() {
    define(false);
  }

  void writeBoolean(boolean value) {
    booleanBits |= (value ? 1 : 0) << booleanCount;
    if (++booleanCount == 8) {
      values.write(booleanBits);
      booleanBits = 0;
      booleanCount = 0;
    }
    define(true);
  }

  void writeInt(int value) {
    values.writeIntLittleEndian(value);
    define(true);
  }

  void writeLong(long value) {
    values.writeLongLittleEndian(value);
    define(true);
  }

  void writeDouble(double value) {
    values.writeLongLittleEndian(Double.doubleToRawLongBits(value));
    define(true);
  }

  void writeBytes(byte[] value) {
    values.writeIntLittleEndian(value.length);
    values.write(value, 0, value.length);
    define(true);
  }

  /** A decimal already at the column's scale and within its precision, as its unscaled value. */
  void writeDecimal(BigDecimal scaled) {
    switch (physicalType) {
      case Column.INT32 -> writeInt(scaled.unscaledValue().intValue());
      case Column.INT64 -> writeLong(scaled.unscaledValue().longValue());
      default -> writeFixed(scaled.unscaledValue().toByteArray(), fixedLength);
    }
  }

  /**
   * A FIXED_LEN_BYTE_ARRAY value of {@code length} bytes from a shorter or equal big-endian two's
   * complement number, as {@code BigInteger.toByteArray} gives it: sign-extended on the left.
   */
  void writeFixed(byte[] bigEndian, int length) {
    int fill = bigEndian.length > 0 && bigEndian[0] < 0 ? 0xFF : 0;
    for (int i = bigEndian.length; i < length; i++) {
      values.write(fill);
    }
    values.write(bigEndian, 0, bigEndian.length);
    define(true);
  }

  void writeString(String value) {
    writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Closes the open page, if any, and returns the chunk's pages; {@link #reset} starts the next chunk. */
  Bytes finishChunk() {
    if (pageRows > 0) {
      closePage();
    }
    return chunk;
  }

  void reset() {
    chunk.reset();
    chunkRows = 0;
  }

  private void define(boolean defined) {
    if (pageRows == definedFlags.length) {
      definedFlags = java.util.Arrays.copyOf(definedFlags, definedFlags.length * 2);
    }
    definedFlags[pageRows++] = (byte) (defined ? 1 : 0);
    if (defined) {
      pageDefined++;
    }
    chunkRows++;
    if (values.size() >= PAGE_BYTES || pageRows >= PAGE_ROWS) {
      closePage();
    }
  }

  private void closePage() {
    if (booleanCount > 0) {
      values.write(booleanBits);
      booleanBits = 0;
      booleanCount = 0;
    }
    body.reset();
    Bytes levels = encodeDefinitionLevels();
    body.writeIntLittleEndian(levels.size());
    body.write(levels);
    body.write(values);

    header.reset();
    CompactProtocol page = new CompactProtocol(header);
    page.structBegin();
    page.fieldI32(1, 0); // type: DATA_PAGE
    page.fieldI32(2, body.size()); // uncompressed_page_size
    page.fieldI32(3, body.size()); // compressed_page_size: pages are stored uncompressed
    page.fieldStruct(5); // data_page_header
    page.fieldI32(1, pageRows); // num_values, nulls included
    page.fieldI32(2, PLAIN);
    page.fieldI32(3, RLE); // definition_level_encoding
    page.fieldI32(4, RLE); // repetition_level_encoding (none are written: the schema is flat)
    page.structEnd();
    page.structEnd();

    chunk.write(header);
    chunk.write(body);
    values.reset();
    pageRows = 0;
    pageDefined = 0;
  }

  private final Bytes levels = new Bytes(PAGE_ROWS / 8 + 16);

  /** One RLE run when every value is defined (or none is), else one bit-packed run. */
  private Bytes encodeDefinitionLevels() {
    levels.reset();
    if (pageDefined == pageRows || pageDefined == 0) {
      levels.writeVarint((long) pageRows << 1);
      levels.write(pageDefined == 0 ? 0 : 1);
      return levels;
    }
    int groups = (pageRows + 7) / 8;
    levels.writeVarint(((long) groups << 1) | 1);
    for (int group = 0; group < groups; group++) {
      int packed = 0;
      for (int bit = 0; bit < 8; bit++) {
        int row = group * 8 + bit;
        if (row < pageRows && definedFlags[row] != 0) {
          packed |= 1 << bit;
        }
      }
      levels.write(packed);
    }
    return levels;
  }
}
