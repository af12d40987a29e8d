package dev.preflyte.cli;

import dev.preflyte.runtime.PreflyteVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code preflyte} command line. Exit codes: 0 success, 1 failure (one line on standard error),
 * 2 usage. {@code preflyte execute ...} is handed to {@code preflyte-execute} by {@link PreflyteMain}
 * before any picocli class loads.
 */
@Command(
    name = "preflyte",
    mixinStandardHelpOptions = true,
    versionProvider = Preflyte.Version.class,
    description = "Lists, describes, packages and registers declared Flyte tasks, writes their image recipes;"
        + " decodes Flyte's protobuf files.",
    subcommands = {
        TasksCommand.class,
        DescribeCommand.class,
        ShowCommand.class,
        PackageCommand.class,
        ImageCommand.class,
        RegisterCommand.class,
        RunCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class Preflyte implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
  }

  /** The command line writing to {@code out} and {@code err}; {@code execute(args)} gives the exit code. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new Preflyte());
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      String message = e instanceof CliException || e instanceof dev.preflyte.runtime.registry.DeclaredTaskException
          ? e.getMessage() : e.toString();
      cmd.getErr().println("preflyte: " + message);
      cmd.getErr().flush();
      return CommandLine.ExitCode.SOFTWARE;
    });
    return line;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
  }

  /** {@code --version}: Preflyte's version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"preflyte " + PreflyteVersion.get()};
    }
  }
}
