package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.TarArchive;
import dev.preflyte.samples.typed.SampleTasks;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/preflyte against the packaged distribution, whose cli/ folder this module's build fills. */
class BinPreflyteIT {

  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  static Result preflyte(Path workDir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(REPOSITORY.resolve("bin/preflyte").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().put("PREFLYTE_CLASSPATH",
        Path.of(SampleTasks.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Path out = workDir.resolve("stdout");
    Path err = workDir.resolve("stderr");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void tasksAndPackageRunFromTheDistribution() throws Exception {
    Result tasks = preflyte(dir, "tasks");
    assertEquals(0, tasks.exit(), tasks.err());
    assertTrue(tasks.out().startsWith("task\tdev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS\tword-stats\t"),
        tasks.out());

    Result archive = preflyte(dir, "package", "--output", "tasks.tgz");
    assertEquals(0, archive.exit(), archive.err());
    try (InputStream in = Files.newInputStream(dir.resolve("tasks.tgz"))) {
      assertEquals(List.of("0_dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS_1.pb",
          "1_samples.case_sensitive_words_1.pb", "2_samples.csv_stats_1.pb", "3_samples.tsv_stats_1.pb"),
          List.copyOf(TarArchive.readTarGz(in).keySet()));
    }

    Result unknown = preflyte(dir, "describe", "nope");
    assertEquals(1, unknown.exit());
    assertEquals(1, unknown.err().lines().count(), unknown.err());

    Result usage = preflyte(dir, "package", "--frobnicate");
    assertEquals(2, usage.exit(), usage.err());
  }
}
