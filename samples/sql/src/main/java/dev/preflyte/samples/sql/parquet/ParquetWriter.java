package dev.preflyte.samples.sql.parquet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a flat Parquet file row by row with bounded memory: rows are buffered as one row group
 * until it holds about {@code rowGroupBytes}, then written out. Pages are PLAIN encoded and
 * uncompressed, the footer is Thrift compact protocol (Parquet format 2.x metadata, file version 1),
 * every column OPTIONAL.
 *
 * <p>For each row, set every column once, in any order ({@link #setNull} and the typed setters),
 * then call {@link #endRow}.
 */
public final class ParquetWriter implements ParquetRows, AutoCloseable {

  /** The default row group size: large enough for fast scans, small enough to bound memory. */
  public static final long DEFAULT_ROW_GROUP_BYTES = 32L << 20;
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private final List<Column> columns;
  /** Each column's type, read by every setter: a plain array, as the setters run once per cell. */
  private final ColumnType[] types;
  private final ColumnChunkWriter[] chunks;
  private final CountingOutputStream out;
  private final long rowGroupBytes;
  private final List<RowGroupMetadata> rowGroups = new ArrayList<>();
  private final boolean[] setInRow;
  private int setCount;
  private long rowGroupRows;
  private long totalRows;
  private boolean closed;

  private ParquetWriter(List<Column> columns, OutputStream out, long rowGroupBytes) throws IOException {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a Parquet file needs at least one column");
    }
    this.columns = List.copyOf(columns);
    this.types = columns.stream().map(Column::type).toArray(ColumnType[]::new);
    this.chunks = columns.stream().map(ColumnChunkWriter::new).toArray(ColumnChunkWriter[]::new);
    this.setInRow = new boolean[columns.size()];
    this.out = new CountingOutputStream(out);
    this.rowGroupBytes = rowGroupBytes;
    this.out.write(MAGIC);
  }

  /** A writer to a new file {@code target}. */
  public static ParquetWriter create(Path target, List<Column> columns) throws IOException {
    return create(target, columns, DEFAULT_ROW_GROUP_BYTES);
  }

  public static ParquetWriter create(Path target, List<Column> columns, long rowGroupBytes) throws IOException {
    OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
    try {
      return new ParquetWriter(columns, file, rowGroupBytes);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  public List<Column> columns() {
    return columns;
  }

  /** Rows ended so far. */
  public long rows() {
    return totalRows;
  }

  public void setNull(int column) {
    markSet(exists(column)).writeNull();
  }

  public void setBoolean(int column, boolean value) {
    if (type(column) != ColumnType.BOOLEAN) {
      throw wrongType(column, "a boolean");
    }
    markSet(column).writeBoolean(value);
  }

  /** An INT64 column's value, or a TIMESTAMP column's microseconds. */
  public void setLong(int column, long value) {
    ColumnType type = type(column);
    if (type != ColumnType.INT64 && type != ColumnType.TIMESTAMP && type != ColumnType.TIMESTAMP_UTC) {
      throw wrongType(column, "a long");
    }
    markSet(column).writeLong(value);
  }

  /** A DATE column's days since 1970-01-01. */
  public void setDate(int column, int epochDay) {
    if (type(column) != ColumnType.DATE) {
      throw wrongType(column, "a date");
    }
    markSet(column).writeInt(epochDay);
  }

  public void setDouble(int column, double value) {
    if (type(column) != ColumnType.DOUBLE) {
      throw wrongType(column, "a double");
    }
    markSet(column).writeDouble(value);
  }

  /**
   * A DECIMAL column's value, rescaled to the column's scale. A value that would need rounding, or
   * more digits than the column's precision, is refused and the column stays unset in the row.
   */
  public void setDecimal(int column, BigDecimal value) {
    if (type(column) != ColumnType.DECIMAL) {
      throw wrongType(column, "a decimal");
    }
    BigDecimal scaled = exactly(columns.get(column), value);
    markSet(column).writeDecimal(scaled);
  }

  public void setString(int column, String value) {
    if (type(column) != ColumnType.STRING) {
      throw wrongType(column, "a string");
    }
    markSet(column).writeString(value);
  }

  public void setBytes(int column, byte[] value) {
    ColumnType type = type(column);
    if (type != ColumnType.BINARY && type != ColumnType.STRING) {
      throw wrongType(column, "bytes");
    }
    markSet(column).writeBytes(value);
  }

  /** Ends the row; every column must have been set once. */
  public void endRow() throws IOException {
    if (setCount != chunks.length) {
      for (int i = 0; i < chunks.length; i++) {
        if (!setInRow[i]) {
          throw new IllegalStateException("row " + totalRows + " has no value for Parquet column '"
              + columns.get(i).name() + "': set it, or set it to null");
        }
      }
    }
    java.util.Arrays.fill(setInRow, false);
    setCount = 0;
    totalRows++;
    rowGroupRows++;
    if ((rowGroupRows & 1023) == 0 && bufferedBytes() >= rowGroupBytes) {
      flushRowGroup();
    }
  }

  /** Writes the last row group and the footer. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (out) {
      if (setCount != 0) {
        throw new IllegalStateException("the last row was not ended: call endRow() before close()");
      }
      if (rowGroupRows > 0) {
        flushRowGroup();
      }
      Bytes footer = FileMetadata.encode(columns, rowGroups, totalRows);
      footer.writeTo(out);
      byte[] length = new byte[4];
      int size = footer.size();
      for (int i = 0; i < 4; i++) {
        length[i] = (byte) (size >>> (8 * i));
      }
      out.write(length);
      out.write(MAGIC);
    }
  }

  private long bufferedBytes() {
    long total = 0;
    for (ColumnChunkWriter chunk : chunks) {
      total += chunk.bufferedBytes();
    }
    return total;
  }

  private void flushRowGroup() throws IOException {
    List<ColumnChunkMetadata> written = new ArrayList<>(chunks.length);
    for (ColumnChunkWriter chunk : chunks) {
      long offset = out.position();
      long rows = chunk.rows();
      Bytes pages = chunk.finishChunk();
      pages.writeTo(out);
      written.add(new ColumnChunkMetadata(chunk.column(), offset, pages.size(), rows));
      chunk.reset();
    }
    rowGroups.add(new RowGroupMetadata(written, rowGroupRows));
    rowGroupRows = 0;
  }

  /** The column's writer, the column marked set in this row. */
  private ColumnChunkWriter markSet(int column) {
    if (setInRow[column]) {
      Column target = columns.get(column);
      throw new IllegalStateException("Parquet column '" + target.name() + "' is set twice in row "
          + totalRows + ": set each column once, then endRow()");
    }
    setInRow[column] = true;
    setCount++;
    return chunks[column];
  }

  /** The type of the column, once it exists. */
  private ColumnType type(int column) {
    return types[exists(column)];
  }

  private int exists(int column) {
    if (column < 0 || column >= types.length) {
      throw new IndexOutOfBoundsException("Parquet column " + column + " does not exist: the file has "
          + types.length + " columns, 0 to " + (types.length - 1));
    }
    return column;
  }

  private IllegalArgumentException wrongType(int column, String given) {
    Column target = columns.get(column);
    return new IllegalArgumentException("Parquet column '" + target.name() + "' is " + target.typeName()
        + ", not " + given + ": use the setter of its type");
  }

  /**
   * {@code value} at the decimal column's scale, unrounded and within its precision.
   *
   * @throws IllegalArgumentException if it would need rounding or more digits, naming the column
   */
  public static BigDecimal exactly(Column decimal, BigDecimal value) {
    BigDecimal scaled;
    try {
      scaled = value.setScale(decimal.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(cannotHold(decimal, value) + " exactly: it has more than " + decimal.scale()
          + " digits after the point; round it first, or give the column a larger scale", e);
    }
    if (scaled.precision() > decimal.precision()) {
      throw new IllegalArgumentException(cannotHold(decimal, value) + ": it has more than "
          + (decimal.precision() - decimal.scale()) + " digits before the point; give the column a larger precision");
    }
    return scaled;
  }

  private static String cannotHold(Column decimal, BigDecimal value) {
    return "Parquet column '" + decimal.name() + "' is " + decimal.typeName() + ", which cannot hold "
        + value.toPlainString();
  }

  /** Where a column chunk lies in the file, for the footer. */
  record ColumnChunkMetadata(Column column, long offset, long size, long rows) {}

  record RowGroupMetadata(List<ColumnChunkMetadata> chunks, long rows) {}

  /** Counts bytes written, for the offsets the footer records. */
  private static final class CountingOutputStream extends java.io.FilterOutputStream {
    private long position;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    long position() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      position += length;
    }
  }
}
