package dev.preflyte.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.storage.LocalStorage;
import dev.preflyte.runtime.storage.Storages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link StandardStorageProgram} in a fresh JVM with the class-load log on, for a backend's
 * laziness tests: what a run loads is only seen in a JVM that has loaded nothing before it.
 */
public final class StandardStorageJvm {

  private final List<String> backendVariables;

  /**
   * @param backendVariables the prefixes of the backend's environment variables: the machine running
   *     the tests may have set them, and every run starts without them
   */
  public StandardStorageJvm(List<String> backendVariables) {
    this.backendVariables = List.copyOf(backendVariables);
  }

  /**
   * Runs the program on local files in {@code directory} alone and asserts that it loaded no class
   * in {@code packages} (the backend, its SDK and what the SDK brings).
   */
  public void assertLocalFilesLoadNoClassOf(Path directory, List<String> packages)
      throws IOException, InterruptedException {
    List<String> loaded = loadedClasses(Map.of(), directory.toString());

    assertTrue(loaded.contains(Storages.class.getName()), "the class-load log is read: " + loaded.size());
    assertTrue(loaded.contains(LocalStorage.class.getName()));
    List<String> backend = loaded.stream().filter(name -> packages.stream().anyMatch(name::startsWith)).toList();
    assertEquals(List.of(), backend, "classes loaded for local files only");
  }

  /**
   * Runs the program with {@code args} on this JVM's class path, with {@code environment} added to
   * this process's environment less the backend's variables; asserts that it ended well and returns
   * the names of the classes it loaded, in load order.
   */
  public List<String> loadedClasses(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:stdout",
        "-cp", System.getProperty("java.class.path"),
        StandardStorageProgram.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> backendVariables.stream().anyMatch(name::startsWith));
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
