package dev.preflyte.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Dockerfile done by hand, for tests on a machine without a container engine: its COPY lines
 * place the context's files under a folder standing for the image's root, its ENV lines set the
 * environment, its exec-form RUN lines run with that environment (a RUN's bind mount of a context
 * folder is there for that RUN only), USER and WORKDIR are recorded.
 * Paths of the image become paths under the root wherever a value names one that the recipe made.
 */
final class MaterializedImage {

  private static final Pattern INSTRUCTION = Pattern.compile("([A-Z]+)\\s+(.*)");
  private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{(\\w+)}|(\\w+))");

  record Instruction(String keyword, String arguments) {}

  record Copy(String source, String destination, String chown) {}

  final Path root;
  final List<Instruction> instructions = new ArrayList<>();
  final List<Copy> copies = new ArrayList<>();
  /** What each RUN printed, in order. */
  final List<Result> runs = new ArrayList<>();
  /** The environment as the image declares it, image paths unchanged. */
  final Map<String, String> imageEnvironment = new LinkedHashMap<>();
  String base;
  String user;
  String workDir;

  private MaterializedImage(Path root) {
    this.root = root;
  }

  /** Parses {@code context/Dockerfile}; RUN lines run only in {@link #build}. */
  static List<Instruction> parse(Path context) throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    for (String line : Files.readAllLines(context.resolve("Dockerfile"))) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        throw new IllegalArgumentException("line continuations are not handled here: " + line);
      }
      Matcher matcher = INSTRUCTION.matcher(trimmed);
      if (!matcher.matches()) {
        throw new IllegalArgumentException("not a Dockerfile instruction: " + line);
      }
      instructions.add(new Instruction(matcher.group(1), matcher.group(2)));
    }
    return instructions;
  }

  /**
   * Builds the image of {@code context} under {@code root}, starting from {@code baseEnvironment}
   * (what the base image's environment holds: PATH, JAVA_HOME).
   */
  static MaterializedImage build(Path context, Path root, Map<String, String> baseEnvironment)
      throws IOException, InterruptedException {
    MaterializedImage image = new MaterializedImage(root);
    image.imageEnvironment.putAll(baseEnvironment);
    for (Instruction instruction : parse(context)) {
      image.instructions.add(instruction);
      switch (instruction.keyword()) {
        case "FROM" -> image.base = instruction.arguments();
        case "ENV" -> image.env(instruction.arguments());
        case "COPY" -> image.copy(context, instruction.arguments());
        case "RUN" -> image.run(context, instruction.arguments());
        case "USER" -> image.user = instruction.arguments();
        case "WORKDIR" -> {
          image.workDir = instruction.arguments();
          Files.createDirectories(image.path(image.workDir));
        }
        default -> throw new IllegalArgumentException("instruction not handled here: " + instruction);
      }
    }
    return image;
  }

  /** {@code imagePath} (absolute, in the image) as a path under the root. */
  Path path(String imagePath) {
    if (!imagePath.startsWith("/")) {
      throw new IllegalArgumentException("not an absolute image path: " + imagePath);
    }
    return root.resolve(imagePath.substring(1));
  }

  /** The environment with every image path the recipe made turned into its path under the root. */
  Map<String, String> hostEnvironment() {
    Map<String, String> host = new LinkedHashMap<>();
    imageEnvironment.forEach((name, value) -> host.put(name, hostValue(value)));
    return host;
  }

  private String hostValue(String value) {
    List<String> parts = new ArrayList<>();
    for (String part : value.split(":", -1)) {
      String path = part.endsWith("/*") ? part.substring(0, part.length() - 2) : part;
      boolean made = part.startsWith("/") && !part.contains(" ") && Files.exists(path(path));
      parts.add(made ? root + part : part);
    }
    return String.join(":", parts);
  }

  private void env(String arguments) {
    int equals = arguments.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException("ENV without =: " + arguments);
    }
    String name = arguments.substring(0, equals);
    String value = arguments.substring(equals + 1);
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    Matcher matcher = VARIABLE.matcher(value);
    StringBuilder expanded = new StringBuilder();
    while (matcher.find()) {
      String variable = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      matcher.appendReplacement(expanded, Matcher.quoteReplacement(imageEnvironment.getOrDefault(variable, "")));
    }
    matcher.appendTail(expanded);
    imageEnvironment.put(name, expanded.toString());
  }

  /** COPY [--chown=U:G] SRC/ DEST/: the source folder's contents into the destination, as Docker does. */
  private void copy(Path context, String arguments) throws IOException {
    List<String> words = new ArrayList<>(List.of(arguments.split("\\s+")));
    String chown = null;
    if (words.get(0).startsWith("--chown=")) {
      chown = words.remove(0).substring("--chown=".length());
    }
    if (words.size() != 2 || words.get(0).startsWith("--")) {
      throw new IllegalArgumentException("COPY form not handled here: " + arguments);
    }
    Path source = context.resolve(words.get(0));
    if (!Files.exists(source)) {
      throw new IllegalStateException("COPY source " + words.get(0) + " is not in the context " + context);
    }
    copies.add(new Copy(words.get(0), words.get(1), chown));
    Path target = path(words.get(1));
    if (!Files.isDirectory(source)) {
      Files.createDirectories(target.getParent());
      Files.copy(source, words.get(1).endsWith("/") ? target.resolve(source.getFileName().toString()) : target,
          StandardCopyOption.COPY_ATTRIBUTES);
      return;
    }
    copyTree(source, target);
  }

  /** The contents of folder {@code source} into {@code target}, modes kept, as COPY does. */
  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      files.forEach(file -> {
        Path copy = target.resolve(source.relativize(file).toString());
        try {
          if (Files.isDirectory(file)) {
            Files.createDirectories(copy);
          } else {
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /**
   * RUN [--mount=type=bind,source=FOLDER,target=PATH] ["program", "arg"...]: the program found on the
   * image's PATH, run in the image's environment, its arguments that name image paths turned into
   * paths under the root; a bind-mounted context folder is copied to its target for the run and
   * removed after it, leaving the image as it was.
   */
  private void run(Path context, String arguments) throws IOException, InterruptedException {
    Path mounted = null;
    Matcher mount = Pattern.compile("--mount=type=bind,source=([^,\\s]+),target=(\\S+)\\s+(.*)").matcher(arguments);
    if (mount.matches()) {
      Path source = context.resolve(mount.group(1));
      if (!Files.isDirectory(source)) {
        throw new IllegalStateException("RUN mounts " + mount.group(1) + ", which is not in the context " + context);
      }
      mounted = path(mount.group(2));
      if (Files.exists(mounted)) {
        throw new IllegalStateException("RUN mounts over " + mount.group(2) + ", which the image already has");
      }
      copyTree(source, mounted);
      arguments = mount.group(3);
    }
    if (!arguments.startsWith("[")) {
      throw new IllegalArgumentException("only exec-form RUN is handled here (no shell): " + arguments);
    }
    List<String> command = new ArrayList<>();
    Matcher word = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(arguments);
    while (word.find()) {
      command.add(command.isEmpty() ? word.group(1) : hostValue(word.group(1)));
    }
    try {
      Result result = execute(command, Map.of());
      runs.add(result);
      if (result.exit() != 0) {
        throw new IllegalStateException("RUN " + arguments + " failed (exit " + result.exit() + "): " + result.error());
      }
    } finally {
      if (mounted != null) {
        deleteTree(mounted);
      }
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  record Result(int exit, String output, String error) {}

  /** Runs {@code command} (its program looked up on the image's PATH) with the image's environment plus {@code extra}. */
  Result execute(List<String> command, Map<String, String> extra) throws IOException, InterruptedException {
    Map<String, String> environment = hostEnvironment();
    environment.putAll(extra);
    List<String> resolved = new ArrayList<>(command);
    resolved.set(0, which(command.get(0), environment.get("PATH")).toString());
    ProcessBuilder builder = new ProcessBuilder(resolved);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Path out = Files.createTempFile(root.getParent(), "run", ".out");
    Path err = Files.createTempFile(root.getParent(), "run", ".err");
    Process process = builder.directory(path(workDir != null ? workDir : "/").toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException(command + " did not finish within 2 minutes");
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** Where {@code program} is on {@code path}, as the container's exec would find it. */
  static Path which(String program, String path) {
    for (String folder : path.split(":")) {
      Path candidate = Path.of(folder).resolve(program);
      if (!folder.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(program + " is not on the image's PATH " + path);
  }
}
