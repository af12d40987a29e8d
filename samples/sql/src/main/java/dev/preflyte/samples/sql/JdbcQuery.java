package dev.preflyte.samples.sql;

import dev.preflyte.annotations.PrebuiltTask;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskInputs;
import dev.preflyte.runtime.executor.TaskOutputs;
import dev.preflyte.runtime.task.SecretRequest;
import dev.preflyte.runtime.task.SecretsNeeded;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Runs a query through a JDBC driver of its image (PostgreSQL's) and returns the rows as a Parquet
 * structured dataset: the counterpart of flytekitplugins-sqlalchemy's {@code SQLAlchemyTask}, with
 * the inputs bound as parameters, the secrets requested by the task itself, and rows streamed.
 *
 * @param url the JDBC URL without credentials, for example {@code jdbc:postgresql://db:5432/music}
 * @param properties connection properties given as they are ({@code user}, {@code sslmode}, ...)
 * @param secretProperties connection properties read from Flyte secrets ({@code password}, ...)
 * @param query the query, with {@code :name} parameters for the inputs
 * @param fetchSize rows fetched from the server at a time, so a large result streams (0: 10,000)
 * @param queryTimeout how long the query may run before it is cancelled (zero or null: no limit)
 */
@PrebuiltTask(image = "ghcr.io/preflyte/samples-sql:0.1.0", taskType = "jdbc-sql")
public record JdbcQuery(String url, Map<String, String> properties, Map<String, SecretProperty> secretProperties,
    String query, int fetchSize, Duration queryTimeout) implements SecretsNeeded {

  /** The name of the task's one output, the Parquet dataset: declare it in the task's interface. */
  public static final String OUTPUT = QueryToParquet.OUTPUT;

  private static final int DEFAULT_FETCH_SIZE = 10_000;

  /** The secrets the connection properties name: requested in the task's SecurityContext. */
  @Override
  public List<SecretRequest> secretsNeeded() {
    return secretProperties == null ? List.of() : secretProperties.values().stream()
        .map(secret -> SecretRequest.of(secret.group(), secret.key()))
        .distinct()
        .toList();
  }

  public TaskOutputs execute(TaskInputs inputs, ExecutionContext context) throws IOException {
    if (url == null || !url.startsWith("jdbc:")) {
      throw new QueryException("the task's url '" + url + "' is not a JDBC URL: give one such as"
          + " jdbc:postgresql://host:5432/database");
    }
    Properties connection = new Properties();
    if (properties != null) {
      connection.putAll(properties);
    }
    if (secretProperties != null) {
      secretProperties.forEach((name, secret) ->
          connection.setProperty(name, context.secrets().get(secret.group(), secret.key())));
    }
    String target = withoutQuery(url);
    try (Connection database = connect(connection, target)) {
      // PostgreSQL streams with a cursor only outside auto-commit; the task only reads.
      database.setAutoCommit(false);
      database.setReadOnly(true);
      return QueryToParquet.run(database, query, inputs, context, new QueryToParquet.Options(
          fetchSize > 0 ? fetchSize : DEFAULT_FETCH_SIZE, queryTimeout == null ? Duration.ZERO : queryTimeout, false));
    } catch (SQLException e) {
      throw Failures.ofQuery(e);
    }
  }

  private Connection connect(Properties connection, String target) {
    try {
      return DriverManager.getConnection(url, connection);
    } catch (SQLException e) {
      throw Failures.ofConnection(e, target);
    }
  }

  /** The URL without its query string, where a careless user may have put a password. */
  private static String withoutQuery(String url) {
    int question = url.indexOf('?');
    return question < 0 ? url : url.substring(0, question);
  }
}
