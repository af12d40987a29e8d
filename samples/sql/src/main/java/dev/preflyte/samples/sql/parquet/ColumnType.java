package dev.preflyte.samples.sql.parquet;

/**
 * The column types written, each a Parquet physical type with its annotation (Parquet's
 * {@code parquet.thrift}: Type, ConvertedType, LogicalType), as pandas and pyarrow read them.
 */
public enum ColumnType {
  BOOLEAN(0),
  /** 64-bit signed integers: SQLite's INTEGER is 64-bit whatever its declared width. */
  INT64(2),
  DOUBLE(5),
  /** UTF-8 text: BYTE_ARRAY annotated STRING (converted type UTF8). */
  STRING(6),
  /** Raw bytes: BYTE_ARRAY without annotation. */
  BINARY(6),
  /** Days since 1970-01-01: INT32 annotated DATE. */
  DATE(1),
  /** Microseconds since 1970-01-01T00:00 local time (no zone): INT64 annotated TIMESTAMP(MICROS, false). */
  TIMESTAMP(2),
  /** Microseconds since the epoch, UTC: INT64 annotated TIMESTAMP(MICROS, true). */
  TIMESTAMP_UTC(2),
  /**
   * An exact decimal number, DECIMAL(precision, scale) as pyarrow's decimal128: the unscaled value
   * as INT32, INT64 or FIXED_LEN_BYTE_ARRAY by the column's precision ({@link Column#physicalType}).
   */
  DECIMAL(-1);

  /** The Parquet physical type's number in parquet.thrift's {@code Type}; a decimal's is its column's. */
  final int physicalType;

  ColumnType(int physicalType) {
    this.physicalType = physicalType;
  }
}
