package dev.preflyte.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link StandardStorageProgram} in a fresh JVM with the class-load log on, for the backends'
 * laziness tests: what a run loads is only seen in a JVM that has loaded nothing before it.
 */
public final class StandardStorageJvm {

  private StandardStorageJvm() {}

  /**
   * Runs the program with {@code args} on this JVM's class path, in this process's environment
   * without the variables whose names start with one of {@code clearedPrefixes} (the backend's own,
   * which the machine running the tests may have set) and with {@code environment} added; asserts
   * that it ended well and returns the names of the classes it loaded, in load order.
   */
  public static List<String> loadedClasses(List<String> clearedPrefixes, Map<String, String> environment,
      String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:stdout",
        "-cp", System.getProperty("java.class.path"),
        StandardStorageProgram.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> clearedPrefixes.stream().anyMatch(name::startsWith));
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the program finished");
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.lines().anyMatch("done"::equals), output);
    return ClassLoadLog.classNames(output);
  }
}
