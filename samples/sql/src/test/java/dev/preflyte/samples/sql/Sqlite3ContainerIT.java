package dev.preflyte.samples.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.harness.ContainerPluginHarness.Outcome;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.storage.LocalStorage;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.samples.sql.demo.MusicStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite3 task in its container: preflyte-execute started as Flyte's container plugin starts it. */
class Sqlite3ContainerIT {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final TaskInterface LIMIT = TaskInterface.builder()
      .input("limit", LiteralCodecs.int64())
      .output(Sqlite3Query.OUTPUT, LiteralCodecs.structuredDataset("parquet"))
      .build();

  @TempDir Path dir;

  private static TaskTemplate template(String uri, Compression compression) {
    return Sqlite3QueryTask.of(new Sqlite3Query(uri, compression,
            "SELECT genre, count(*) AS tracks FROM tracks GROUP BY genre ORDER BY genre LIMIT :limit"), LIMIT)
        .toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "v1"));
  }

  private static LiteralMap limit(long limit) {
    return LiteralMap.newBuilder().putLiterals("limit", LiteralCodecs.int64().encode(limit, null)).build();
  }

  @Test
  void zippedDatabaseFromAFileUriGivesParquetUnderTheRawOutputPrefix() throws Exception {
    Path database = dir.resolve("music.sqlite");
    MusicStore.create(database, 2_000);
    Path zip = Sqlite3QueryTest.zip(dir.resolve("music.zip"), Map.of("music.sqlite", database));

    Outcome outcome = ContainerRuns.harness(MODULE).run(template(zip.toUri().toString(), Compression.ZIP), limit(3),
        dir.resolve("node"), 0);

    assertEquals(Outcome.Phase.SUCCEEDED, outcome.phase(), outcome.toString());
    String uri = outcome.outputs().getLiteralsOrThrow("results").getScalar().getStructuredDataset().getUri();
    Path raw = dir.resolve("node/raw/attempt-0");
    assertTrue(LocalStorage.toPath(uri).startsWith(raw), uri);
    Path parquet = LocalStorage.toPath(uri).resolve("00000");
    assertEquals("[[Blues], [Classical], [Electronica]]", DuckDb.query(parquet, "SELECT genre FROM $file").toString());
    try (var leftovers = Files.walk(dir.resolve("node"))) {
      assertEquals(List.of(), leftovers.filter(path -> path.getFileName().toString().startsWith("sqlite-")).toList());
    }
  }

  @Test
  void aCorruptDatabaseEndsInErrorPbWithTheUsersOrigin() throws Exception {
    Path corrupt = Files.writeString(dir.resolve("corrupt.db"), "SQLite format 2 or so");
    Outcome outcome = ContainerRuns.harness(MODULE).run(template(corrupt.toString(), Compression.NONE), limit(3),
        dir.resolve("node"), 0);

    assertEquals(Outcome.Phase.TASK_ERROR, outcome.phase(), outcome.toString());
    ContainerError error = outcome.error();
    assertEquals("USER:InvalidDatabaseException", error.getCode());
    assertEquals(ExecutionError.ErrorKind.USER, error.getOrigin());
    assertEquals(ContainerError.Kind.NON_RECOVERABLE, error.getKind());
    assertTrue(error.getMessage().contains("corrupt.db is not a SQLite 3 database"), error.getMessage());
  }

  @Test
  void aMissingDatabaseEndsInErrorPbWithTheSystemsOriginAndIsRetried() throws Exception {
    Outcome outcome = ContainerRuns.harness(MODULE).run(template(dir.resolve("gone.db").toUri().toString(),
        Compression.NONE), limit(3), dir.resolve("node"), 0);

    assertEquals(Outcome.Phase.TASK_ERROR, outcome.phase(), outcome.toString());
    assertEquals("SYSTEM:Storage", outcome.error().getCode());
    assertEquals(ExecutionError.ErrorKind.SYSTEM, outcome.error().getOrigin());
    assertEquals(ContainerError.Kind.RECOVERABLE, outcome.error().getKind());
    assertTrue(outcome.error().getMessage().contains("gone.db"), outcome.error().getMessage());
  }
}
