package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.executor.TaskExecutor;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One registration resource per task: partial recompiles and deleted tasks leave neither stale nor
 * missing entries, as a build tool's incremental compile would see them.
 */
class RegistrationTest {

  @TempDir Path dir;

  private Path task(String name) {
    return DiskCompiler.write(dir.resolve("src"), "com/acme/" + name + ".java",
        "package com.acme;",
        "",
        "@dev.preflyte.annotations.PrebuiltTask(image = \"ghcr.io/acme/" + name.toLowerCase() + ":1\","
            + " taskType = \"" + name.toLowerCase() + "\")",
        "public record " + name + "(long offset) {",
        "  public long execute(long a) { return a + offset; }",
        "}");
  }

  private Path registration(Path out, String executorName) {
    return out.resolve(ExecutorRegistry.RESOURCE_DIRECTORY + executorName);
  }

  private List<String> registrations(Path out) throws IOException {
    Path directory = out.resolve(ExecutorRegistry.RESOURCE_DIRECTORY);
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void partialRecompileKeepsOtherEntriesAndDeletedTasksLeaveNone() throws Exception {
    Path a = task("Alpha");
    Path b = task("Beta");
    Path out = dir.resolve("classes");

    DiskCompiler.Result full = DiskCompiler.compile(out, List.of(a, b));
    assertTrue(full.success(), full::describe);
    assertEquals(List.of("com.acme.Alpha", "com.acme.Beta"), registrations(out));
    assertEquals("com.acme.AlphaExecutor\n", Files.readString(registration(out, "com.acme.Alpha")));
    assertEquals("com.acme.BetaExecutor\n", Files.readString(registration(out, "com.acme.Beta")));

    // Only Alpha changed: the build recompiles Alpha alone, Beta's outputs stay as they were.
    DiskCompiler.Result partial = DiskCompiler.compile(out, List.of(a));
    assertTrue(partial.success(), partial::describe);
    assertEquals(List.of("com.acme.Alpha", "com.acme.Beta"), registrations(out));
    assertEquals("com.acme.AlphaExecutor\n", Files.readString(registration(out, "com.acme.Alpha")));
    assertEquals("com.acme.BetaExecutor\n", Files.readString(registration(out, "com.acme.Beta")));

    // Beta is deleted: the build removes the outputs whose originating element was Beta, then
    // recompiles what remains.
    Files.delete(b);
    for (String output : List.of("com/acme/Beta.class", "com/acme/BetaTask.class",
        "com/acme/BetaExecutor.class", ExecutorRegistry.RESOURCE_DIRECTORY + "com.acme.Beta")) {
      Files.delete(out.resolve(output));
    }
    DiskCompiler.Result afterDelete = DiskCompiler.compile(out, List.of(a));
    assertTrue(afterDelete.success(), afterDelete::describe);
    assertEquals(List.of("com.acme.Alpha"), registrations(out));
    assertFalse(Files.exists(registration(out, "com.acme.Beta")));

    // What remains works: the registration names a loadable executor.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      String executor = Files.readString(registration(out, "com.acme.Alpha")).strip();
      Object instance = Class.forName(executor, true, loader).getConstructor().newInstance();
      assertTrue(instance instanceof TaskExecutor);
    }
  }

  @Test
  void registrationIsDeterministic() throws Exception {
    Path a = task("Alpha");
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    assertTrue(DiskCompiler.compile(first, List.of(a)).success());
    assertTrue(DiskCompiler.compile(second, List.of(a)).success());
    for (String file : List.of("com/acme/AlphaTask.java", "com/acme/AlphaExecutor.java")) {
      assertEquals(Files.readString(dir.resolve("first-generated").resolve(file)),
          Files.readString(dir.resolve("second-generated").resolve(file)), file);
    }
    assertEquals(Files.readString(registration(first, "com.acme.Alpha")),
        Files.readString(registration(second, "com.acme.Alpha")));
  }
}
