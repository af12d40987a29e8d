package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.TarArchive;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.harness.ContainerPluginHarness;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.samples.typed.SampleTasks;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's whole path on one machine: tasks compiled and declared (the samples), packaged by the
 * distribution's {@code bin/preflyte} as flytectl registers them, one TaskSpec taken from the archive,
 * its container arguments rendered as Flyte's container plugin renders them, and {@code
 * preflyte-execute} run from them as a separate process, its result read as propeller reads it.
 */
class PackageToContainerIT {

  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  @TempDir Path dir;

  @Test
  void aPackagedTaskRunsAsTheContainerPluginRunsIt() throws Exception {
    BinPreflyteIT.Result packaged = BinPreflyteIT.preflyte(dir, "package", "--output", "tasks.tgz",
        "--project", "flytesnacks", "--domain", "development", "--version", "v1");
    assertEquals(0, packaged.exit(), packaged.err());
    Map<String, byte[]> entries;
    try (InputStream in = Files.newInputStream(dir.resolve("tasks.tgz"))) {
      entries = TarArchive.readTarGz(in);
    }
    TaskSpec spec = TaskSpec.parseFrom(entries.get("0_dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS_1.pb"));
    assertEquals("flytesnacks", spec.getTemplate().getId().getProject());

    Path samples = Path.of(SampleTasks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ContainerPluginHarness.Outcome outcome = new ContainerPluginHarness(REPOSITORY.resolve("bin"))
        .env("PREFLYTE_CLASSPATH", samples.toString())
        .env("JAVA_HOME", System.getProperty("java.home"))
        .run(spec.getTemplate(), LiteralMap.newBuilder()
            .putLiterals("text", LiteralCodecs.string().encode("the cat saw the other cat and a dog", null))
            .build(), dir.resolve("cluster"), 0);

    assertEquals(ContainerPluginHarness.Outcome.Phase.SUCCEEDED, outcome.phase(), outcome.toString());
    assertTrue(outcome.command().get(0).equals("preflyte-execute"), outcome.command().toString());
    assertEquals(List.of("cat", "dog", "other"), LiteralCodecs.listOf(LiteralCodecs.string())
        .decode(outcome.outputs().getLiteralsOrThrow("mostFrequent"), null));
    assertEquals(5L, LiteralCodecs.int64().decode(outcome.outputs().getLiteralsOrThrow("words"), null));
  }
}
