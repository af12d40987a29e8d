package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.executor.EnvironmentSecrets;
import dev.preflyte.runtime.storage.Storages;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;

/**
 * {@code preflyte-execute}: the container entrypoint of every Preflyte task, Flyte's
 * {@code pyflyte-execute} for Java. See {@link ExecuteArguments} for the command line,
 * {@link ExecuteCommand} for what it does, {@link ShutdownGuard} for how it ends when task code
 * ends the JVM or a signal arrives, and {@link LoggingHeadStart} for the one other thread it starts.
 */
public final class PreflyteExecute {

  private PreflyteExecute() {}

  public static void main(String[] args) {
    LoggingHeadStart.begin(System.getProperties());
    int status = run(args);
    VerdictMarker.reached(System.getenv());
    System.exit(status);
  }

  /** Runs with this process's environment, storage and class path; returns the exit code. */
  static int run(String[] args) {
    Map<String, String> environment = System.getenv();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = PreflyteExecute.class.getClassLoader();
    }
    SecretScrubber scrubber = new SecretScrubber();
    PrintStream out = System.out;
    PrintStream err = System.err;
    // Whatever the task or its libraries print passes through the scrubber on its way to the log.
    ScrubbingOutputStream scrubbingOut = new ScrubbingOutputStream(out, scrubber);
    ScrubbingOutputStream scrubbingErr = new ScrubbingOutputStream(err, scrubber);
    PrintStream scrubbedOut = new PrintStream(scrubbingOut, true, StandardCharsets.UTF_8);
    PrintStream scrubbedErr = new PrintStream(scrubbingErr, true, StandardCharsets.UTF_8);
    System.setOut(scrubbedOut);
    System.setErr(scrubbedErr);
    try (Storages storage = StandardStorage.create()) {
      ExecuteCommand command = new ExecuteCommand(environment, storage, loader, scrubbedErr, InstantSource.system(),
          EnvironmentSecrets.DEFAULT_DIRECTORY, scrubber);
      ShutdownGuard guard = ShutdownGuard.install(command, environment, scrubbedErr, new Release(scrubbingOut, scrubbingErr));
      int status = command.run(args);
      guard.exitingWith(status);
      return status;
    } finally {
      scrubbedOut.close(); // passes on held-back bytes; System.out itself stays open
      scrubbedErr.close();
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** Passes on what the scrubbing streams hold back, when the JVM ends before main returns. */
  private static final class Release implements Runnable {
    private final ScrubbingOutputStream out;
    private final ScrubbingOutputStream err;

    Release(ScrubbingOutputStream out, ScrubbingOutputStream err) {
      this.out = out;
      this.err = err;
    }

    @Override
    public void run() {
      try {
        out.release();
        err.release();
      } catch (java.io.IOException e) {
        // The log is gone; nothing left to tell.
      }
    }
  }
}
