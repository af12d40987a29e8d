package dev.preflyte.samples.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.DeclaredTasks;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskFailedException;
import dev.preflyte.runtime.types.FlyteFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV statistics task as its users call it: typed, locally, through the path the container takes. */
class CsvStatsTest {

  @TempDir Path dir;

  private FlyteFile file(String name, String content) throws IOException {
    return FlyteFile.of(Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8));
  }

  @Test
  void summarizesEveryColumnAndWritesTheCleanedCopy() throws IOException {
    CsvStats.Summary summary = CsvTasks.CSV_STATS.run(file("fruit.csv", CsvFiles.FRUIT));

    assertEquals(4, summary.rows());
    assertEquals(1, summary.droppedRows());
    assertEquals(CsvFiles.FRUIT_SUMMARIES, summary.columns());
    assertEquals(CsvFiles.FRUIT_CLEANED, Files.readString(summary.cleaned().localPath()));
  }

  @Test
  void onlyTheConfiguredColumnsAreSummarizedButAllAreCleaned() throws IOException {
    CsvStats.Summary summary = CsvStatsTask.of(new CsvStats(",", true, List.of("price"), List.of("NA")))
        .run(file("fruit.csv", CsvFiles.FRUIT));

    assertEquals(Map.of("price", CsvFiles.FRUIT_SUMMARIES.get("price")), summary.columns());
    assertEquals(CsvFiles.FRUIT_CLEANED, Files.readString(summary.cleaned().localPath()));
  }

  @Test
  void withoutAHeaderColumnsAreNamedByPosition() throws IOException {
    CsvStats.Summary summary = CsvTasks.TSV_STATS.run(file("plain.tsv", "a\t1\nb\t2\na\tx\n"));

    assertEquals(3, summary.rows());
    assertEquals(Map.of("column_1", CsvFiles.text(3, 0, 2), "column_2", CsvFiles.text(3, 0, 3)), summary.columns());
    assertEquals("a,1\r\nb,2\r\na,x\r\n", Files.readString(summary.cleaned().localPath()));
  }

  @Test
  void aColumnOfOnlyMissingValuesIsText() throws IOException {
    CsvStats.Summary summary = CsvTasks.CSV_STATS.run(file("empty.csv", "x,y\n1,\n2,null\n"));

    assertEquals(CsvFiles.text(0, 2, 0), summary.columns().get("y"));
    assertEquals(CsvFiles.numeric(2, 0, 1, 2, 1.5, 2), summary.columns().get("x"));
  }

  @Test
  void aMissingFileIsTheUsersErrorNamingIt() {
    String missing = dir.resolve("nope.csv").toString();

    TaskFailedException failure = assertThrows(TaskFailedException.class,
        () -> CsvTasks.CSV_STATS.run(FlyteFile.ofUri(missing)));

    assertUserError(failure, "the CSV file " + missing + " does not exist");
  }

  @Test
  void anUnterminatedQuoteIsTheUsersErrorNamingTheLine() throws IOException {
    FlyteFile csv = file("broken.csv", "a,b\n1,2\n3,\"oops\n4,5\n");

    TaskFailedException failure = assertThrows(TaskFailedException.class, () -> CsvTasks.CSV_STATS.run(csv));

    assertUserError(failure, "line 3: a quoted field is never closed (unterminated quote)");
  }

  @Test
  void aConfiguredColumnTheFileLacksIsNamedWithTheHeader() throws IOException {
    FlyteFile csv = file("fruit.csv", CsvFiles.FRUIT);
    CsvStatsTask task = CsvStatsTask.of(new CsvStats(",", true, List.of("price", "weight"), List.of()));

    TaskFailedException failure = assertThrows(TaskFailedException.class, () -> task.run(csv));

    assertUserError(failure, "column 'weight' is not in ");
    assertTrue(failure.getMessage().contains("its columns are: id, name, price, city"), failure.getMessage());
  }

  @Test
  void aHeaderNamingAColumnTwiceOrAnEmptyFileIsAnError() throws IOException {
    FlyteFile twice = file("twice.csv", "a,b,a\n1,2,3\n");
    FlyteFile empty = file("empty.csv", "\n\n");

    assertUserError(assertThrows(TaskFailedException.class, () -> CsvTasks.CSV_STATS.run(twice)),
        "names column 'a' twice (columns 1 and 3)");
    assertUserError(assertThrows(TaskFailedException.class, () -> CsvTasks.CSV_STATS.run(empty)), "is empty");
  }

  @Test
  void aDelimiterThatIsNotOneCharacterIsRefusedWhenTheTaskIsDefined() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new CsvStats(";;", true, List.of(), List.of()));
    assertTrue(error.getMessage().startsWith("CsvStats delimiter \";;\" is not one character"), error.getMessage());
  }

  @Test
  void theDeclaredTasksRegisterWithTheirNamesAndInterface() {
    List<DeclaredTask> declared = DeclaredTasks.load(getClass().getClassLoader()).stream()
        .filter(task -> task.task() instanceof CsvStatsTask).toList();
    assertEquals(List.of("samples.csv_stats", "samples.tsv_stats"), declared.stream().map(DeclaredTask::name).toList());

    TaskTemplate template = declared.get(0).toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "v1"));
    assertEquals("csv-stats", template.getType());
    assertEquals(List.of("csv"), List.copyOf(template.getInterface().getInputs().getVariablesMap().keySet()));
    assertEquals(List.of("rows", "droppedRows", "columns", "cleaned"),
        List.copyOf(template.getInterface().getOutputs().getVariablesMap().keySet()));
    assertTrue(template.getInterface().getOutputs().getVariablesOrThrow("columns").getType().getMapValueType().hasSimple());
    assertEquals(",", CsvStatsTask.CUSTOM.decodeStruct(template.getCustom()).delimiter());
  }

  private static void assertUserError(TaskFailedException failure, String text) {
    assertEquals("USER:CsvInputException", failure.code(), failure.getMessage());
    assertEquals(ExecutionError.ErrorKind.USER, failure.origin());
    assertTrue(failure.getMessage().contains(text), failure.getMessage());
  }
}
