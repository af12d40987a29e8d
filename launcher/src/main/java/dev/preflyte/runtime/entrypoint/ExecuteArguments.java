package dev.preflyte.runtime.entrypoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code preflyte-execute}, the same as {@code pyflyte-execute}'s:
 *
 * <pre>
 * preflyte-execute --inputs URI --output-prefix URI [--raw-output-data-prefix URI]
 *     [--checkpoint-path URI] [--prev-checkpoint URI] [--resolver NAME] [--test]
 *     -- TEMPLATE_URI EXECUTOR_NAME
 * </pre>
 *
 * Flags also take the {@code --flag=value} form. Optional values Flyte left un-rendered (any
 * {@code {{...}}}) or empty ({@code ""}) count as not given.
 *
 * @param inputs the {@code inputs.pb} LiteralMap
 * @param outputPrefix where {@code outputs.pb} or {@code error.pb} go
 * @param rawOutputPrefix where large outputs go, or null
 * @param checkpointPath where this attempt writes checkpoints, or null
 * @param previousCheckpoint the previous attempt's checkpoint, or null
 * @param resolver the task resolver, or null for the default
 * @param dryRun {@code --test}: load and check everything, write nothing
 * @param loaderArgs the resolver's arguments: template URI and executor name
 */
public record ExecuteArguments(
    String inputs,
    String outputPrefix,
    String rawOutputPrefix,
    String checkpointPath,
    String previousCheckpoint,
    String resolver,
    boolean dryRun,
    List<String> loaderArgs) {

  public static final String USAGE =
      "usage: preflyte-execute --inputs URI --output-prefix URI [--raw-output-data-prefix URI]"
          + " [--checkpoint-path URI] [--prev-checkpoint URI] [--resolver "
          + TemplateFileResolver.NAME + "] [--test] -- TEMPLATE_URI EXECUTOR_NAME";

  private static final List<String> VALUE_FLAGS = List.of(
      "--inputs", "--output-prefix", "--raw-output-data-prefix", "--checkpoint-path", "--prev-checkpoint",
      "--resolver");

  /** The raw output prefix, if Flyte gave one. */
  public Optional<String> rawOutputPrefixIfGiven() {
    return Optional.ofNullable(rawOutputPrefix);
  }

  /**
   * Parses {@code args}.
   *
   * @throws UsageException for an unknown flag, a flag without value, a flag given twice, a missing
   *     or un-rendered required flag, or missing loader arguments
   */
  public static ExecuteArguments parse(String[] args) throws UsageException {
    Map<String, String> values = new HashMap<>();
    boolean dryRun = false;
    List<String> loaderArgs = new ArrayList<>();
    int i = 0;
    while (i < args.length) {
      String arg = args[i];
      if (arg.equals("--")) {
        loaderArgs.addAll(List.of(args).subList(i + 1, args.length));
        break;
      }
      if (arg.equals("--test")) {
        dryRun = true;
        i++;
        continue;
      }
      if (!arg.startsWith("--")) {
        loaderArgs.add(arg); // like click, positional arguments before "--" are loader arguments too
        i++;
        continue;
      }
      String flag = arg;
      String value;
      int equals = arg.indexOf('=');
      if (equals > 0) {
        flag = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      } else {
        if (!VALUE_FLAGS.contains(flag)) {
          throw unknown(flag);
        }
        if (i + 1 >= args.length) {
          throw new UsageException(flag + " needs a value: " + USAGE);
        }
        value = args[++i];
      }
      if (!VALUE_FLAGS.contains(flag)) {
        throw unknown(flag);
      }
      if (values.put(flag, value) != null) {
        throw new UsageException(flag + " is given twice: give it once");
      }
      i++;
    }
    String inputs = required(values, "--inputs");
    String outputPrefix = required(values, "--output-prefix");
    if (loaderArgs.size() != 2) {
      throw new UsageException(
          "expected 2 loader arguments after '--' (TEMPLATE_URI EXECUTOR_NAME), got " + loaderArgs.size()
              + " " + loaderArgs + ": " + USAGE);
    }
    return new ExecuteArguments(
        inputs,
        outputPrefix,
        Placeholders.valueOrNull(values.get("--raw-output-data-prefix")),
        Placeholders.valueOrNull(values.get("--checkpoint-path")),
        Placeholders.valueOrNull(values.get("--prev-checkpoint")),
        Placeholders.valueOrNull(values.get("--resolver")),
        dryRun,
        List.copyOf(loaderArgs));
  }

  private static UsageException unknown(String flag) {
    return new UsageException("unknown flag " + flag + ": " + USAGE);
  }

  private static String required(Map<String, String> values, String flag) throws UsageException {
    String value = values.get(flag);
    if (value == null) {
      throw new UsageException("missing required flag " + flag + ": " + USAGE);
    }
    if (Placeholders.isUnset(value)) {
      throw new UsageException(
          flag + " is '" + value + "', not a location: Flyte renders it in the container;"
              + " outside Flyte pass a path or URI");
    }
    return value.strip();
  }
}
