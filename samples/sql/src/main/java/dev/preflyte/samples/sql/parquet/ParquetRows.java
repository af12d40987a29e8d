package dev.preflyte.samples.sql.parquet;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Takes a Parquet file's rows cell by cell: for each row, set every column once, in any order
 * ({@link #setNull} and the typed setters), then call {@link #endRow}. {@link ParquetWriter} writes
 * them; {@link ParquetPipeline} hands them to one on a thread of its own.
 */
public interface ParquetRows {

  /** Rows ended so far. */
  long rows();

  void setNull(int column);

  void setBoolean(int column, boolean value);

  /** An INT64 column's value, or a TIMESTAMP column's microseconds. */
  void setLong(int column, long value);

  /** A DATE column's days since 1970-01-01. */
  void setDate(int column, int epochDay);

  void setDouble(int column, double value);

  /** A DECIMAL column's value, already at the column's scale ({@link ParquetWriter#exactly}). */
  void setDecimal(int column, BigDecimal value);

  void setString(int column, String value);

  void setBytes(int column, byte[] value);

  /** Ends the row; every column must have been set once. */
  void endRow() throws IOException;
}
