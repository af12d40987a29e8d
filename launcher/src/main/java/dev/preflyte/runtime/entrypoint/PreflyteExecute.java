package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.executor.EnvironmentSecrets;
import dev.preflyte.runtime.storage.Storages;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code preflyte-execute}: the container entrypoint of every Preflyte task, Flyte's
 * {@code pyflyte-execute} for Java. See {@link ExecuteArguments} for the command line and
 * {@link ExecuteCommand} for what it does.
 */
public final class PreflyteExecute {

  private PreflyteExecute() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs with this process's environment, storage and class path; returns the exit code. */
  static int run(String[] args) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = PreflyteExecute.class.getClassLoader();
    }
    SecretScrubber scrubber = new SecretScrubber();
    PrintStream out = System.out;
    PrintStream err = System.err;
    // Whatever the task or its libraries print passes through the scrubber on its way to the log.
    PrintStream scrubbedOut = new PrintStream(new ScrubbingOutputStream(out, scrubber), true, StandardCharsets.UTF_8);
    PrintStream scrubbedErr = new PrintStream(new ScrubbingOutputStream(err, scrubber), true, StandardCharsets.UTF_8);
    System.setOut(scrubbedOut);
    System.setErr(scrubbedErr);
    try (Storages storage = StandardStorage.create()) {
      return new ExecuteCommand(System.getenv(), storage, loader, scrubbedErr, Clock.systemUTC(),
          EnvironmentSecrets.DEFAULT_DIRECTORY, scrubber).run(args);
    } finally {
      scrubbedOut.close(); // passes on held-back partial lines; System.out itself stays open
      scrubbedErr.close();
      System.setOut(out);
      System.setErr(err);
    }
  }
}
