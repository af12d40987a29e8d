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

  static List<Column> of(ResultSetMetaData metadata) throws SQLException {
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
      columns.add(new Column(unique, typeOf(metadata.getColumnType(i), metadata.getColumnTypeName(i))));
    }
    return columns;
  }

  /**
   * The column type for a JDBC type; text for anything else, read with {@code getString}. SQLite
   * reports the declared type, or for an expression the type of its first value (NULL: text).
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
