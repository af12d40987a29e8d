package dev.preflyte.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server never outlives the JVM that started it, whether that JVM exits or is killed. */
class S3TestServerLifetimeTest {

  @Test
  void stopsWhenItsJvmExits() throws Exception {
    Process holder = startHolder("exit");
    long server = serverPid(holder);
    assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, holder.exitValue());
    assertGone(server);
  }

  @Test
  void stopsWhenItsJvmIsKilled() throws Exception {
    Process holder = startHolder("wait");
    long server = serverPid(holder);
    assertTrue(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false), "the server runs");
    holder.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
    assertGone(server);
  }

  private static Process startHolder(String mode) throws IOException {
    Process holder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-D" + S3TestServer.JAR_PROPERTY + "=" + System.getProperty(S3TestServer.JAR_PROPERTY, ""),
        "-cp", System.getProperty("java.class.path"),
        S3TestServerHolder.class.getName(), mode))
        .redirectErrorStream(true)
        .start();
    holder.getOutputStream().close();
    return holder;
  }

  private static long serverPid(Process holder) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = lines.readLine()) != null; ) {
      if (line.startsWith("server ")) {
        return Long.parseLong(line.substring("server ".length()));
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the holder printed no server pid:\n" + seen);
  }

  /** Waits (boundedly) for the process to end: a guard, not a measurement. */
  private static void assertGone(long pid) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isEmpty() || !process.get().isAlive()) {
        return;
      }
      Thread.sleep(100);
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "server " + pid + " still runs");
  }
}
