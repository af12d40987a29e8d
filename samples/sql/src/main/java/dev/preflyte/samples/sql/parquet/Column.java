package dev.preflyte.samples.sql.parquet;

import java.math.BigInteger;

/**
 * A column of a Parquet file: its name and type, and for a {@link ColumnType#DECIMAL} its precision
 * (significant digits, 1 to 38) and scale (digits after the point, 0 to the precision); both are 0
 * for every other type. Every column is OPTIONAL, so any value may be null.
 */
public record Column(String name, ColumnType type, int precision, int scale) {

  /** The largest precision: what pyarrow's decimal128 and DuckDB's DECIMAL hold. */
  public static final int MAX_PRECISION = 38;
  static final int INT32 = 1;
  static final int INT64 = 2;
  static final int FIXED_LEN_BYTE_ARRAY = 7;

  public Column {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a Parquet column needs a non-empty name");
    }
    if (type == null) {
      throw new IllegalArgumentException("Parquet column '" + name + "' needs a type");
    }
    if (type == ColumnType.DECIMAL) {
      if (precision < 1 || precision > MAX_PRECISION || scale < 0 || scale > precision) {
        throw new IllegalArgumentException("Parquet column '" + name + "' cannot be DECIMAL(" + precision + ", "
            + scale + "): give a precision of 1 to " + MAX_PRECISION + " and a scale of 0 to the precision");
      }
    } else if (precision != 0 || scale != 0) {
      throw new IllegalArgumentException("Parquet column '" + name + "' is " + type
          + ", which has no precision or scale: give 0 for both, or make it DECIMAL");
    }
  }

  /** A column of any type but DECIMAL. */
  public Column(String name, ColumnType type) {
    this(name, type, 0, 0);
  }

  /** A DECIMAL(precision, scale) column. */
  public static Column decimal(String name, int precision, int scale) {
    return new Column(name, ColumnType.DECIMAL, precision, scale);
  }

  /** The type as a message names it: {@code DECIMAL(12, 2)}, {@code STRING}. */
  public String typeName() {
    return type == ColumnType.DECIMAL ? "DECIMAL(" + precision + ", " + scale + ")" : type.name();
  }

  /**
   * The Parquet physical type's number in parquet.thrift's {@code Type}: the type's own, or for a
   * decimal the narrowest that the Parquet format allows for its precision.
   */
  int physicalType() {
    if (type != ColumnType.DECIMAL) {
      return type.physicalType;
    }
    return precision <= 9 ? INT32 : precision <= 18 ? INT64 : FIXED_LEN_BYTE_ARRAY;
  }

  /**
   * The bytes of each value of a FIXED_LEN_BYTE_ARRAY decimal: the fewest whose two's complement
   * holds every number of {@code precision} digits (9 for 19 digits, 16 for 38); 0 for a column of
   * another physical type.
   */
  int fixedLength() {
    if (physicalType() != FIXED_LEN_BYTE_ARRAY) {
      return 0;
    }
    int bits = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE).bitLength() + 1; // + the sign bit
    return (bits + 7) / 8;
  }
}
