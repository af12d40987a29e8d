package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.executor.EnvironmentSecrets;
import dev.preflyte.runtime.storage.Storages;
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
    try (Storages storage = StandardStorage.create()) {
      return new ExecuteCommand(System.getenv(), storage, loader, System.err, Clock.systemUTC(),
          EnvironmentSecrets.DEFAULT_DIRECTORY).run(args);
    }
  }
}
