package dev.preflyte.samples.sql;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.harness.ContainerPluginHarness;
import dev.preflyte.runtime.harness.ContainerPluginHarness.Outcome;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.storage.LocalStorage;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.samples.sql.demo.MusicStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite3 task through {@code bin/preflyte-execute} as a pod with {@code securityContext:
 * {runAsUser: 65534, readOnlyRootFilesystem: true}} runs it (see {@link ReadOnlyRootSandbox}): the
 * only writable folders are the work directory (an emptyDir, the container's working directory and
 * HOME, as the image recipe sets them) and {@code bucket}, which plays the remote storage the node's
 * data lives in. No TMPDIR; /tmp is read-only.
 */
class Sqlite3ReadOnlyRootIT {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final TaskInterface LIMIT = TaskInterface.builder()
      .input("limit", LiteralCodecs.int64())
      .output(Sqlite3Query.OUTPUT, LiteralCodecs.structuredDataset("parquet"))
      .build();

  /** The image's tree, laid out once (copying and training take a few seconds). */
  @TempDir static Path imageRoot;
  private static boolean imageLaidOut;

  @TempDir Path dir;
  private Path work;
  private Path bucket;
  private Path database;

  @BeforeEach
  void sandbox() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // the pod's user passes
    work = Files.createDirectory(dir.resolve("work"));
    bucket = Files.createDirectory(dir.resolve("bucket"));
    String unavailable = ReadOnlyRootSandbox.unavailableBecause(Files.createDirectory(dir.resolve("probe")));
    assumeTrue(unavailable == null, unavailable);
    if (!imageLaidOut) {
      Files.setPosixFilePermissions(imageRoot, PosixFilePermissions.fromString("rwxr-xr-x"));
      ContainerRuns.layOutImage(MODULE, imageRoot);
      imageLaidOut = true;
    }
    Path sqlite = dir.resolve("music.sqlite");
    MusicStore.create(sqlite, 2_000);
    database = Sqlite3QueryTest.zip(bucket.resolve("music-store.sqlite.zip"), Map.of("music.sqlite", sqlite));
  }

  /** The pod: {@code work} and {@code bucket} writable. */
  private ContainerPluginHarness harness() {
    return ContainerRuns.imageHarness(imageRoot)
        .remoteData(new LocalStorage(), bucket.toString())
        .env("HOME", work.toString())
        .wrapper(ReadOnlyRootSandbox.wrapper(work, bucket));
  }

  private TaskTemplate template() {
    return Sqlite3QueryTask.of(new Sqlite3Query(database.toUri().toString(), Compression.ZIP,
            "SELECT genre, count(*) AS tracks FROM tracks GROUP BY genre ORDER BY genre LIMIT :limit"), LIMIT)
        .toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "v1"));
  }

  private static LiteralMap limit(long limit) {
    return LiteralMap.newBuilder().putLiterals("limit", LiteralCodecs.int64().encode(limit, null)).build();
  }

  @Test
  void theTaskWritesOnlyItsOutputsAndLeavesTheWorkDirectoryAsItFoundIt() throws Exception {
    Set<String> sharedMemoryBefore = ownedByThePodsUser(Path.of("/dev/shm"));

    Outcome outcome = harness().run(template(), limit(3), work, 0);

    assertEquals(Outcome.Phase.SUCCEEDED, outcome.phase(), outcome.toString());
    // The launcher found a folder for its verdict marker and the run's scratch: it says nothing.
    assertFalse(outcome.log().contains("preflyte-execute:"), outcome.log());
    String uri = outcome.outputs().getLiteralsOrThrow("results").getScalar().getStructuredDataset().getUri();
    Path parquet = LocalStorage.toPath(uri).resolve("00000");
    assertEquals("[[Blues], [Classical], [Electronica]]", DuckDb.query(parquet, "SELECT genre FROM $file").toString());

    // The native library, the downloaded database, the scratch folders and the marker are gone.
    assertEquals(List.of("container-0.log"), files(work), "left in the work directory");
    Set<String> written = files(bucket).stream()
        .map(file -> file.replaceFirst("^raw/attempt-0/[0-9a-f]{32}/", "raw/attempt-0/<dataset>/"))
        .collect(TreeSet::new, Set::add, Set::addAll);
    assertEquals(new TreeSet<>(List.of("metadata/n0/0/outputs.pb", "metadata/n0/inputs.pb", "metadata/n0/task.pb",
        "music-store.sqlite.zip", "raw/attempt-0/<dataset>/00000")), written, "in the bucket");
    // The one place outside the volumes a pod's user may still write.
    assertEquals(sharedMemoryBefore, ownedByThePodsUser(Path.of("/dev/shm")), "written to /dev/shm");
  }

  @Test
  void theStartUpArchiveMapsFromTheReadOnlyImage() throws Exception {
    boolean aot = Runtime.version().feature() >= 25;
    Path archive = ContainerRuns.imageHome(imageRoot).resolve(aot ? "preflyte.aot" : "preflyte.jsa");
    assumeTrue(Files.isRegularFile(archive), "no start-up archive for this JDK in " + archive);

    // With these, a JVM that cannot map the archive refuses to start.
    Outcome outcome = harness().env("JAVA_OPTS", aot ? "-XX:AOTMode=on" : "-Xshare:on")
        .run(template(), limit(1), work, 0);

    assertEquals(Outcome.Phase.SUCCEEDED, outcome.phase(), outcome.toString());
  }

  @Test
  void withoutAWritableWorkDirectoryTheLauncherAndTheErrorDocumentNameTheFolderAndTheFix() throws Exception {
    Path readOnlyWork = Files.createDirectory(dir.resolve("image-workdir")); // in the image, not a volume
    Outcome outcome = ContainerRuns.imageHarness(imageRoot)
        .remoteData(new LocalStorage(), bucket.toString())
        .wrapper(ReadOnlyRootSandbox.wrapper(bucket))
        .run(template(), limit(3), readOnlyWork, 0);

    assertEquals(Outcome.Phase.TASK_ERROR, outcome.phase(), outcome.toString());
    assertTrue(outcome.log().contains("preflyte-execute: no writable folder for the run's scratch files and verdict"
        + " marker (tried the working directory " + readOnlyWork + ", /tmp): run in a writable working directory"
        + " (with readOnlyRootFilesystem, mount an emptyDir volume there) or set TMPDIR to a writable folder;"
        + " running without the marker\n"), outcome.log());
    assertEquals("SYSTEM:Storage", outcome.error().getCode());
    assertEquals(ContainerError.Kind.RECOVERABLE, outcome.error().getKind());
    String firstLine = outcome.error().getMessage().lines().findFirst().orElseThrow();
    assertTrue(firstLine.contains("cannot create the run's scratch folder in /tmp (java.io.tmpdir): "
        + "FileSystemException: /tmp/preflyte-work-"), firstLine);
    assertTrue(firstLine.endsWith("Read-only file system: run preflyte-execute in a writable working directory (with"
        + " readOnlyRootFilesystem, mount an emptyDir volume there) or set TMPDIR to a writable folder"), firstLine);
    assertEquals(List.of("container-0.log"), files(readOnlyWork), "left in the working directory");
  }

  /** The files under {@code folder}, relative, in order. */
  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString()).sorted().toList();
    }
  }

  private static Set<String> ownedByThePodsUser(Path folder) throws IOException {
    Set<String> owned = new TreeSet<>();
    if (!Files.isDirectory(folder)) {
      return owned;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        try {
          if (Integer.valueOf(ReadOnlyRootSandbox.USER).equals(Files.getAttribute(path, "unix:uid", NOFOLLOW_LINKS))) {
            owned.add(path.toString());
          }
        } catch (NoSuchFileException e) {
          // Another process's file, gone while we walked.
        }
      }
    }
    return owned;
  }
}
