package dev.preflyte.samples.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflyte.samples.sql.parquet.Column;
import dev.preflyte.samples.sql.parquet.ColumnType;
import dev.preflyte.samples.sql.parquet.ParquetWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why SQLite's declared decimals stay DOUBLE, and what becomes of a value that its column's
 * reported DECIMAL type cannot hold: sqlite-jdbc reports {@code DECIMAL(12,2)} as precision 12,
 * scale 2, whatever its NUMERIC affinity stored.
 */
class DecimalColumnsTest {

  private static final String PRICES = "SELECT price FROM prices ORDER BY rowid";

  @TempDir Path dir;

  @Test
  void sqlitesDeclaredDecimalIsDouble() throws Exception {
    try (Connection sqlite = prices(); Statement sql = sqlite.createStatement();
        ResultSet rows = sql.executeQuery(PRICES)) {
      assertEquals(List.of(new Column("price", ColumnType.DOUBLE)), ResultColumns.of(rows.getMetaData(), true));
    }
  }

  @Test
  void aValueItsReportedDecimalCannotHoldFailsTheQueryByColumnAndRow() throws Exception {
    try (Connection sqlite = prices(); Statement sql = sqlite.createStatement();
        ResultSet rows = sql.executeQuery(PRICES)) {
      List<Column> columns = ResultColumns.of(rows.getMetaData(), false);
      assertEquals(List.of(Column.decimal("price", 12, 2)), columns);
      try (ParquetWriter parquet = ParquetWriter.create(dir.resolve("prices.parquet"), columns)) {
        QueryException failure = assertThrows(QueryException.class,
            () -> ResultRows.copy(rows, columns, parquet, true));
        assertEquals("column 'price' of result row 2 holds 1.234, which does not fit DECIMAL(12, 2), the type the"
            + " database reports for it (at most 10 digits before the point and 2 after): CAST it in the query to a"
            + " type that holds it, for example CAST(price AS NUMERIC(38, 10)) or CAST(price AS DOUBLE PRECISION)",
            failure.getMessage());
        parquet.setNull(0); // the failed row is still open: end it, so the file closes
        parquet.endRow();
      }
    }
  }

  /** A table whose DECIMAL(12,2) column holds what the declaration does not: SQLite stores it as given. */
  private static Connection prices() throws Exception {
    Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (Statement sql = sqlite.createStatement()) {
      sql.execute("CREATE TABLE prices (price DECIMAL(12,2))");
      sql.execute("INSERT INTO prices VALUES (9.99), (1.234)");
    }
    return sqlite;
  }
}
