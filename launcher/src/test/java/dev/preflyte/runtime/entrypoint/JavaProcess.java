package dev.preflyte.runtime.entrypoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command as a separate process and collects its exit code and output. */
final class JavaProcess {

  record Result(int exitCode, String stdout, String stderr) {
    List<String> stderrLines() {
      return stderr.isEmpty() ? List.of() : List.of(stderr.split("\n"));
    }
  }

  private JavaProcess() {}

  /** {@code java -cp <this test's class path> <mainClass> args}. */
  static Result java(Path workDir, Map<String, String> env, String mainClass, List<String> args)
      throws IOException, InterruptedException {
    return java(workDir, env, List.of(), mainClass, args);
  }

  /** The same, with {@code jvmFlags} before the class path. */
  static Result java(Path workDir, Map<String, String> env, List<String> jvmFlags, String mainClass, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return run(workDir, env, command);
  }

  static Result run(Path workDir, Map<String, String> env, List<String> command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    // A clean environment: nothing from the build's own FLYTE_* or secret settings leaks in.
    builder.environment().keySet().removeIf(name -> name.startsWith("FLYTE_") || name.startsWith("_FSEC_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("process did not finish in 120 s: " + command);
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
