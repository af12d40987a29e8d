package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.TarArchive;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.harness.ContainerPluginHarness;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.storage.Storages;
import dev.preflyte.runtime.testing.S3TestServer;
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
 * preflyte-execute} run from them as a separate process, its result read as propeller reads it:
 * once on local paths, once with the node's data on s3:// (the loopback S3 server).
 */
class PackageToContainerIT {

  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  @TempDir Path dir;

  /** The TaskSpec of SampleTasks.ENGLISH_WORDS, as bin/preflyte package wrote it for flytectl. */
  private TaskSpec packagedSpec() throws Exception {
    BinPreflyteIT.Result packaged = BinPreflyteIT.preflyte(dir, "package", "--output", "tasks.tgz",
        "--project", "flytesnacks", "--domain", "development", "--version", "v1");
    assertEquals(0, packaged.exit(), packaged.err());
    Map<String, byte[]> entries;
    try (InputStream in = Files.newInputStream(dir.resolve("tasks.tgz"))) {
      entries = TarArchive.readTarGz(in);
    }
    TaskSpec spec = TaskSpec.parseFrom(entries.get("0_dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS_1.pb"));
    assertEquals("flytesnacks", spec.getTemplate().getId().getProject());
    return spec;
  }

  private static ContainerPluginHarness harness() throws Exception {
    Path samples = Path.of(SampleTasks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return new ContainerPluginHarness(REPOSITORY.resolve("bin"))
        .env("PREFLYTE_CLASSPATH", samples.toString())
        .env("JAVA_HOME", System.getProperty("java.home"));
  }

  private static final LiteralMap INPUTS = LiteralMap.newBuilder()
      .putLiterals("text", LiteralCodecs.string().encode("the cat saw the other cat and a dog", null))
      .build();

  private static void assertWordStats(ContainerPluginHarness.Outcome outcome) {
    assertEquals(ContainerPluginHarness.Outcome.Phase.SUCCEEDED, outcome.phase(), outcome.toString());
    assertTrue(outcome.command().get(0).equals("preflyte-execute"), outcome.command().toString());
    assertEquals(List.of("cat", "dog", "other"), LiteralCodecs.listOf(LiteralCodecs.string())
        .decode(outcome.outputs().getLiteralsOrThrow("mostFrequent"), null));
    assertEquals(5L, LiteralCodecs.int64().decode(outcome.outputs().getLiteralsOrThrow("words"), null));
  }

  @Test
  void aPackagedTaskRunsAsTheContainerPluginRunsIt() throws Exception {
    TaskSpec spec = packagedSpec();
    assertWordStats(harness().run(spec.getTemplate(), INPUTS, dir.resolve("cluster"), 0));
  }

  /** As on a cluster: task.pb, inputs.pb, outputs.pb and raw data under s3:// on the loopback S3 server. */
  @Test
  void aPackagedTaskRunsWithItsDataOnS3() throws Exception {
    TaskSpec spec = packagedSpec();
    S3TestServer s3 = S3TestServer.shared();
    String root = "s3://" + s3.newBucket() + "/flytesnacks/development";
    try (Storages storage = Storages.standard(s3.environment())) {
      ContainerPluginHarness harness = harness().remoteData(storage, root);
      s3.environment().forEach(harness::env);
      ContainerPluginHarness.Outcome outcome = harness.run(spec.getTemplate(), INPUTS, dir.resolve("cluster"), 0);

      assertWordStats(outcome);
      List<String> args = outcome.command();
      assertEquals(root + "/metadata/n0/inputs.pb", args.get(args.indexOf("--inputs") + 1), args.toString());
      assertEquals(root + "/metadata/n0/0", args.get(args.indexOf("--output-prefix") + 1), args.toString());
      assertFalse(storage.exists(root + "/metadata/n0/0/error.pb"));
      assertFalse(outcome.log().contains(s3.secretAccessKey()), "the S3 secret key reached the container's log");
    }
  }
}
