package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflyte.runtime.entrypoint.RelativeDataPaths.DataKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which local paths JSON training inputs may name, and where the image build's training run reads them. */
class TrainingInputDataTest {

  @TempDir Path dir;
  private Path folder;
  private TrainingInputData data;

  @BeforeEach
  void folder() throws Exception {
    folder = Files.createDirectories(dir.resolve("training-inputs"));
    Files.writeString(Files.createDirectories(folder.resolve("data/tables")).resolve("rows.csv"), "a,b\n1,2\n");
    Files.writeString(folder.resolve("words.json"), "{}");
    data = new TrainingInputData(folder);
  }

  @Test
  void aPathInADataFolderIsWrittenRelativeToTheFolder() throws Exception {
    assertEquals("data/tables/rows.csv", data.uri("csv", "data/tables/rows.csv", DataKind.FILE));
    assertEquals("data/tables", data.uri("dir", "data/./tables/", DataKind.FOLDER));
    assertEquals("data/tables/rows.csv", data.uri("t", "data/x/../tables/rows.csv", DataKind.FILE_OR_FOLDER));
    assertEquals("data", data.uri("t", "data", DataKind.FILE_OR_FOLDER));
    assertEquals("data/tables/rows.csv", data.uri("csv", folder.resolve("data/tables/rows.csv").toString(), DataKind.FILE));
    Files.writeString(folder.resolve("data/two words.csv"), "a\n");
    assertEquals("data/two words.csv", data.uri("csv", "data/two words.csv", DataKind.FILE));
    assertEquals("data/tables/rows.csv", data.uri("csv", folder.resolve("data/tables/rows.csv").toUri().toString(),
        DataKind.FILE));
  }

  @Test
  void aPathTheTrainingRunCannotSeeIsRefusedWithWhereToPutIt() throws Exception {
    // Outside the folder, the folder itself, a file beside the inputs, or under a link: none reaches the build.
    Files.writeString(dir.resolve("elsewhere.csv"), "secret");
    String fix = ", which the image build's training run cannot see: put it in a folder of the training inputs folder "
        + folder + " (such as " + folder.resolve("data") + ") and give its path relative to that folder, such as"
        + " data/rows.csv";
    Files.createSymbolicLink(folder.resolve("linked"), folder.resolve("data"));
    for (String path : List.of(dir.resolve("elsewhere.csv").toString(), "../elsewhere.csv", ".", "data/../..",
        "words.json", "rows.csv", "words.json/x", "linked/tables/rows.csv", dir.resolve("elsewhere.csv").toUri().toString(),
        "file:relative")) {
      CliException e = assertThrows(CliException.class, () -> data.uri("csv", path, DataKind.FILE), path);
      assertEquals("input 'csv' is the local path \"" + path + "\"" + fix, e.getMessage());
    }
  }

  @Test
  void aLinkInADataFolderIsRefusedWhereverItLeads() throws Exception {
    Path outside = Files.writeString(dir.resolve("elsewhere.csv"), "secret");
    Path out = Files.createSymbolicLink(folder.resolve("data/link.csv"), outside);
    assertEquals("--training-inputs: " + out + " is a link, and only the training inputs folder's own files reach the"
        + " image build: copy what it names into the folder instead",
        assertThrows(CliException.class, () -> data.dataFolders()).getMessage());
    Files.delete(out);
    Path in = Files.createSymbolicLink(folder.resolve("data/tables/same"), folder.resolve("data/tables"));
    assertEquals("--training-inputs: " + in + " is a link, and only the training inputs folder's own files reach the"
        + " image build: copy what it names into the folder instead",
        assertThrows(CliException.class, () -> data.dataFolders()).getMessage());
  }

  @Test
  void aPathOfTheWrongKindOrOfNothingIsRefusedNamingIt() {
    CliException e = assertThrows(CliException.class, () -> data.uri("csv", "data/tables", DataKind.FILE));
    assertEquals("input 'csv' names data/tables, but " + folder.resolve("data/tables") + " is not a file: put it"
        + " there, or correct the path", e.getMessage());
    e = assertThrows(CliException.class, () -> data.uri("dir", "data/tables/rows.csv", DataKind.FOLDER));
    assertEquals("input 'dir' names data/tables/rows.csv, but " + folder.resolve("data/tables/rows.csv")
        + " is not a folder: put it there, or correct the path", e.getMessage());
    e = assertThrows(CliException.class, () -> data.uri("t", "data/missing", DataKind.FILE_OR_FOLDER));
    assertEquals("input 't' names data/missing, but " + folder.resolve("data/missing") + " is not there: put it"
        + " there, or correct the path", e.getMessage());
  }

  @Test
  void theDataFoldersAreTheFoldersBesideTheInputsAndNotTheFiles() throws Exception {
    Files.createDirectories(folder.resolve("more"));
    Files.createSymbolicLink(folder.resolve("linked"), folder.resolve("data"));
    assertEquals(List.of(folder.resolve("data"), folder.resolve("more")), data.dataFolders());
  }
}
