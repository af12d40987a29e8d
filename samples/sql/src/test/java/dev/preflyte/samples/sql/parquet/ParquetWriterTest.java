package dev.preflyte.samples.sql.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.testing.RandomCases;
import dev.preflyte.samples.sql.DuckDb;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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

  // --- decimals

  /** One of each physical type: INT32 (to 9 digits), INT64 (to 18), fixed bytes of 9 and of 16. */
  private static final List<Column> DECIMALS = List.of(Column.decimal("p9", 9, 2), Column.decimal("p18", 18, 4),
      Column.decimal("p19", 19, 0), Column.decimal("p38", 38, 10));

  @Test
  void decimalsOfEveryWidthReadBackExactlyInDuckDb() throws Exception {
    List<List<BigDecimal>> rows = new ArrayList<>();
    rows.add(DECIMALS.stream().map(ParquetWriterTest::largest).toList());
    rows.add(DECIMALS.stream().map(column -> largest(column).negate()).toList());
    rows.add(DECIMALS.stream().map(column -> BigDecimal.ZERO).toList());
    rows.add(DECIMALS.stream().map(column -> BigDecimal.ONE.movePointLeft(column.scale())).toList());
    rows.add(DECIMALS.stream().map(column -> BigDecimal.ONE.movePointLeft(column.scale()).negate()).toList());
    // fewer decimals than the scale, or a negative scale: rescaled, not refused
    rows.add(List.of(new BigDecimal("-1234567.5"), new BigDecimal("-12345678901234.5"), new BigDecimal("1E+18"),
        new BigDecimal("-1234567890123456789012345678.0123456789")));
    rows.add(Arrays.asList(null, new BigDecimal("0.0001"), null, null));
    rows.add(Arrays.asList(null, null, null, null));
    Path file = dir.resolve("decimals.parquet");
    writeDecimals(file, DECIMALS, rows);

    assertEquals(Map.of("n", "BIGINT", "p9", "DECIMAL(9,2)", "p18", "DECIMAL(18,4)", "p19", "DECIMAL(19,0)",
        "p38", "DECIMAL(38,10)"), DuckDb.columnTypes(file));
    assertEquals("[[p9, INT32, null, DECIMAL, 2, 9], [p18, INT64, null, DECIMAL, 4, 18],"
        + " [p19, FIXED_LEN_BYTE_ARRAY, 9, DECIMAL, 0, 19], [p38, FIXED_LEN_BYTE_ARRAY, 16, DECIMAL, 10, 38]]",
        DuckDb.query(file, "SELECT name, type, type_length, converted_type, scale, precision"
            + " FROM parquet_schema('" + file + "') WHERE name LIKE 'p%'").toString());
    assertEquals(rescaled(DECIMALS, rows), readDecimals(file, DECIMALS));
    String largest38 = "9".repeat(28) + "." + "9".repeat(10);
    assertEquals("[[" + largest38 + ", -" + largest38 + "]]", DuckDb.query(file,
        "SELECT CAST(max(p38) AS VARCHAR), CAST(min(p38) AS VARCHAR) FROM $file").toString());
  }

  @Test
  void generatedDecimalsReadBackExactlyInDuckDb() {
    RandomCases.forAll("a DECIMAL column reads back exactly", ParquetWriterTest::decimalCase, decimals -> {
      Path file = Files.createTempFile(dir, "generated", ".parquet");
      List<Column> columns = List.of(decimals.column());
      List<List<BigDecimal>> rows = decimals.values().stream().map(Arrays::asList).toList();
      writeDecimals(file, columns, rows);
      assertEquals(rescaled(columns, rows), readDecimals(file, columns));
    });
  }

  @Test
  void aDecimalThatNeedsRoundingOrMoreDigitsIsRefusedAndTheRowStaysOpen() throws Exception {
    Path file = dir.resolve("refused.parquet");
    try (ParquetWriter parquet = ParquetWriter.create(file, List.of(Column.decimal("total", 12, 2)))) {
      IllegalArgumentException rounding = assertThrows(IllegalArgumentException.class,
          () -> parquet.setDecimal(0, new BigDecimal("1.234")));
      assertEquals("Parquet column 'total' is DECIMAL(12, 2), which cannot hold 1.234 exactly: it has more than 2"
          + " digits after the point; round it first, or give the column a larger scale", rounding.getMessage());
      IllegalArgumentException digits = assertThrows(IllegalArgumentException.class,
          () -> parquet.setDecimal(0, new BigDecimal("-10000000000")));
      assertEquals("Parquet column 'total' is DECIMAL(12, 2), which cannot hold -10000000000: it has more than 10"
          + " digits before the point; give the column a larger precision", digits.getMessage());
      parquet.setDecimal(0, new BigDecimal("-9999999999.99"));
      parquet.endRow();
    }
    assertEquals(List.of(List.of(new BigDecimal("-9999999999.99"))), DuckDb.query(file, "SELECT total FROM $file"));
  }

  @Test
  void aDecimalColumnNeedsAPrecisionAndScaleParquetCanHold() {
    for (int[] bad : new int[][] {{0, 0}, {39, 0}, {10, -1}, {5, 6}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Column.decimal("x", bad[0], bad[1]));
      assertEquals("Parquet column 'x' cannot be DECIMAL(" + bad[0] + ", " + bad[1] + "): give a precision of 1 to 38"
          + " and a scale of 0 to the precision", e.getMessage());
    }
    IllegalArgumentException notDecimal = assertThrows(IllegalArgumentException.class,
        () -> new Column("x", ColumnType.INT64, 10, 2));
    assertTrue(notDecimal.getMessage().startsWith("Parquet column 'x' is INT64, which has no precision or scale"),
        notDecimal.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Column("x", ColumnType.DECIMAL));
  }

  private record DecimalCase(Column column, List<BigDecimal> values) {}

  private static DecimalCase decimalCase(RandomCases random) {
    int precision = random.intWithin(1, Column.MAX_PRECISION);
    int scale = random.intWithin(0, precision);
    return new DecimalCase(Column.decimal("d", precision, scale),
        random.list(0, 40, () -> random.nullOr(8, () -> decimal(random, precision, scale))));
  }

  /** Any number of up to {@code precision} digits, {@code scale} of them decimals; all nines often. */
  private static BigDecimal decimal(RandomCases random, int precision, int scale) {
    int digits = random.intWithin(1, precision);
    boolean nines = random.oneIn(4);
    StringBuilder text = new StringBuilder(random.bool() ? "-" : "");
    for (int i = 0; i < digits; i++) {
      text.append(nines ? '9' : (char) ('0' + random.intBetween(0, 9)));
    }
    BigDecimal value = new BigDecimal(new BigInteger(text.toString()), scale);
    return random.oneIn(3) ? value.stripTrailingZeros() : value; // the writer rescales it
  }

  private static BigDecimal largest(Column decimal) {
    return new BigDecimal(BigInteger.TEN.pow(decimal.precision()).subtract(BigInteger.ONE), decimal.scale());
  }

  /** Writes the rows with their number first, as column {@code n}. */
  private static void writeDecimals(Path file, List<Column> decimals, List<List<BigDecimal>> rows) throws Exception {
    List<Column> columns = new ArrayList<>(List.of(new Column("n", ColumnType.INT64)));
    columns.addAll(decimals);
    try (ParquetWriter parquet = ParquetWriter.create(file, columns)) {
      for (int row = 0; row < rows.size(); row++) {
        parquet.setLong(0, row);
        for (int i = 0; i < decimals.size(); i++) {
          BigDecimal value = rows.get(row).get(i);
          if (value == null) {
            parquet.setNull(i + 1);
          } else {
            parquet.setDecimal(i + 1, value);
          }
        }
        parquet.endRow();
      }
    }
  }

  private static List<List<Object>> readDecimals(Path file, List<Column> decimals) throws Exception {
    String names = String.join(", ", decimals.stream().map(Column::name).toList());
    return DuckDb.query(file, "SELECT " + names + " FROM $file ORDER BY n");
  }

  /** The values as DuckDB gives them back: at the column's scale. */
  private static List<List<Object>> rescaled(List<Column> decimals, List<List<BigDecimal>> rows) {
    List<List<Object>> expected = new ArrayList<>();
    for (List<BigDecimal> row : rows) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < decimals.size(); i++) {
        values.add(row.get(i) == null ? null : row.get(i).setScale(decimals.get(i).scale()));
      }
      expected.add(values);
    }
    return expected;
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
