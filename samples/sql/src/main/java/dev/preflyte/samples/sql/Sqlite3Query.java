package dev.preflyte.samples.sql;

import dev.preflyte.annotations.PrebuiltTask;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskInputs;
import dev.preflyte.runtime.executor.TaskOutputs;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Runs a query on a SQLite database and returns the rows as a Parquet structured dataset: the
 * counterpart of flytekit's {@code SQLite3Task}. The inputs are declared per task instance and bound
 * to the query's {@code :name} parameters, never pasted into it; the output is {@code results}.
 *
 * <pre>{@code
 * Sqlite3QueryTask.of(
 *     new Sqlite3Query("s3://bucket/chinook.zip", Compression.ZIP,
 *         "SELECT * FROM tracks WHERE Milliseconds > :min_ms LIMIT :limit"),
 *     TaskInterface.builder()
 *         .input("min_ms", LiteralCodecs.int64()).input("limit", LiteralCodecs.int64())
 *         .output("results", LiteralCodecs.structuredDataset("parquet")).build());
 * }</pre>
 *
 * @param uri the database: a local path, {@code file://}, {@code s3://} or any URI the image's storage reads
 * @param compression how the file at {@code uri} is packed
 * @param query the query, with {@code :name} parameters for the inputs; several lines and comments are fine
 */
@PrebuiltTask(image = "ghcr.io/preflyte/samples-sql:0.1.0", taskType = "sqlite")
public record Sqlite3Query(String uri, Compression compression, String query) {

  /** The name of the task's one output, the Parquet dataset: declare it in the task's interface. */
  public static final String OUTPUT = QueryToParquet.OUTPUT;

  /**
   * SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX: the task only reads, and the downloaded copy is
   * discarded anyway; one thread uses the connection, so SQLite need not lock a mutex on every call
   * (two per cell read: measured 11 % of a large query's time).
   */
  private static final String OPEN_MODE = Integer.toString(0x00000001 | 0x00008000);

  /** Fetches the database into the working directory, runs the query, removes the database. */
  public TaskOutputs execute(TaskInputs inputs, ExecutionContext context) throws IOException {
    // The driver unpacks its native library into a temporary folder: the working directory is the
    // one place a read-only container file system lets it write.
    if (System.getProperty("org.sqlite.tmpdir") == null) {
      System.setProperty("org.sqlite.tmpdir", context.workingDirectory().toString());
    }
    try (DatabaseFile database = DatabaseFile.fetch(uri, compression, context)) {
      Properties properties = new Properties();
      properties.setProperty("open_mode", OPEN_MODE);
      // The driver itself, not DriverManager, which would first load every JDBC driver in the image.
      try (Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + database.path(), properties)) {
        return QueryToParquet.run(connection, query, inputs, context,
            new QueryToParquet.Options(0, Duration.ZERO, true));
      } catch (SQLException e) {
        throw new InvalidDatabaseException("SQLite cannot open the database from " + uri + ": " + e.getMessage(), e);
      }
    }
  }
}
