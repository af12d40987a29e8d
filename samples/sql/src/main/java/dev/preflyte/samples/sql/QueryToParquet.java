package dev.preflyte.samples.sql;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskInputs;
import dev.preflyte.runtime.executor.TaskOutputs;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.types.StructuredDataset;
import dev.preflyte.samples.sql.parquet.Column;
import dev.preflyte.samples.sql.parquet.ParquetPipeline;
import dev.preflyte.samples.sql.parquet.ParquetWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * What both SQL tasks do once connected: bind the inputs to the query's {@code :name} parameters,
 * run it, stream its rows into a Parquet file and return it as the structured dataset output
 * {@value #OUTPUT}, in flytekit's layout ({@code <raw output prefix>/<random hex>/00000}) with the
 * result's column types in its metadata.
 */
final class QueryToParquet {

  /** The output's name, as flytekit's SQL tasks name it. */
  static final String OUTPUT = "results";

  /**
   * @param fetchSize rows the driver fetches at a time (0: the driver's default)
   * @param timeout how long the query may run (zero: no limit)
   * @param sqlite the database is SQLite: datetime inputs are bound as its text form, and text is
   *     read as the UTF-8 bytes it stores
   */
  record Options(int fetchSize, Duration timeout, boolean sqlite) {}

  private QueryToParquet() {}

  static TaskOutputs run(Connection connection, String query, TaskInputs inputs, ExecutionContext context,
      Options options) throws IOException {
    if (query == null || query.isBlank()) {
      throw new QueryException("the task's query is empty: set the query in its configuration");
    }
    NamedParameters parameters;
    try {
      parameters = NamedParameters.parse(query);
    } catch (IllegalArgumentException e) {
      throw new QueryException(e.getMessage(), e);
    }
    QueryParameters.check(parameters, inputs);
    Path file = Files.createTempFile(context.workingDirectory(), "results", ".parquet");
    try {
      long started = System.nanoTime();
      List<Column> columns;
      long rows;
      try (PreparedStatement statement = connection.prepareStatement(
          parameters.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        if (options.fetchSize() > 0) {
          statement.setFetchSize(options.fetchSize());
        }
        if (options.timeout() != null && !options.timeout().isZero()) {
          statement.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, options.timeout().toSeconds())));
        }
        new QueryParameters(options.sqlite()).bind(statement, parameters, inputs);
        try (ResultSet result = statement.executeQuery()) {
          columns = ResultColumns.of(result.getMetaData(), options.sqlite());
          try (ParquetWriter parquet = ParquetWriter.create(file, columns);
              ParquetPipeline pipeline = ParquetPipeline.start(parquet)) {
            rows = ResultRows.copy(result, columns, pipeline, options.sqlite());
            pipeline.finish();
          }
        }
      } catch (SQLException e) {
        throw Failures.ofQuery(e);
      }
      context.logger().info("query returned {} rows of {} columns in {} ms; Parquet file of {} bytes",
          rows, columns.size(), (System.nanoTime() - started) / 1_000_000, Files.size(file));
      Literal dataset = LiteralCodecs.structuredDataset("parquet")
          .encode(new StructuredDataset(file.toString(), "parquet"), context);
      Literal typed = dataset.toBuilder().setScalar(dataset.getScalar().toBuilder().setStructuredDataset(
          dataset.getScalar().getStructuredDataset().toBuilder().setMetadata(
              dataset.getScalar().getStructuredDataset().getMetadata().toBuilder()
                  .setStructuredDatasetType(ResultColumns.flyteType(columns))))).build();
      return TaskOutputs.create().putLiteral(OUTPUT, typed);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
