package dev.preflyte.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** How {@link FlyteFixtures} decides between running, skipping and failing, on folders it is given. */
class FlyteFixturesTest {

  @TempDir Path dir;

  private Path fixtures() throws IOException {
    Path root = dir.resolve("shared/fixtures/flyte");
    Files.createDirectories(root.resolve("taskspecs"));
    return root;
  }

  @Test
  void absentDefaultLocationSkipsWithTheReason() {
    Path missing = dir.resolve("shared/fixtures/flyte");
    TestAbortedException skipped =
        assertThrows(TestAbortedException.class, () -> FlyteFixtures.locate(null, List.of(missing)));
    assertEquals("Flyte's fixtures not found at " + missing
        + ": put shared/ beside the repository or give -Dpreflyte.fixtures=DIR", skipped.getMessage());
  }

  @Test
  void absentFlytekitFixturesSkipWithTheReason() throws IOException {
    Path missing = dir.resolve("shared/fixtures/flytekit");
    TestAbortedException skipped = assertThrows(TestAbortedException.class,
        () -> FlyteFixtures.locate(null, List.of(missing), FlyteFixtures.Kind.FLYTEKIT));
    assertEquals("flytekit's fixtures not found at " + missing
        + ": put shared/ beside the repository or give -Dpreflyte.fixtures.flytekit=DIR", skipped.getMessage());
    Files.createDirectories(missing.resolve("types"));
    assertEquals(missing, FlyteFixtures.locate(null, List.of(missing), FlyteFixtures.Kind.FLYTEKIT));
    IllegalStateException failed = assertThrows(IllegalStateException.class,
        () -> FlyteFixtures.locate(fixtures().toString(), List.of(), FlyteFixtures.Kind.FLYTEKIT));
    assertEquals("-Dpreflyte.fixtures.flytekit=" + fixtures() + ": " + fixtures()
        + " holds no types/ folder: point it at shared/fixtures/flytekit", failed.getMessage());
  }

  @Test
  void blankPropertyCountsAsNotGiven() {
    Path missing = dir.resolve("elsewhere");
    Path other = dir.resolve("other");
    TestAbortedException skipped =
        assertThrows(TestAbortedException.class, () -> FlyteFixtures.locate(" ", List.of(missing, other)));
    assertEquals("Flyte's fixtures not found at " + missing + " (nor at " + other
        + "): put shared/ beside the repository or give -Dpreflyte.fixtures=DIR", skipped.getMessage());
  }

  @Test
  void explicitMissingFolderFailsNamingThePath() {
    Path missing = dir.resolve("no-such-folder");
    IllegalStateException failed = assertThrows(IllegalStateException.class,
        () -> FlyteFixtures.locate(missing.toString(), List.of()));
    assertEquals("-Dpreflyte.fixtures=" + missing + ": " + missing
        + " does not exist: point it at shared/fixtures/flyte, or leave it out to skip the tests that need it",
        failed.getMessage());
  }

  @Test
  void explicitFolderWithoutTaskSpecsFails() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    IllegalStateException failed = assertThrows(IllegalStateException.class,
        () -> FlyteFixtures.locate(empty.toString(), List.of()));
    assertEquals("-Dpreflyte.fixtures=" + empty + ": " + empty
        + " holds no taskspecs/ folder: point it at shared/fixtures/flyte", failed.getMessage());
  }

  @Test
  void explicitFolderWinsOverTheDefaults() throws IOException {
    Path chosen = fixtures();
    Path other = Files.createDirectories(dir.resolve("other/taskspecs")).getParent();
    assertEquals(chosen, FlyteFixtures.locate(chosen.toString(), List.of(other)));
  }

  @Test
  void firstDefaultHoldingTheDataIsUsed() throws IOException {
    Path found = fixtures();
    assertEquals(found, FlyteFixtures.locate(null, List.of(dir.resolve("missing"), found)));
  }

  @Test
  void defaultsAreTheBuildsThenSharedBesideEachFolderUpwards() {
    Path work = dir.resolve("repo/api");
    List<Path> candidates = FlyteFixtures.defaultCandidates(dir.resolve("build-default").toString(), work);
    assertEquals(dir.resolve("build-default"), candidates.get(0));
    assertEquals(work.resolve("shared/fixtures/flyte"), candidates.get(1));
    assertEquals(dir.resolve("repo/shared/fixtures/flyte"), candidates.get(2));
    assertEquals(dir.resolve("shared/fixtures/flyte"), candidates.get(3));
    assertEquals(work.getRoot().resolve("shared/fixtures/flyte"), candidates.get(candidates.size() - 1));
    assertEquals(work.resolve("shared/fixtures/flyte"), FlyteFixtures.defaultCandidates("", work).get(0));
  }
}
