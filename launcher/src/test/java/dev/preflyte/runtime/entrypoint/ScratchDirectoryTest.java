package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchDirectoryTest {

  @TempDir Path tmp;
  private String savedTmpdir;

  @BeforeEach
  void pointTmpdirHere() {
    savedTmpdir = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", tmp.toString());
  }

  @AfterEach
  void restoreTmpdir() {
    System.setProperty("java.io.tmpdir", savedTmpdir);
  }

  @Test
  void nothingIsCreatedUntilTheFolderIsAskedFor() throws IOException {
    ScratchDirectory scratch = new ScratchDirectory("preflyte-work-");
    assertEquals(List.of(), entries());

    Path folder = scratch.get();

    assertTrue(Files.isDirectory(folder), folder.toString());
    assertEquals(tmp, folder.getParent());
    assertTrue(folder.getFileName().toString().startsWith("preflyte-work-"), folder.toString());
    assertEquals(folder, scratch.get(), "the same folder on every call");
  }

  @Test
  void removeDeletesTheFolderWithItsFilesAndLaterCallsFailInsteadOfLeakingANewOne() throws IOException {
    ScratchDirectory scratch = new ScratchDirectory("preflyte-work-");
    Files.createDirectories(scratch.get().resolve("a/b"));
    Files.writeString(scratch.get().resolve("a/b/c.txt"), "scratch");

    scratch.remove();

    assertEquals(List.of(), entries());
    StorageException late = assertThrows(StorageException.class, scratch::get);
    assertEquals("the run's scratch folder preflyte-work-* is already removed: the run has ended", late.getMessage());
    assertEquals(List.of(), entries());
  }

  @Test
  void aFolderNeverAskedForIsNeverCreatedAndRemovingItIsNoError() throws IOException {
    ScratchDirectory scratch = new ScratchDirectory("preflyte-work-");
    scratch.remove();
    new ScratchDirectory("preflyte-raw-").removeIfEmpty();

    assertEquals(List.of(), entries());
  }

  @Test
  void removeIfEmptyKeepsAFolderOutputsWereWrittenTo() throws IOException {
    ScratchDirectory used = new ScratchDirectory("preflyte-raw-");
    Path output = Files.writeString(used.get().resolve("part-0"), "output");
    ScratchDirectory unused = new ScratchDirectory("preflyte-raw-");
    Path empty = unused.get();

    used.removeIfEmpty();
    unused.removeIfEmpty();

    assertTrue(Files.isRegularFile(output), "outputs refer to it");
    assertFalse(Files.exists(empty));
  }

  @Test
  void aTmpdirThatCannotHostItIsAStorageFailureNamingTheFolderAndTheFix() throws IOException {
    Path missing = tmp.resolve("no-such-folder");
    System.setProperty("java.io.tmpdir", missing.toString());

    StorageException e = assertThrows(StorageException.class, new ScratchDirectory("preflyte-work-")::get);

    assertTrue(e.getMessage().startsWith("cannot create the run's scratch folder in " + missing
        + " (java.io.tmpdir): NoSuchFileException: " + missing + "/preflyte-work-"), e.getMessage());
    assertTrue(e.getMessage().endsWith(": run preflyte-execute in a writable working directory (with"
        + " readOnlyRootFilesystem, mount an emptyDir volume there) or set TMPDIR to a writable folder"), e.getMessage());
    assertFalse(Files.exists(missing));
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> list = Files.list(tmp)) {
      return list.toList();
    }
  }
}
