package dev.preflyte.samples.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ExecutionError.ErrorKind;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.local.LocalRunner;
import dev.preflyte.runtime.storage.LocalStorage;
import dev.preflyte.runtime.storage.Storages;
import dev.preflyte.runtime.task.LocalInputs;
import dev.preflyte.runtime.task.LocalOutputs;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskFailedException;
import dev.preflyte.runtime.task.TaskInterface;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC task against a real PostgreSQL server on loopback, its password a Flyte secret. */
class JdbcQueryTest {

  private static final int INVOICES = 120_000;
  private static final SecretProperty PASSWORD = new SecretProperty("pg", "password");
  private static final TaskInterface SINCE = TaskInterface.builder()
      .input("since", LiteralCodecs.datetime())
      .input("country", LiteralCodecs.string())
      .output(JdbcQuery.OUTPUT, LiteralCodecs.structuredDataset("parquet"))
      .build();
  private static final String BY_COUNTRY = """
      SELECT id, country, total, invoiced_at, billed_on, paid, note, receipt, created_local
      FROM invoices
      WHERE invoiced_at >= :since AND country = :country -- country ':x' is no parameter
      ORDER BY id""";

  static PostgresServer server;
  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
    try (Connection admin = DriverManager.getConnection(server.url("postgres"), PostgresServer.USER, server.password());
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE TABLE invoices (id bigint PRIMARY KEY, country text NOT NULL, total numeric(10,2),"
          + " invoiced_at timestamptz, billed_on date, paid boolean, note text, receipt bytea, created_local timestamp)");
      sql.execute("INSERT INTO invoices SELECT i, (ARRAY['France','Brazil','Canada'])[1 + i % 3], (i % 1000) / 10.0,"
          + " timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute', date '2024-01-01' + (i / 1440),"
          + " i % 2 = 0, CASE WHEN i % 5 = 0 THEN NULL ELSE 'note ' || i END, decode(lpad(to_hex(i % 256), 2, '0'), 'hex'),"
          + " timestamp '2024-01-01 12:00:00' + i * interval '1 second'"
          + " FROM generate_series(1, " + INVOICES + ") AS i");
      sql.execute("CREATE TABLE amounts (id int, money numeric(12,2), precise numeric(38,10), loose numeric)");
      sql.execute("INSERT INTO amounts VALUES"
          + " (1, 9999999999.99, 9999999999999999999999999999.9999999999, 1.5),"
          + " (2, -9999999999.99, -9999999999999999999999999999.9999999999, -0.1),"
          + " (3, 0, 0, 0), (4, 0.01, -0.0000000001, NULL), (5, NULL, NULL, NULL),"
          + " (6, 1234.5, 3.1415926535, 123456789.123456789)");
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static JdbcQueryTask task(String url, String query, Duration timeout) {
    return JdbcQueryTask.of(new JdbcQuery(url, Map.of("user", PostgresServer.USER, "ApplicationName", "preflyte-test"),
        Map.of("password", PASSWORD), query, 1_000, timeout), SINCE);
  }

  private LocalOutputs run(JdbcQueryTask task, Map<String, String> environment) {
    LocalInputs inputs = LocalInputs.create()
        .put("since", LiteralCodecs.datetime(), Instant.parse("2024-02-01T00:00:00Z"))
        .put("country", LiteralCodecs.string(), "Brazil");
    return new LocalRunner(Storages.standard(), environment, dir.resolve("no-secret-files")).run(task, inputs);
  }

  private Map<String, String> passwordSecret() {
    return Map.of("_FSEC_PG_PASSWORD", server.password());
  }

  @Test
  void theTaskRequestsTheSecretsItsPropertiesName() {
    TaskTemplate template = task(server.url("postgres"), BY_COUNTRY, Duration.ZERO)
        .toTaskTemplate(new RegistrationSettings("p", "d", "v1"));
    assertEquals(1, template.getSecurityContext().getSecretsCount());
    assertEquals("pg", template.getSecurityContext().getSecrets(0).getGroup());
    assertEquals("password", template.getSecurityContext().getSecrets(0).getKey());
    assertEquals("jdbc-sql", template.getType());
  }

  @Test
  void rowsStreamIntoParquetWithPostgresColumnTypes() throws Exception {
    Literal results = run(task(server.url("postgres"), BY_COUNTRY, Duration.ofMinutes(1)), passwordSecret())
        .literals().getLiteralsOrThrow("results");
    Path parquet = LocalStorage.toPath(results.getScalar().getStructuredDataset().getUri()).resolve("00000");

    assertEquals(Map.of("id", "BIGINT", "country", "VARCHAR", "total", "DECIMAL(10,2)", "invoiced_at",
        "TIMESTAMP WITH TIME ZONE", "billed_on", "DATE", "paid", "BOOLEAN", "note", "VARCHAR", "receipt", "BLOB",
        "created_local", "TIMESTAMP"), DuckDb.columnTypes(parquet));
    // 2024-02-01 is minute 44,640: every third invoice from there on is Brazil's (i % 3 == 1).
    long expected = java.util.stream.LongStream.rangeClosed(44_640, INVOICES).filter(i -> i % 3 == 1).count();
    List<List<Object>> summary = DuckDb.query(parquet, "SELECT count(*), min(id), count(note),"
        + " CAST(min(billed_on) AS VARCHAR), CAST(max(created_local) AS VARCHAR), sum(CAST(paid AS INTEGER)),"
        + " epoch_us(min(invoiced_at)) FROM $file");
    long first = 44_641;
    assertEquals(List.of(expected, first,
        java.util.stream.LongStream.rangeClosed(44_640, INVOICES).filter(i -> i % 3 == 1 && i % 5 != 0).count(),
        "2024-02-01", "2024-01-02 21:19:58", // invoice 119,998: noon + 119,998 s
        java.util.stream.LongStream.rangeClosed(44_640, INVOICES).filter(i -> i % 3 == 1 && i % 2 == 0).count(),
        Instant.parse("2024-01-01T00:00:00Z").plusSeconds(first * 60).toEpochMilli() * 1000).toString(),
        summary.get(0).stream().map(value -> value instanceof Number n && !(value instanceof Double)
            ? (Object) n.longValue() : value).toList().toString());
    assertEquals("[[44641, 64.10, note 44641]]",
        DuckDb.query(parquet, "SELECT id, total, note FROM $file ORDER BY id LIMIT 1").toString());
  }

  @Test
  void numericColumnsOfAKnownPrecisionAreExactDecimalsAndUnconstrainedOnesDoubles() throws Exception {
    String query = "SELECT id, money, precise, loose, CAST(money * 2 AS numeric(13,2)) AS doubled,"
        + " sum(money) OVER () AS summed FROM amounts ORDER BY id";
    TaskInterface noInputs = TaskInterface.builder()
        .output(JdbcQuery.OUTPUT, LiteralCodecs.structuredDataset("parquet")).build();
    JdbcQueryTask task = JdbcQueryTask.of(new JdbcQuery(server.url("postgres"), Map.of("user", PostgresServer.USER),
        Map.of("password", PASSWORD), query, 2, Duration.ofMinutes(1)), noInputs);
    Literal results = new LocalRunner(Storages.standard(), passwordSecret(), dir.resolve("no-secret-files"))
        .run(task, LocalInputs.create()).literals().getLiteralsOrThrow("results");
    Path parquet = LocalStorage.toPath(results.getScalar().getStructuredDataset().getUri()).resolve("00000");

    assertEquals(Map.of("id", "BIGINT", "money", "DECIMAL(12,2)", "precise", "DECIMAL(38,10)", "loose", "DOUBLE",
        "doubled", "DECIMAL(13,2)", "summed", "DOUBLE"), DuckDb.columnTypes(parquet));
    assertEquals(Map.of("id", SimpleType.INTEGER, "money", SimpleType.FLOAT, "precise", SimpleType.FLOAT,
        "loose", SimpleType.FLOAT, "doubled", SimpleType.FLOAT, "summed", SimpleType.FLOAT),
        results.getScalar().getStructuredDataset().getMetadata().getStructuredDatasetType().getColumnsList().stream()
            .collect(Collectors.toMap(c -> c.getName(), c -> c.getLiteralType().getSimple())));
    List<List<Object>> expected = new ArrayList<>();
    try (Connection postgres = DriverManager.getConnection(server.url("postgres"), PostgresServer.USER,
        server.password()); Statement sql = postgres.createStatement(); ResultSet rows = sql.executeQuery(query)) {
      while (rows.next()) {
        expected.add(Arrays.asList(rows.getLong(1), rows.getBigDecimal(2), rows.getBigDecimal(3),
            rows.getObject(4) == null ? null : rows.getDouble(4), rows.getBigDecimal(5)));
      }
    }
    assertEquals(6, expected.size());
    assertEquals(new BigDecimal("-9999999999999999999999999999.9999999999"), expected.get(1).get(2));
    assertEquals(expected, DuckDb.query(parquet, "SELECT id, money, precise, loose, doubled FROM $file ORDER BY id"));
  }

  // --- bad input

  @Test
  void anUnreachableServerIsTheSystemsAndRetried() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TaskFailedException failure = assertThrows(TaskFailedException.class, () -> run(
        task("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres", BY_COUNTRY, Duration.ZERO), passwordSecret()));
    assertEquals("SYSTEM:Storage", failure.code());
    assertEquals(ErrorKind.SYSTEM, failure.origin());
    assertTrue(failure.getMessage().contains("the database at jdbc:postgresql://127.0.0.1:" + closedPort
        + "/postgres cannot be reached"), failure.getMessage());
    assertFalse(failure.getMessage().contains(server.password()), failure.getMessage());
  }

