package dev.preflyte.samples.sql;

import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.StructuredDatasetType;
import dev.preflyte.samples.sql.parquet.Column;
import dev.preflyte.samples.sql.parquet.ColumnType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Parquet column types of a result set, from its JDBC metadata, and the same columns as Flyte
 * declares a dataset's ({@code StructuredDatasetType.columns}).
 */
final class ResultColumns {

  private ResultColumns() {}

  /** @param sqlite the result is SQLite's, whose declared NUMERIC and DECIMAL columns hold no exact decimals */
  static List<Column> of(ResultSetMetaData metadata, boolean sqlite) throws SQLException {
    int count = metadata.getColumnCount();
    List<Column> columns = new ArrayList<>(count);
    Set<String> seen = new HashSet<>();
    for (int i = 1; i <= count; i++) {
      String label = metadata.getColumnLabel(i);
      String name = label == null || label.isEmpty() ? "column" + i : label;
      String unique = name;
      for (int n = 2; !seen.add(unique.toLowerCase(Locale.ROOT)); n++) {
        unique = name + "_" + n; // SELECT a.id, b.id: pandas and Parquet readers need distinct names
      }
      int jdbcType = metadata.getColumnType(i);
      columns.add(!sqlite && isDecimal(jdbcType, metadata.getPrecision(i), metadata.getScale(i))
          ? Column.decimal(unique, metadata.getPrecision(i), metadata.getScale(i))
          : new Column(unique, typeOf(jdbcType, metadata.getColumnTypeName(i))));
    }
    return columns;
  }

  /**
   * Whether a column is written as an exact DECIMAL, as pandas and pyarrow keep such a column: a
   * NUMERIC or DECIMAL of known precision (1 to 38, what decimal128 holds) and scale (0 to the
   * precision). Any other stays DOUBLE: PostgreSQL's unconstrained {@code numeric}, reported with
   * precision 0 (131089 by older drivers), which is also what its sums and products are unless cast
   * to {@code numeric(p,s)}; a precision above 38; a negative scale; and all of SQLite's, whose
   * NUMERIC affinity stores integers and reals, so nothing in it is exact to begin with.
   */
  static boolean isDecimal(int jdbcType, int precision, int scale) {
    return (jdbcType == Types.NUMERIC || jdbcType == Types.DECIMAL)
        && precision >= 1 && precision <= Column.MAX_PRECISION && scale >= 0 && scale <= precision;
  }

  /**
   * The column type for a JDBC type but an exact decimal ({@link #isDecimal}); text for anything
   * else, read with {@code getString}. SQLite reports the declared type, or for an expression the
   * type of its first value (NULL: text).
   */
  static ColumnType typeOf(int jdbcType, String typeName) {
    return switch (jdbcType) {
      case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnType.INT64;
      case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> ColumnType.DOUBLE;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ColumnType.BINARY;
      case Types.DATE -> ColumnType.DATE;
      // PostgreSQL reports timestamptz as Types.TIMESTAMP; only its type name tells them apart.
      case Types.TIMESTAMP -> "timestamptz".equalsIgnoreCase(typeName) ? ColumnType.TIMESTAMP_UTC : ColumnType.TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.TIMESTAMP_UTC;
      default -> ColumnType.STRING;
    };
  }

  /** The columns as Flyte types them in the dataset's metadata. */
  static StructuredDatasetType flyteType(List<Column> columns) {
    StructuredDatasetType.Builder type = StructuredDatasetType.newBuilder().setFormat("parquet");
    for (Column column : columns) {
      SimpleType simple = switch (column.type()) {
        case BOOLEAN -> SimpleType.BOOLEAN;
        case INT64 -> SimpleType.INTEGER;
        // flytekit has no decimal SimpleType; FLOAT is the nearest, and the Parquet file keeps the exact type.
        case DOUBLE, DECIMAL -> SimpleType.FLOAT;
        case STRING -> SimpleType.STRING;
        case BINARY -> SimpleType.BINARY;
        case DATE, TIMESTAMP, TIMESTAMP_UTC -> SimpleType.DATETIME;
      };
      type.addColumns(StructuredDatasetType.DatasetColumn.newBuilder()
          .setName(column.name())
          .setLiteralType(LiteralType.newBuilder().setSimple(simple)));
    }
    return type.build();
  }
}
