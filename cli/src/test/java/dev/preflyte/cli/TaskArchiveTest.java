package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.DeclaredTasks;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive both {@code preflyte package} and the Maven plugin write. */
class TaskArchiveTest {

  private static final List<DeclaredTask> TASKS = DeclaredTasks.load(TaskArchiveTest.class.getClassLoader());
  private static final RegistrationSettings PLACEHOLDERS =
      new RegistrationSettings(TaskArchive.PROJECT, TaskArchive.DOMAIN, TaskArchive.VERSION);

  @Test
  void writesOneTaskSpecPerTaskWithImagesReplaced(@TempDir Path folder) throws Exception {
    Path output = folder.resolve("tasks.tgz");
    List<String> warnings = new ArrayList<>();
    TaskArchive.write(TASKS, PLACEHOLDERS, Map.of("ghcr.io/preflyte/samples", "registry:5000/samples@sha256:ab"),
        output, warnings::add);

    Map<String, byte[]> entries;
    try (InputStream in = Files.newInputStream(output)) {
      entries = TarGz.read(in);
    }
    assertEquals(List.of("0_dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS_1.pb",
        "1_samples.case_sensitive_words_1.pb", "2_samples.csv_stats_1.pb", "3_samples.tsv_stats_1.pb"),
        List.copyOf(entries.keySet()));
    for (byte[] bytes : entries.values()) {
      TaskSpec spec = TaskSpec.parseFrom(bytes);
      assertEquals("registry:5000/samples@sha256:ab", spec.getTemplate().getContainer().getImage());
      assertEquals(TaskArchive.VERSION, spec.getTemplate().getId().getVersion());
    }
    assertTrue(warnings.isEmpty());
    try (var leftovers = Files.list(folder)) {
      assertEquals(List.of(output), leftovers.toList(), "no temporary file left beside the archive");
    }
  }

  @Test
  void sameTasksGiveSameBytes(@TempDir Path folder) throws Exception {
    Path first = folder.resolve("a.tgz");
    Path second = folder.resolve("b.tgz");
    TaskArchive.write(TASKS, PLACEHOLDERS, Map.of(), first, line -> {});
    TaskArchive.write(TASKS, PLACEHOLDERS, Map.of(), second, line -> {});
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
  }

  @Test
  void refusesAFolderAsOutput(@TempDir Path folder) {
    CliException e = assertThrows(CliException.class,
        () -> TaskArchive.write(TASKS, PLACEHOLDERS, Map.of(), folder, line -> {}));
    assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
  }
}
