package dev.preflyte.cli;

/**
 * What {@code bin/preflyte} runs. {@code preflyte execute ...} goes straight to the launcher's own
 * small parser ({@code preflyte-execute}), so no picocli class is loaded for it; every other command
 * goes to {@link Preflyte}.
 */
public final class PreflyteMain {

  private PreflyteMain() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("execute")) {
      dev.preflyte.runtime.entrypoint.PreflyteCli.main(args);
      return;
    }
    Preflyte.main(args);
  }
}
