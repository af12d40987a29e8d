package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.idl.core.LiteralMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as Kubernetes sends it on deletion, preemption or timeout, to the real launcher while a
 * task runs: logged with the reason, the process ends within the grace period even when a shutdown
 * hook of the task never returns, and it leaves no work directory, no partial file and no verdict.
 */
class ExecuteSignalIT {

  @TempDir Path dir;

  private record Ended(int exitCode, long millisAfterSignal, String stderr) {}

  private Ended terminateWhileRunning(String mode, String grace) throws Exception {
    Files.write(dir.resolve("task.pb"), ExecuteCase.hostileTemplate(Map.of("mode", ExecuteCase.STRING)).toByteArray());
    Files.write(dir.resolve("inputs.pb"),
        LiteralMap.newBuilder().putLiterals("mode", Literals.string(mode)).build().toByteArray());
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Files.createDirectories(dir.resolve("raw"));
    List<String> command = LauncherRuns.command("out/0", dir.resolve("raw").toString(), ExecuteCase.HOSTILE);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("FLYTE_") || name.startsWith("_FSEC_"));
    builder.environment().putAll(LauncherRuns.environment(dir, tmp, Map.of("PREFLYTE_SHUTDOWN_GRACE_SECONDS", grace)));
    Process process = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(dir.resolve("stdout")).contains("hostile: started")) {
        assertTrue(process.isAlive(), "the task ended before it started: " + Files.readString(dir.resolve("stderr")));
        assertTrue(System.nanoTime() < deadline, "the task did not start within 60 s");
        Thread.sleep(20);
      }
      long signalled = System.nanoTime();
      process.destroy(); // SIGTERM to the launcher, the container's first process
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running 30 s after SIGTERM");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
      return new Ended(process.exitValue(), millis, Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }

  private void assertNothingLeft() throws Exception {
    assertFalse(Files.exists(dir.resolve("out/0/outputs.pb")), "no outputs.pb after SIGTERM");
    assertFalse(Files.exists(dir.resolve("out/0/error.pb")), "nothing written after SIGTERM");
    try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
      assertEquals(List.of(), left.toList(), "the work directory and the verdict marker are removed");
    }
    try (Stream<Path> left = Files.list(dir.resolve("raw"))) {
      assertEquals(List.of(), left.toList(), "the partial upload is removed");
    }
  }

  @Test
  void sigtermIsLoggedWithItsReasonAndLeavesNothingBehind() throws Exception {
    Ended ended = terminateWhileRunning("sleep", "10");

    assertEquals(143, ended.exitCode(), ended.stderr());
    assertTrue(ended.stderr().contains("preflyte-execute: received SIGTERM (Kubernetes sends SIGTERM when the pod"
        + " is deleted, preempted or reaches its timeout)"), ended.stderr());
    assertTrue(ended.millisAfterSignal() < 5000, "ended " + ended.millisAfterSignal() + " ms after SIGTERM");
    assertNothingLeft();
  }

  @Test
  void aShutdownHookOfTheTaskThatNeverReturnsIsCutShortAfterTheGracePeriod() throws Exception {
    Ended ended = terminateWhileRunning("sleep-blocking-hook", "1");

    assertEquals(143, ended.exitCode(), ended.stderr());
    assertTrue(ended.stderr().contains("shutdown did not finish within 1000 ms"), ended.stderr());
    assertTrue(ended.millisAfterSignal() >= 900 && ended.millisAfterSignal() < 6000,
        "ended " + ended.millisAfterSignal() + " ms after SIGTERM, grace 1 s");
    assertNothingLeft();
  }
}
