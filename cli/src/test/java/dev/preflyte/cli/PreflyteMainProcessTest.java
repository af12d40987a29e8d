package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.FlyteFixtures;
import dev.preflyte.idl.TarArchive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main class as bin/preflyte runs it, in a JVM of its own. */
class PreflyteMainProcessTest {

  @TempDir Path dir;

  private static String runJava(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class",
        "-cp", System.getProperty("java.class.path"), PreflyteMain.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new String(output, StandardCharsets.UTF_8);
  }

  @Test
  void executeReachesPreflyteExecuteWithoutLoadingPicocli() throws Exception {
    String output = runJava("execute", "--help");
    assertTrue(output.contains("usage: preflyte-execute"), output);
    assertFalse(output.contains("picocli"), "picocli classes were loaded for preflyte execute");
  }

  @Test
  void otherCommandsRunOnPicocli() throws Exception {
    String output = runJava("--version");
    assertTrue(output.contains("picocli.CommandLine"), output);
    assertTrue(output.contains("preflyte " + dev.preflyte.runtime.PreflyteVersion.get()), output);
  }

  @Test
  void entryNamesFollowPyflytePackage() throws IOException {
    Pattern taskEntry = Pattern.compile("[0-9]+_.+_1\\.pb");
    Path fixture = FlyteFixtures.file("packages/flyte-package.tgz");
    List<String> flytekit;
    try (InputStream in = Files.newInputStream(fixture)) {
      flytekit = List.copyOf(TarArchive.readTarGz(in).keySet());
    }
    assertEquals(1, flytekit.stream().filter(name -> taskEntry.matcher(name).matches()).count(), flytekit.toString());
    Path ours = dir.resolve("tasks.tgz");
    assertEquals(0, PreflyteCommandTest.run("package", "-o", ours.toString()).exit());
    try (InputStream in = Files.newInputStream(ours)) {
      for (String name : TarArchive.readTarGz(in).keySet()) {
        assertTrue(taskEntry.matcher(name).matches(), name);
      }
    }
  }
}
