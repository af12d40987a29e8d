package dev.preflyte.samples.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ExecutionError.ErrorKind;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.StructuredDatasetType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.storage.LocalStorage;
import dev.preflyte.runtime.task.LocalInputs;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskFailedException;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.samples.sql.demo.MusicStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite3 task run locally, through the same template, registry and executor as in its container. */
class Sqlite3QueryTest {

  private static final String LONGEST = """
      -- the longest tracks of a genre
      SELECT t.track_id, t.name, t.milliseconds, t.unit_price, t.explicit, t.released, t.cover, t.composer
      FROM tracks t
      WHERE t.genre = :genre   /* a parameter, ':not_one' */
      ORDER BY t.milliseconds DESC, t.track_id
      LIMIT :limit""";
  private static final TaskInterface GENRE_AND_LIMIT = TaskInterface.builder()
      .input("genre", LiteralCodecs.string())
      .input("limit", LiteralCodecs.int64())
      .output(Sqlite3Query.OUTPUT, LiteralCodecs.structuredDataset("parquet"))
      .build();

  private static final TaskInterface NO_INPUTS =
      TaskInterface.builder().output(Sqlite3Query.OUTPUT, LiteralCodecs.structuredDataset("parquet")).build();

  @TempDir static Path shared;
  static Path database;
  @TempDir Path dir;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = shared.resolve("music.sqlite");
    MusicStore.create(database, 3_000);
  }

  private static Sqlite3QueryTask task(String uri, Compression compression, String query, TaskInterface taskInterface) {
    return Sqlite3QueryTask.of(new Sqlite3Query(uri, compression, query), taskInterface);
  }

  private static LocalInputs genre(String genre, long limit) {
    return LocalInputs.create().put("genre", LiteralCodecs.string(), genre).put("limit", LiteralCodecs.int64(), limit);
  }

  private static Path parquetOf(Literal results) {
    return LocalStorage.toPath(results.getScalar().getStructuredDataset().getUri()).resolve("00000");
  }

  @Test
  void queryResultIsAParquetDatasetInFlytekitsLayoutWithTheResultsColumnTypes() throws Exception {
    Literal results = task(database.toString(), Compression.NONE, LONGEST, GENRE_AND_LIMIT)
        .run(genre("Jazz", 5)).literals().getLiteralsOrThrow("results");

    String uri = results.getScalar().getStructuredDataset().getUri();
    assertTrue(uri.matches(".*/[0-9a-f]{32}"), uri);
    Path parquet = parquetOf(results);
    assertEquals(List.of("00000"), Files.list(parquet.getParent()).map(p -> p.getFileName().toString()).toList());
    StructuredDatasetType type = results.getScalar().getStructuredDataset().getMetadata().getStructuredDatasetType();
    assertEquals("parquet", type.getFormat());
    assertEquals(Map.of("track_id", SimpleType.INTEGER, "name", SimpleType.STRING, "milliseconds", SimpleType.INTEGER,
        "unit_price", SimpleType.FLOAT, "explicit", SimpleType.BOOLEAN, "released", SimpleType.DATETIME,
        "cover", SimpleType.BINARY, "composer", SimpleType.STRING),
        type.getColumnsList().stream().collect(Collectors.toMap(c -> c.getName(), c -> c.getLiteralType().getSimple())));

    assertEquals(Map.of("track_id", "BIGINT", "name", "VARCHAR", "milliseconds", "BIGINT", "unit_price", "DOUBLE",
        "explicit", "BOOLEAN", "released", "DATE", "cover", "BLOB", "composer", "VARCHAR"), DuckDb.columnTypes(parquet));
    List<List<Object>> expected = sqlite("SELECT t.track_id, t.name, t.milliseconds, t.unit_price, t.released,"
        + " t.composer IS NULL FROM tracks t WHERE genre = 'Jazz' ORDER BY milliseconds DESC, track_id LIMIT 5");
    List<List<Object>> actual = DuckDb.query(parquet,
        "SELECT track_id, name, milliseconds, unit_price, CAST(released AS VARCHAR), CAST(composer IS NULL AS INTEGER)"
            + " FROM $file");
    assertEquals(expected.toString(), actual.toString());
  }

  @Test
  void zerosFalseAndNullsStayApartAndEveryDateOfTheCalendarIsRead() throws Exception {
    Path cells = database(dir.resolve("cells.sqlite"), "CREATE TABLE cells (n INTEGER, i INTEGER, r REAL, b BOOLEAN, d DATE)",
        "INSERT INTO cells VALUES (1, 0, 0.0, 0, '1970-01-01'), (2, NULL, NULL, NULL, NULL),"
            + " (3, -7, -2.5, 1, '2024-02-29'), (4, 9223372036854775807, 1e300, 0, '0001-01-01 00:00:00'),"
            + " (5, 0, 4.9e-324, 1, '9999-12-31T23:59:59Z')");
    Literal results = task(cells.toString(), Compression.NONE, "SELECT i, r, b, d FROM cells ORDER BY n", NO_INPUTS)
        .run(LocalInputs.create()).literals().getLiteralsOrThrow("results");

    assertEquals("[[0, 0.0, false, 1970-01-01], [null, null, null, null], [-7, -2.5, true, 2024-02-29],"
        + " [9223372036854775807, 1.0E300, false, 0001-01-01], [0, 4.9E-324, true, 9999-12-31]]",
        DuckDb.query(parquetOf(results), "SELECT i, r, b, CAST(d AS VARCHAR) FROM $file").toString());
  }

  @Test
  void aDateColumnHoldingNoCalendarDateIsTheUsersAndNamesTheCell() throws Exception {
    Path cells = database(dir.resolve("dates.sqlite"), "CREATE TABLE cells (d DATE)",
        "INSERT INTO cells VALUES ('2024-01-31'), ('2023-02-29')");
    TaskFailedException failure = fails(task(cells.toString(), Compression.NONE, "SELECT d FROM cells", NO_INPUTS),
        LocalInputs.create());

    assertEquals(ErrorKind.USER, failure.origin());
    assertTrue(failure.getMessage().contains("column 'd' of result row 2 holds '2023-02-29' (String), not a date"),
        failure.getMessage());
  }

  @Test
  void aStringInputHoldingSqlIsOnlyData() throws Exception {
    Literal results = task(database.toString(), Compression.NONE, LONGEST, GENRE_AND_LIMIT)
        .run(genre("Jazz' OR '1'='1", 100)).literals().getLiteralsOrThrow("results");
    assertEquals(List.of(List.of(0L)), DuckDb.query(parquetOf(results), "SELECT count(*) FROM $file"));
    Literal rock = task(database.toString(), Compression.NONE, LONGEST, GENRE_AND_LIMIT)
        .run(genre("Rock", 100_000)).literals().getLiteralsOrThrow("results");
    assertEquals(sqlite("SELECT count(*) FROM tracks WHERE genre = 'Rock'").toString(),
        DuckDb.query(parquetOf(rock), "SELECT count(*) FROM $file").toString());
  }

  @Test
  void zipTarAndTarGzArchivesOfOneDatabaseAreUnpacked() throws Exception {
    String query = "SELECT count(*) AS tracks, sum(milliseconds) AS total FROM tracks";
    TaskInterface noInputs = TaskInterface.builder()
        .output(Sqlite3Query.OUTPUT, LiteralCodecs.structuredDataset("parquet")).build();
    String expected = sqlite("SELECT count(*), sum(milliseconds) FROM tracks").toString();
    Map<Compression, Path> archives = Map.of(
        Compression.ZIP, zip(dir.resolve("music.zip"), Map.of("data/music.db", database)),
        Compression.TAR, tar(dir.resolve("music.tar"), Map.of("music.db", database), false),
        Compression.TAR_GZ, tar(dir.resolve("music.tar.gz"), Map.of("a/rather/long/folder/name/for/the/database/that/"
            + "goes/past/one/hundred/characters/of/tar/header/space/music.db", database), true));
    for (Map.Entry<Compression, Path> archive : archives.entrySet()) {
      Literal results = task(archive.getValue().toUri().toString(), archive.getKey(), query, noInputs)
          .run(LocalInputs.create()).literals().getLiteralsOrThrow("results");
      assertEquals(expected, DuckDb.query(parquetOf(results), "SELECT * FROM $file").toString(), archive.getKey().name());
    }
  }

  @Test
  void theTemplateCarriesTheConfigurationAndTheDeclaredInterface() {
    TaskTemplate template = dev.preflyte.runtime.registry.DeclaredTasks.load(getClass().getClassLoader()).stream()
        .filter(declared -> declared.name().equals("music.longest_tracks")).findFirst().orElseThrow()
        .toTaskTemplate(new RegistrationSettings("p", "d", "v1"));
    assertEquals("sqlite", template.getType());
    assertEquals("music.longest_tracks", template.getId().getName());
    assertEquals(List.of("genre", "limit"), List.copyOf(template.getInterface().getInputs().getVariablesMap().keySet()));
    assertEquals("ZIP", template.getCustom().getFieldsOrThrow("compression").getStringValue());
    assertTrue(template.getCustom().getFieldsOrThrow("query").getStringValue().contains(":genre"));
  }

  // --- bad input: each fails with error.pb's classification and a message that names the cause

  @Test
  void aMissingDatabaseIsAStorageFailureOfTheSystem() {
    TaskFailedException failure = fails(task(dir.resolve("absent.sqlite").toString(), Compression.NONE, LONGEST,
        GENRE_AND_LIMIT), genre("Rock", 1));
    assertEquals("SYSTEM:Storage", failure.code());
    assertEquals(ErrorKind.SYSTEM, failure.origin());
    assertTrue(failure.getMessage().contains("absent.sqlite"), failure.getMessage());
  }

  @Test
  void aFileThatIsNotADatabaseIsTheUsers() throws IOException {
    Path corrupt = Files.writeString(dir.resolve("corrupt.sqlite"), "not a database at all");
    TaskFailedException failure = fails(task(corrupt.toString(), Compression.NONE, LONGEST, GENRE_AND_LIMIT),
        genre("Rock", 1));
    assertEquals("USER:InvalidDatabaseException", failure.code());
    assertEquals(ErrorKind.USER, failure.origin());
    assertTrue(failure.getMessage().contains("corrupt.sqlite is not a SQLite 3 database"), failure.getMessage());
  }

  @Test
  void anArchiveWithNoDatabaseOrSeveralIsTheUsers() throws IOException {
    Path empty = zip(dir.resolve("empty.zip"), Map.of());
    TaskFailedException none = fails(task(empty.toString(), Compression.ZIP, LONGEST, GENRE_AND_LIMIT), genre("Rock", 1));
    assertEquals("USER:InvalidDatabaseException", none.code());
    assertTrue(none.getMessage().contains("empty.zip holds no file"), none.getMessage());

    Path two = tar(dir.resolve("two.tar.gz"), Map.of("a.db", database, "b.db", database), true);
    TaskFailedException several = fails(task(two.toString(), Compression.TAR_GZ, LONGEST, GENRE_AND_LIMIT),
        genre("Rock", 1));
    assertEquals("USER:InvalidDatabaseException", several.code());
    assertTrue(several.getMessage().contains("holds 2 files (a.db, b.db): it must hold exactly one"),
        several.getMessage());

    TaskFailedException notTar = fails(task(database.toString(), Compression.TAR_GZ, LONGEST, GENRE_AND_LIMIT),
        genre("Rock", 1));
    assertEquals("USER:InvalidDatabaseException", notTar.code());
    assertTrue(notTar.getMessage().contains("is not a readable tar.gz archive"), notTar.getMessage());
  }

  @Test
  void aQueryErrorIsTheUsersAndNamesTheDatabasesComplaint() {
    TaskFailedException failure = fails(task(database.toString(), Compression.NONE,
        "SELECT * FROM no_such_table WHERE genre = :genre LIMIT :limit", GENRE_AND_LIMIT), genre("Rock", 1));
    assertEquals("USER:QueryException", failure.code());
    assertEquals(ErrorKind.USER, failure.origin());
    assertTrue(failure.getMessage().contains("the query failed: [SQLITE_ERROR]"), failure.getMessage());
    assertTrue(failure.getMessage().contains("no such table: no_such_table"), failure.getMessage());
  }

  @Test
  void aParameterWithoutAnInputIsTheUsersInputMismatch() {
    TaskFailedException failure = fails(task(database.toString(), Compression.NONE,
        "SELECT * FROM tracks WHERE genre = :genre AND album_id = :album LIMIT :limit", GENRE_AND_LIMIT),
        genre("Rock", 1));
    assertEquals("USER:InputMismatch", failure.code());
    assertTrue(failure.getMessage().contains("the query's parameter :album has no input of that name"
        + " (inputs: [genre, limit])"), failure.getMessage());
  }

  @Test
  void theDownloadedDatabaseIsRemovedAfterTheRun() throws Exception {
    // The working directory is the runtime's; the folder the task made in it must be gone, which a
    // second run with the same database name and no leftovers shows through the storage listing.
    Literal results = task(database.toString(), Compression.NONE, LONGEST, GENRE_AND_LIMIT)
        .run(genre("Blues", 3)).literals().getLiteralsOrThrow("results");
    Path raw = parquetOf(results).getParent().getParent();
    try (var files = Files.walk(raw)) {
      assertFalse(files.anyMatch(path -> path.getFileName().toString().startsWith("sqlite-")
          || path.getFileName().toString().endsWith(".parquet")), "leftovers under " + raw);
    }
  }

  /** A new SQLite database at {@code file}, made by {@code statements}. */
  private static Path database(Path file, String... statements) throws java.sql.SQLException {
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.executeUpdate(sql);
      }
    }
    return file;
  }

  private static TaskFailedException fails(Sqlite3QueryTask task, LocalInputs inputs) {
    return assertThrows(TaskFailedException.class, () -> task.run(inputs));
  }

  static List<List<Object>> sqlite(String sql) throws Exception {
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
        var rows = connection.createStatement().executeQuery(sql)) {
      List<List<Object>> result = new java.util.ArrayList<>();
      while (rows.next()) {
        List<Object> row = new java.util.ArrayList<>();
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
          Object value = rows.getObject(i);
          row.add(value instanceof Integer n ? (Object) n.longValue() : value instanceof Boolean b ? b : value);
        }
        result.add(row);
      }
      return result;
    }
  }

  static Path zip(Path target, Map<String, Path> entries) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
      for (Map.Entry<String, Path> entry : new java.util.TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        Files.copy(entry.getValue(), zip);
        zip.closeEntry();
      }
    }
    return target;
  }

  /** A ustar archive (with a GNU long-name entry for names past 100 characters), gzipped if asked. */
  static Path tar(Path target, Map<String, Path> entries, boolean gzip) throws IOException {
    try (OutputStream file = Files.newOutputStream(target);
        OutputStream out = gzip ? new GZIPOutputStream(file) : file) {
      for (Map.Entry<String, Path> entry : new java.util.TreeMap<>(entries).entrySet()) {
        byte[] name = entry.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (name.length > 100) {
          out.write(header("././@LongLink", name.length + 1, 'L'));
          out.write(name);
          out.write(new byte[512 - name.length % 512]);
        }
        long size = Files.size(entry.getValue());
        out.write(header(entry.getKey(), size, '0'));
        Files.copy(entry.getValue(), out);
        out.write(new byte[(int) ((512 - size % 512) % 512)]);
      }
      out.write(new byte[1024]);
    }
    return target;
  }

  private static byte[] header(String name, long size, char type) {
    byte[] header = new byte[512];
    byte[] nameBytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    System.arraycopy(nameBytes, 0, header, 0, Math.min(100, nameBytes.length));
    put(header, 100, String.format("%07o", 0644));
    put(header, 108, String.format("%07o", 0));
    put(header, 116, String.format("%07o", 0));
    put(header, 124, String.format("%011o", size));
    put(header, 136, String.format("%011o", 0));
    header[156] = (byte) type;
    put(header, 257, "ustar");
    put(header, 263, "00");
    java.util.Arrays.fill(header, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xFF;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    return header;
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}