  @Test
  void aMissingSecretNamesItAndNoValue() {
    TaskFailedException failure = assertThrows(TaskFailedException.class,
        () -> run(task(server.url("postgres"), BY_COUNTRY, Duration.ZERO), Map.of()));
    assertEquals("USER:MissingSecretException", failure.code());
    assertTrue(failure.getMessage().contains("secret pg/password is not available"), failure.getMessage());
  }

  @Test
  void aWrongPasswordIsTheUsersAndNeverShown() {
    String wrong = "not-" + server.password();
    TaskFailedException failure = assertThrows(TaskFailedException.class,
        () -> run(task(server.url("postgres"), BY_COUNTRY, Duration.ZERO), Map.of("_FSEC_PG_PASSWORD", wrong)));
    assertEquals("USER:QueryException", failure.code());
    assertTrue(failure.getMessage().contains("password authentication failed"), failure.getMessage());
    assertFalse(failure.getMessage().contains(wrong), failure.getMessage());
  }

  @Test
  void aQueryErrorAndATimeoutAreTheUsers() {
    TaskFailedException syntax = assertThrows(TaskFailedException.class, () -> run(task(server.url("postgres"),
        "SELECT * FROM invoices WHERE invoiced_at >= :since AND country = :country AND no_such_column = 1",
        Duration.ZERO), passwordSecret()));
    assertEquals("USER:QueryException", syntax.code());
    assertTrue(syntax.getMessage().contains("column \"no_such_column\" does not exist"), syntax.getMessage());

    TaskFailedException timeout = assertThrows(TaskFailedException.class, () -> run(task(server.url("postgres"),
        "SELECT pg_sleep(10), :since::text, :country", Duration.ofSeconds(1)), passwordSecret()));
    assertEquals("USER:QueryException", timeout.code());
    assertTrue(timeout.getMessage().contains("canceling statement due to user request"), timeout.getMessage());
  }
}
