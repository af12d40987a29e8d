package dev.preflyte.samples.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.harness.ContainerPluginHarness;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.types.FlyteFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The declared CSV task run as Flyte's container plugin runs it: the registered template's command
 * rendered, {@code preflyte-execute} started as its own process on local storage, and {@code
 * outputs.pb} and {@code error.pb} read as propeller reads them.
 */
class CsvStatsContainerIT {

  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  @TempDir Path dir;

  private ContainerPluginHarness.Outcome run(CsvStatsTask task, String csvUri) throws Exception {
    TaskTemplate template = task.toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "v1"));
    Path classes = Path.of(CsvStats.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("csv", LiteralCodecs.file().encode(FlyteFile.ofUri(csvUri), null)).build();
    return new ContainerPluginHarness(REPOSITORY.resolve("bin"))
        .env("PREFLYTE_CLASSPATH", classes.toString())
        .env("JAVA_HOME", System.getProperty("java.home"))
        .run(template, inputs, dir.resolve("cluster"), 0);
  }

  /**
   * A file in the node's own data folder, as an upstream task's output would arrive: on the cluster
   * path preflyte-execute refuses local inputs anywhere else.
   */
  private Path upstreamOutput(String name) throws java.io.IOException {
    return Files.createDirectories(dir.resolve("cluster/metadata/n0")).resolve(name);
  }

  @Test
  void outputsDecodeToTheSummariesAndTheCleanedFileUnderTheRawOutputPrefix() throws Exception {
    Path csv = Files.writeString(upstreamOutput("fruit.csv"), CsvFiles.FRUIT, StandardCharsets.UTF_8);

    ContainerPluginHarness.Outcome outcome = run(CsvTasks.CSV_STATS, csv.toUri().toString());

    assertEquals(ContainerPluginHarness.Outcome.Phase.SUCCEEDED, outcome.phase(), outcome.toString());
    LiteralMap outputs = outcome.outputs();
    assertEquals(List.of("cleaned", "columns", "droppedRows", "rows"), outputs.getLiteralsMap().keySet().stream().sorted().toList());
    assertEquals(4L, LiteralCodecs.int64().decode(outputs.getLiteralsOrThrow("rows"), null));
    assertEquals(1L, LiteralCodecs.int64().decode(outputs.getLiteralsOrThrow("droppedRows"), null));

    // A map literal of one msgpack-encoded struct per column, as flytekit passes a dict of dataclasses.
    Literal columns = outputs.getLiteralsOrThrow("columns");
    assertEquals(CsvFiles.fruitColumns().stream().sorted().toList(),
        columns.getMap().getLiteralsMap().keySet().stream().sorted().toList());
    columns.getMap().getLiteralsMap().values().forEach(
        column -> assertEquals("msgpack", column.getScalar().getBinary().getTag()));
    Map<String, ColumnSummary> summaries =
        LiteralCodecs.mapOf(LiteralCodecs.struct(ColumnSummary.class)).decode(columns, null);
    assertEquals(CsvFiles.FRUIT_SUMMARIES, summaries);

    String cleanedUri = outputs.getLiteralsOrThrow("cleaned").getScalar().getBlob().getUri();
    Path rawOutputPrefix = dir.resolve("cluster/raw/attempt-0");
    Path cleaned = Path.of(cleanedUri.startsWith("file:") ? java.net.URI.create(cleanedUri).getPath() : cleanedUri);
    assertTrue(cleaned.startsWith(rawOutputPrefix), cleanedUri + " is under " + rawOutputPrefix);
    assertEquals(CsvFiles.FRUIT_CLEANED, Files.readString(cleaned));
  }

  @Test
  void aMalformedFileEndsInTheUsersErrorDocument() throws Exception {
    Path csv = Files.writeString(upstreamOutput("broken.csv"), "a,b\n1,\"2\n", StandardCharsets.UTF_8);

    ContainerPluginHarness.Outcome outcome = run(CsvTasks.CSV_STATS, csv.toString());

    assertEquals(ContainerPluginHarness.Outcome.Phase.TASK_ERROR, outcome.phase(), outcome.toString());
    ContainerError error = outcome.error();
    assertEquals("USER:CsvInputException", error.getCode());
    assertEquals(ContainerError.Kind.NON_RECOVERABLE, error.getKind());
    assertEquals(ExecutionError.ErrorKind.USER, error.getOrigin());
    assertTrue(error.getMessage().contains("line 2: a quoted field is never closed"), error.getMessage());
  }
}
