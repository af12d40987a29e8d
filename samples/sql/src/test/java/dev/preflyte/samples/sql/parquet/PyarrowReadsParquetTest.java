package dev.preflyte.samples.sql.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pyarrow, what pandas and flytekit read Parquet with, reads every column type. Runs where the
 * Python given by PREFLYTE_PYTHON (default {@code python3}) imports pyarrow; skipped, with the
 * reason, elsewhere (Debian has no pyarrow package).
 */
class PyarrowReadsParquetTest {

  private static final String READ = """
      import sys, pyarrow.parquet as pq
      t = pq.read_table(sys.argv[1])
      print(t.schema.to_string(show_schema_metadata=False))
      for row in t.to_pylist():
          # isoformat: the repr of a zone differs between Python versions
          print(sorted((k, v.isoformat() if hasattr(v, "isoformat") else repr(v)) for k, v in row.items()))
      """;

  @TempDir Path dir;

  @Test
  void everyColumnTypeAndNullReadsInPyarrow() throws Exception {
    String python = System.getenv().getOrDefault("PREFLYTE_PYTHON", "python3");
    Assumptions.assumeTrue(run(List.of(python, "-c", "import pyarrow")).exitCode() == 0,
        python + " cannot import pyarrow: set PREFLYTE_PYTHON to a Python that has it (pip install pyarrow)");
    Path file = dir.resolve("types.parquet");
    List<Column> columns = List.of(new Column("n", ColumnType.INT64), new Column("x", ColumnType.DOUBLE),
        new Column("s", ColumnType.STRING), new Column("b", ColumnType.BOOLEAN), new Column("raw", ColumnType.BINARY),
        new Column("d", ColumnType.DATE), new Column("t", ColumnType.TIMESTAMP),
        new Column("tz", ColumnType.TIMESTAMP_UTC), Column.decimal("m", 9, 2), Column.decimal("q", 18, 0),
        Column.decimal("e", 38, 10));
    long micros = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 250_000_000).toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 250_000;
    try (ParquetWriter parquet = ParquetWriter.create(file, columns)) {
      parquet.setLong(0, 42);
      parquet.setDouble(1, 0.5);
      parquet.setString(2, "Zoë");
      parquet.setBoolean(3, true);
      parquet.setBytes(4, new byte[] {1, 2});
      parquet.setDate(5, (int) LocalDate.of(1999, 12, 31).toEpochDay());
      parquet.setLong(6, micros);
      parquet.setLong(7, micros);
      parquet.setDecimal(8, new java.math.BigDecimal("-1234567.5"));
      parquet.setDecimal(9, new java.math.BigDecimal("999999999999999999"));
      parquet.setDecimal(10, new java.math.BigDecimal("-1234567890123456789012345678.0123456789"));
      parquet.endRow();
      for (int i = 0; i < columns.size(); i++) {
        parquet.setNull(i);
      }
      parquet.endRow();
    }
    Result read = run(List.of(python, "-c", READ, file.toString()));
    assertEquals(0, read.exitCode(), read.output());
    assertEquals("""
        n: int64
        x: double
        s: string
        b: bool
        raw: binary
        d: date32[day]
        t: timestamp[us]
        tz: timestamp[us, tz=UTC]
        m: decimal128(9, 2)
        q: decimal128(18, 0)
        e: decimal128(38, 10)
        [('b', 'True'), ('d', '1999-12-31'), ('e', "Decimal('-1234567890123456789012345678.0123456789')"), \
        ('m', "Decimal('-1234567.50')"), ('n', '42'), ('q', "Decimal('999999999999999999')"), \
        ('raw', "b'\\\\x01\\\\x02'"), ('s', "'Zoë'"), \
        ('t', '2024-05-06T07:08:09.250000'), ('tz', '2024-05-06T07:08:09.250000+00:00'), ('x', '0.5')]
        [('b', 'None'), ('d', 'None'), ('e', 'None'), ('m', 'None'), ('n', 'None'), ('q', 'None'), ('raw', 'None'), \
        ('s', 'None'), ('t', 'None'), ('tz', 'None'), ('x', 'None')]
        """, read.output());
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws Exception {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      return new Result(127, e.getMessage());
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(124, output);
    }
    return new Result(process.exitValue(), output);
  }
}
