package dev.preflyte.samples.sql.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.samples.sql.DuckDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer produces, read back by DuckDB's own Parquet reader. */
class ParquetWriterTest {

  private static final List<Column> ALL_TYPES = List.of(
      new Column("id", ColumnType.INT64),
      new Column("score", ColumnType.DOUBLE),
      new Column("name", ColumnType.STRING),
      new Column("active", ColumnType.BOOLEAN),
      new Column("payload", ColumnType.BINARY),
      new Column("day", ColumnType.DATE),
      new Column("at", ColumnType.TIMESTAMP),
      new Column("at_utc", ColumnType.TIMESTAMP_UTC));

  @TempDir Path dir;

  @Test
  void everyTypeAndNullReadsBackInDuckDb() throws Exception {
    Path file = dir.resolve("all.parquet");
    LocalDateTime at = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 250_000_000);
    long micros = at.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 250_000;
    try (ParquetWriter parquet = ParquetWriter.create(file, ALL_TYPES)) {
      parquet.setLong(0, Long.MIN_VALUE);
      parquet.setDouble(1, -0.5);
      parquet.setString(2, "Zoë ✓");
      parquet.setBoolean(3, true);
      parquet.setBytes(4, new byte[] {0, (byte) 0xFF, 7});
      parquet.setDate(5, (int) LocalDate.of(1999, 12, 31).toEpochDay());
      parquet.setLong(6, micros);
      parquet.setLong(7, micros);
      parquet.endRow();
      for (int column = 0; column < ALL_TYPES.size(); column++) {
        parquet.setNull(column);
      }
      parquet.endRow();
    }

    assertEquals(Map.of("id", "BIGINT", "score", "DOUBLE", "name", "VARCHAR", "active", "BOOLEAN",
        "payload", "BLOB", "day", "DATE", "at", "TIMESTAMP", "at_utc", "TIMESTAMP WITH TIME ZONE"),
        DuckDb.columnTypes(file));
    List<List<Object>> rows = DuckDb.query(file, "SELECT id, score, name, active, payload, CAST(day AS VARCHAR),"
        + " CAST(\"at\" AS VARCHAR), epoch_us(at_utc) FROM $file");
    assertEquals(2, rows.size());
    List<Object> first = rows.get(0);
    assertEquals(Long.MIN_VALUE, first.get(0));
    assertEquals(-0.5, first.get(1));
    assertEquals("Zoë ✓", first.get(2));
    assertEquals(true, first.get(3));
    assertArrayEquals(new byte[] {0, (byte) 0xFF, 7}, blob(first.get(4)));
    assertEquals("1999-12-31", first.get(5));
    assertEquals("2024-05-06 07:08:09.25", first.get(6));
    assertEquals(micros, first.get(7));
    assertTrue(rows.get(1).stream().allMatch(value -> value == null), rows.get(1).toString());
  }

  @Test
  void manyRowsSpanPagesAndRowGroupsWithNullsInterleaved() throws Exception {
    Path file = dir.resolve("many.parquet");
    int rows = 300_000;
    List<Column> columns = List.of(new Column("n", ColumnType.INT64), new Column("text", ColumnType.STRING),
        new Column("flag", ColumnType.BOOLEAN));
    try (ParquetWriter parquet = ParquetWriter.create(file, columns, 1 << 20)) {
      for (int i = 0; i < rows; i++) {
        parquet.setLong(0, i);
        if (i % 3 == 0) {
          parquet.setNull(1);
        } else {
          parquet.setString(1, "row " + i);
        }
        parquet.setBoolean(2, i % 7 == 0);
        parquet.endRow();
      }
    }
    List<List<Object>> summary = DuckDb.query(file, "SELECT count(*), sum(n), count(text), sum(length(text)),"
        + " count(*) FILTER (WHERE flag), max(text) FROM $file");
    long expectedLength = 0;
    for (int i = 0; i < rows; i++) {
      if (i % 3 != 0) {
        expectedLength += ("row " + i).length();
      }
    }
    assertEquals(List.of((long) rows, java.math.BigInteger.valueOf((long) rows * (rows - 1) / 2).longValue(),
        (long) (rows - (rows + 2) / 3), expectedLength, (long) ((rows + 6) / 7), "row 99998"),
        normalize(summary.get(0)));
    long rowGroups = (long) DuckDb.query(file,
        "SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')").get(0).get(0);
    assertTrue(rowGroups > 1, "row groups: " + rowGroups);
    assertEquals("row 299999", DuckDb.query(file, "SELECT text FROM $file WHERE n = 299999").get(0).get(0));
  }

  @Test
  void emptyResultIsAValidFileWithItsColumns() throws Exception {
    Path file = dir.resolve("empty.parquet");
    try (ParquetWriter parquet = ParquetWriter.create(file, List.of(new Column("x", ColumnType.STRING)))) {
      assertEquals(0, parquet.rows());
    }
    assertEquals(Map.of("x", "VARCHAR"), DuckDb.columnTypes(file));
    assertEquals(List.of(List.of(0L)), DuckDb.query(file, "SELECT count(*) FROM $file"));
    byte[] bytes = Files.readAllBytes(file);
    assertEquals("PAR1", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
    assertEquals("PAR1", new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII));
  }

  @Test
  void aRowMissingAColumnOrAValueOfTheWrongTypeIsRefusedByName() throws Exception {
    try (ParquetWriter parquet = ParquetWriter.create(dir.resolve("bad.parquet"), ALL_TYPES.subList(0, 3))) {
      parquet.setLong(0, 1);
      IllegalStateException missing = assertThrows(IllegalStateException.class, parquet::endRow);
      assertTrue(missing.getMessage().startsWith("row 0 has no value for Parquet column 'score'"), missing.getMessage());
      IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> parquet.setString(1, "x"));
      assertTrue(wrong.getMessage().startsWith("Parquet column 'score' is DOUBLE, not a string"), wrong.getMessage());
      parquet.setDouble(1, 1);
      parquet.setString(2, "x");
      parquet.endRow();
    }
  }

  private static byte[] blob(Object value) throws Exception {
    if (value instanceof java.sql.Blob blob) {
      return blob.getBytes(1, (int) blob.length());
    }
    return (byte[]) value;
  }

  private static List<Object> normalize(List<Object> row) {
    return row.stream().map(value -> value instanceof java.math.BigInteger big ? (Object) big.longValue()
        : value instanceof java.math.BigDecimal decimal ? (Object) decimal.longValueExact()
        : value instanceof Integer i ? (Object) i.longValue() : value).toList();
  }
}
