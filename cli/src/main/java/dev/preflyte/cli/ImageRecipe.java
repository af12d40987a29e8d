package dev.preflyte.cli;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.entrypoint.TrainingInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Dockerfile and build context of one task image. Layers go least-changing first (the
 * distribution, the storage backends, the task types' dependencies, the task classes), so a code
 * change rebuilds only the last small ones and the training run after them; no ENTRYPOINT, as
 * Flyte runs the template's args with an empty command; a non-root user with a writable home.
 */
final class ImageRecipe {

  /** Where things are inside the image. */
  static final String IMAGE_HOME = "/opt/preflyte";
  static final String IMAGE_TASKS = "/opt/preflyte-tasks/tasks";
  static final String IMAGE_DEPENDENCIES = "/opt/preflyte-tasks/dependencies";
  static final String WORK_DIR = "/home/preflyte";
  /** A fixed non-root id: it needs no user database in the base, and Kubernetes' runAsNonRoot accepts it. */
  static final String USER = "65532:65532";
  /** Heap from the container's memory limit; the serial collector suits one short-lived task. */
  static final String JAVA_OPTS = "-XX:MaxRAMPercentage=75.0 -XX:+UseSerialGC";

  /** The context's folders, in layer order. */
  static final String DISTRIBUTION = "distribution";
  static final String BACKENDS = "backends";
  static final String DEPENDENCIES = "dependencies";
  static final String TASKS = "tasks";
  static final String HOME = "home";
  static final String TRAINING_INPUTS = "training-inputs";
  /** Where the training run sees its inputs: a bind mount for that one RUN, so no layer holds them. */
  static final String IMAGE_TRAINING_INPUTS = "/tmp/preflyte-training-inputs";

  private final OciReference image;
  private final List<String> taskNames;
  private final OciReference base;
  private final DistributionTree distribution;
  private final Map<String, Path> backends;
  private final TaskClassPath classPath;
  private final JitMode jit;
  private final TrainingSet training;

  /** @param training what this image's training run is given */
  ImageRecipe(OciReference image, List<String> taskNames, OciReference base, DistributionTree distribution,
      Map<String, Path> backends, TaskClassPath classPath, JitMode jit, TrainingSet training) {
    this.image = image;
    this.taskNames = List.copyOf(taskNames);
    this.base = base;
    this.distribution = distribution;
    this.backends = Map.copyOf(backends);
    this.classPath = classPath;
    this.jit = jit;
    this.training = training;
  }

  OciReference image() {
    return image;
  }

  /** The tasks the training run runs on their inputs, sorted. */
  List<String> trainedOnInputs() {
    return List.copyOf(training.inputs().keySet());
  }

  List<String> taskNames() {
    return taskNames;
  }

  String dockerfile() {
    List<String> lines = new ArrayList<>();
    lines.add("# syntax=docker/dockerfile:1");
    lines.add("# Written by preflyte image: the image " + image + " of the Preflyte tasks");
    taskNames.forEach(name -> lines.add("#   " + name));
    lines.add("# Build and push it from this folder (see README, \"Building the task image\"):");
    lines.add("#   docker build -t " + image + " . && docker push " + image);
    lines.add("# The base must have a POSIX shell as /bin/sh (dash, busybox, bash), and java on PATH or in JAVA_HOME.");
    lines.add("FROM " + base);
    lines.add("ENV PREFLYTE_HOME=" + IMAGE_HOME);
    lines.add("ENV PREFLYTE_CLASSPATH=" + IMAGE_TASKS + "/*:" + IMAGE_DEPENDENCIES + "/*");
    lines.add("ENV PATH=" + IMAGE_HOME + "/bin:$PATH");
    lines.add("ENV JAVA_OPTS=\"" + JAVA_OPTS + "\"");
    if (jit != JitMode.QUICK) {
      lines.add("# The tasks' runs spend seconds in hot code: the JVM's optimizing compiler as well (PREFLYTE_JIT).");
      lines.add("ENV PREFLYTE_JIT=" + jit.value());
    }
    lines.add("ENV HOME=" + WORK_DIR);
    lines.add("COPY --chown=" + USER + " " + HOME + "/ /home/");
    lines.add("COPY " + DISTRIBUTION + "/ " + IMAGE_HOME + "/");
    if (!backends.isEmpty()) {
      lines.add("COPY " + BACKENDS + "/ " + IMAGE_HOME + "/" + DistributionTree.BACKENDS + "/");
    }
    lines.add("COPY " + DEPENDENCIES + "/ " + IMAGE_DEPENDENCIES + "/");
    lines.add("COPY " + TASKS + "/ " + IMAGE_TASKS + "/");
    if (training.isEmpty()) {
      lines.add("# The start-up archive for this base's JVM, trained on these tasks' types.");
      lines.add("RUN [\"" + DistributionTree.TRAIN + "\"]");
    } else {
      lines.add("# The start-up archive for this base's JVM, trained on these tasks' types. These run for real");
      lines.add("# on their training inputs, mounted for this step only (BuildKit, podman, buildah), so that no");
      lines.add("# layer holds them: " + String.join(", ", training.inputs().keySet()));
      lines.add("RUN --mount=type=bind,source=" + TRAINING_INPUTS + ",target=" + IMAGE_TRAINING_INPUTS + " [\""
          + DistributionTree.TRAIN + "\", \"--inputs\", \"" + IMAGE_TRAINING_INPUTS + "\"]");
    }
    lines.add("USER " + USER);
    lines.add("# preflyte-execute keeps a run's scratch files in TMPDIR, else the working directory, else /tmp:");
    lines.add("# under readOnlyRootFilesystem, mount a writable volume (an emptyDir) at " + WORK_DIR + ".");
    lines.add("WORKDIR " + WORK_DIR);
    return String.join("\n", lines) + "\n";
  }

  String dockerignore() {
    Stream<String> folders = Stream.of(HOME, DISTRIBUTION, BACKENDS, DEPENDENCIES, TASKS);
    if (!training.isEmpty()) {
      folders = Stream.concat(folders, Stream.of(TRAINING_INPUTS));
    }
    return "# Only the recipe's own folders reach the builder: nothing else put here (credentials,\n"
        + "# a ~/.flyte config) can end up in a layer.\n"
        + "*\n"
        + folders.map(folder -> "!" + folder + "\n").reduce("", String::concat);
  }

  /** Writes the Dockerfile, .dockerignore and every folder the COPY lines name into {@code folder}. */
  void writeContext(Path folder) throws IOException {
    Files.createDirectories(folder.resolve(HOME).resolve(Path.of(WORK_DIR).getFileName().toString()));
    Path home = Files.createDirectories(folder.resolve(DISTRIBUTION));
    Path bin = Files.createDirectories(home.resolve("bin"));
    for (Map.Entry<String, Path> script : distribution.scripts().entrySet()) {
      Path target = bin.resolve(script.getKey());
      Files.copy(script.getValue(), target);
      permissions(target, "rwxr-xr-x");
    }
    copyTree(distribution.lib(), home.resolve(DistributionTree.LIB));
    if (distribution.licenses().isPresent()) {
      copyTree(distribution.licenses().get(), home.resolve(DistributionTree.LICENSES));
    }
    for (Map.Entry<String, Path> backend : backends.entrySet()) {
      copyTree(backend.getValue(), folder.resolve(BACKENDS).resolve(backend.getKey()));
    }
    classPath.copyTo(folder.resolve(TASKS), folder.resolve(DEPENDENCIES));
    if (!training.isEmpty()) {
      Path inputsFolder = Files.createDirectories(folder.resolve(TRAINING_INPUTS));
      for (Map.Entry<String, LiteralMap> inputs : training.inputs().entrySet()) {
        Files.write(inputsFolder.resolve(inputs.getKey() + TrainingInputs.SUFFIX), inputs.getValue().toByteArray());
      }
      for (Path data : training.dataFolders()) {
        copyTree(data, inputsFolder.resolve(data.getFileName().toString()));
      }
    }
    Files.writeString(folder.resolve("Dockerfile"), dockerfile());
    Files.writeString(folder.resolve(".dockerignore"), dockerignore());
    readableByAll(folder);
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      files.forEach(file -> {
        Path copy = target.resolve(source.relativize(file).toString());
        try {
          if (Files.isDirectory(file)) {
            Files.createDirectories(copy);
          } else {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  // COPY keeps modes, and the image runs as a user that owns none of these files: all must read them.
  private static void readableByAll(Path folder) throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        permissions(file, Files.isDirectory(file) || Files.isExecutable(file) ? "rwxr-xr-x" : "rw-r--r--");
      }
    }
  }

  private static void permissions(Path file, String permissions) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }
  }
}
