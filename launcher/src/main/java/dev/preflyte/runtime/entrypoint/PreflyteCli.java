package dev.preflyte.runtime.entrypoint;

import java.util.Arrays;

/**
 * {@code preflyte execute ...}, which is {@code preflyte-execute ...}, without picocli: the full
 * {@code preflyte} command line ({@code tasks}, {@code describe}, {@code show}, {@code package}) is
 * {@code dev.preflyte.cli.Preflyte} in {@code preflyte-cli}, which hands {@code execute} to this
 * class. {@code bin/preflyte} falls back to this class when the distribution has no {@code cli/}
 * folder.
 */
public final class PreflyteCli {

  static final String USAGE = "usage: preflyte <command> [arguments]; commands: execute (run a task as"
      + " Flyte's container does; 'preflyte execute --help' shows its flags)";

  private PreflyteCli() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length == 0) {
      System.err.println("preflyte: no command given: " + USAGE);
      return ExecuteCommand.EXIT_USAGE;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "execute":
        if (rest.length == 1 && (rest[0].equals("--help") || rest[0].equals("-h"))) {
          System.out.println(ExecuteArguments.USAGE);
          return ExecuteCommand.EXIT_OK;
        }
        return PreflyteExecute.run(rest);
      case "help":
      case "--help":
      case "-h":
        System.out.println(USAGE);
        return ExecuteCommand.EXIT_OK;
      default:
        System.err.println("preflyte: unknown command '" + args[0] + "': " + USAGE);
        return ExecuteCommand.EXIT_USAGE;
    }
  }
}
