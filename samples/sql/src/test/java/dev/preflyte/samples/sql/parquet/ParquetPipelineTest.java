package dev.preflyte.samples.sql.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetPipelineTest {

  private static final List<Column> COLUMNS = List.of(
      new Column("n", ColumnType.INT64), new Column("x", ColumnType.DOUBLE), new Column("b", ColumnType.BOOLEAN),
      new Column("d", ColumnType.DATE), new Column("s", ColumnType.STRING), new Column("bytes", ColumnType.BINARY),
      Column.decimal("price", 12, 2));

  @TempDir Path dir;

  /** Rows over several batches and a few row groups, with nulls in every column now and then. */
  private static void writeRows(ParquetRows rows, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      if (i % 7 == 3) {
        for (int column = 0; column < COLUMNS.size(); column++) {
          rows.setNull(column);
        }
      } else {
        rows.setLong(0, i * 31L - 5);
        rows.setDouble(1, i / 8.0);
        rows.setBoolean(2, i % 3 == 0);
        rows.setDate(3, 19_000 + i % 500);
        rows.setString(4, "row " + i + (i % 11 == 0 ? " ünïcödé" : ""));
        rows.setBytes(5, ("b" + i).getBytes(StandardCharsets.UTF_8));
        rows.setDecimal(6, BigDecimal.valueOf(i * 101L - 50_000, 2));
      }
      rows.endRow();
    }
  }

  @Test
  void theFileIsByteForByteTheOneTheWriterWritesOnItsOwn() throws Exception {
    int count = ParquetPipeline.BATCH_ROWS * 5 + 123;
    Path direct = dir.resolve("direct.parquet");
    try (ParquetWriter parquet = ParquetWriter.create(direct, COLUMNS, 256 << 10)) {
      writeRows(parquet, count);
    }
    Path piped = dir.resolve("piped.parquet");
    long rows;
    try (ParquetWriter parquet = ParquetWriter.create(piped, COLUMNS, 256 << 10);
        ParquetPipeline pipeline = ParquetPipeline.start(parquet)) {
      writeRows(pipeline, count);
      pipeline.finish();
      rows = pipeline.rows();
      assertEquals(count, parquet.rows(), "every row reached the writer before finish returned");
    }

    assertEquals(count, rows);
    assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(piped));
  }

  @Test
  void aValueTheWriterRefusesIsThrownToTheReaderAndTheThreadEnds() throws Exception {
    Path file = dir.resolve("refused.parquet");
    IllegalArgumentException refused;
    try (ParquetWriter parquet = ParquetWriter.create(file, COLUMNS);
        ParquetPipeline pipeline = ParquetPipeline.start(parquet)) {
      writeRows(pipeline, 10);
      pipeline.setDouble(0, 1.5); // column n is INT64
      for (int column = 1; column < COLUMNS.size(); column++) {
        pipeline.setNull(column);
      }
      pipeline.endRow();
      refused = assertThrows(IllegalArgumentException.class, pipeline::finish);
      assertSame(refused, assertThrows(IllegalArgumentException.class, pipeline::finish), "the same failure, again");
    }

    assertEquals("Parquet column 'n' is INT64, not a double: use the setter of its type", refused.getMessage());
    assertFalse(writerThreadAlive());
  }

  @Test
  void closingWithoutFinishingStopsTheThreadAndWritesNoMoreRows() throws Exception {
    Path file = dir.resolve("abandoned.parquet");
    try (ParquetWriter parquet = ParquetWriter.create(file, COLUMNS)) {
      try (ParquetPipeline pipeline = ParquetPipeline.start(parquet)) {
        writeRows(pipeline, ParquetPipeline.BATCH_ROWS + 10);
        pipeline.setLong(0, 1); // a row the reader gave up on halfway
      }
      assertEquals(ParquetPipeline.BATCH_ROWS, parquet.rows(), "only the batch handed over was written");
    }
    assertFalse(writerThreadAlive());
    assertTrue(Files.size(file) > 0);
  }

  private static boolean writerThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals("preflyte-parquet-writer") && thread.isAlive());
  }
}
