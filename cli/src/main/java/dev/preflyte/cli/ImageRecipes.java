package dev.preflyte.cli;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.entrypoint.RelativeDataPaths;
import dev.preflyte.runtime.entrypoint.ScratchDirectories;
import dev.preflyte.runtime.entrypoint.TrainingException;
import dev.preflyte.runtime.entrypoint.TrainingInputs;
import dev.preflyte.runtime.registry.DeclaredTask;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What {@code preflyte image} and {@code preflyte:image} write, for each image the declared tasks
 * name: a folder holding its Dockerfile and build context. Everything is written into a temporary
 * sibling of the output folder and moved into place at the end, so the output appears complete or
 * not at all.
 */
public final class ImageRecipes {

  /** The JRE base when none is given: Temurin 25, whose AOT cache gives the shortest start-up. */
  public static final String DEFAULT_BASE = "eclipse-temurin:25-jre";

  /** Training inputs given as JSON, converted to the LiteralMap files preflyte-train reads. */
  static final String JSON_SUFFIX = ".json";

  private ImageRecipes() {}

  /**
   * What to write.
   *
   * @param images replaces a task's image (a repository or an exact reference), as {@code --image}
   * @param base the JRE base image reference; {@code null} for {@link #DEFAULT_BASE}
   * @param distribution the unpacked distribution; {@code null} to find it as {@code preflyte} does
   * @param backends the storage backends to include; empty for all the distribution has
   * @param classPath the task project's jars and class folders, task classes and dependencies
   * @param force replace an output folder that is not empty
   * @param jit the compilers the image's tasks run with ({@code PREFLYTE_JIT})
   * @param trainingInputs a folder of training inputs ({@link TrainingInputs}) for the image builds'
   *     training runs; {@code null} for none
   */
  public record Request(List<DeclaredTask> tasks, Map<String, String> images, String base, Path distribution,
      List<String> backends, List<Path> classPath, Path output, boolean force, JitMode jit, Path trainingInputs) {
    public Request {
      Objects.requireNonNull(jit, "jit");
      tasks = List.copyOf(tasks);
      images = Map.copyOf(images);
      backends = List.copyOf(backends);
      classPath = List.copyOf(classPath);
    }
  }

  /** One image written: its reference, its folder, the tasks it runs and those trained on inputs. */
  public record Written(String image, Path folder, List<String> tasks, List<String> trainedOnInputs) {
    public Written {
      tasks = List.copyOf(tasks);
      trainedOnInputs = List.copyOf(trainedOnInputs);
    }

    /** Its tasks, counted for the line that reports it: "4 tasks, 1 run on training inputs". */
    public String taskCount() {
      return tasks.size() + (tasks.size() == 1 ? " task" : " tasks")
          + (trainedOnInputs.isEmpty() ? "" : ", " + trainedOnInputs.size() + " run on training inputs");
    }
  }

  /**
   * Writes the recipes of {@code request}; a line for each jar left out goes to {@code warnings}.
   *
   * @throws CliException with a one-line message naming the cause; nothing is then written
   */
  public static List<Written> write(Request request, Consumer<String> warnings) throws IOException {
    OciReference base = OciReference.parse(request.base() == null ? DEFAULT_BASE : request.base(), "--base");
    Map<String, List<String>> tasksByImage = tasksByImage(request);
    TrainingSet training = training(request);
    Path output = checkOutput(request.output(), request.force());
    DistributionTree distribution = DistributionTree.find(request.distribution());
    Map<String, Path> backends = backends(distribution, request.backends());
    TaskClassPath classPath = TaskClassPath.split(request.classPath(), distribution.libraries(), warnings);

    Map<String, ImageRecipe> recipes = new LinkedHashMap<>();
    Map<String, Long> shortNames = new TreeMap<>();
    tasksByImage.keySet().forEach(image ->
        shortNames.merge(OciReference.parse(image, "image").shortName(), 1L, Long::sum));
    for (Map.Entry<String, List<String>> image : tasksByImage.entrySet()) {
      OciReference reference = OciReference.parse(image.getKey(), "image");
      // Images of different registries or owners may share a last name: those get their whole repository.
      String folder = shortNames.get(reference.shortName()) == 1 ? reference.shortName()
          : reference.repository().replaceAll("[^A-Za-z0-9._-]", "_");
      recipes.put(folder, new ImageRecipe(reference, image.getValue(), base, distribution, backends, classPath,
          request.jit(), training.forTasks(image.getValue())));
    }

    Path parent = output.getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempDirectory(parent, "." + output.getFileName() + "-");
    try {
      for (Map.Entry<String, ImageRecipe> recipe : recipes.entrySet()) {
        recipe.getValue().writeContext(temporary.resolve(recipe.getKey()));
      }
      replace(output, temporary);
    } catch (IOException e) {
      throw new CliException("--output " + request.output() + " cannot be written: " + e.getMessage(), e);
    } finally {
      ScratchDirectories.deleteQuietly(temporary);
    }
    List<Written> written = new ArrayList<>();
    recipes.forEach((folder, recipe) ->
        written.add(new Written(recipe.image().toString(), output.resolve(folder), recipe.taskNames(),
            recipe.trainedOnInputs())));
    return written;
  }

  /** The tasks by the image they run in (after {@code --image}), checked: one reference per repository. */
  private static Map<String, List<String>> tasksByImage(Request request) {
    if (request.tasks().isEmpty()) {
      throw new CliException("no declared tasks on the class path name an image: nothing to write a recipe for"
          + " (declare tasks with @DeclaredTask, and give their jars with --classpath)");
    }
    Map<String, List<String>> tasksByImage = new TreeMap<>();
    Map<String, String> imageByRepository = new TreeMap<>();
    Map<String, String> taskByImage = new TreeMap<>();
    for (DeclaredTask task : request.tasks()) {
      String image = ImageOptions.replace(request.images(), task.task().image());
      OciReference reference = OciReference.parse(image, "the image of task " + task.name() + ",");
      String other = imageByRepository.putIfAbsent(reference.repository(), image);
      if (other != null && !other.equals(image)) {
        throw new CliException("tasks " + taskByImage.get(other) + " and " + task.name() + " name two images under"
            + " one name, " + other + " and " + image + ": one recipe builds one image, so give them the same"
            + " reference (or map one onto the other with --image " + image + "=" + other + ")");
      }
      taskByImage.putIfAbsent(image, task.name());
      tasksByImage.computeIfAbsent(image, key -> new ArrayList<>()).add(task.name());
    }
    return tasksByImage;
  }

  /**
   * The training inputs of {@code --training-inputs DIR}: {@code <task>.pb} (a LiteralMap, as
   * preflyte-train reads it) or {@code <task>.json} (a JSON object, as {@code preflyte run --inputs}
   * reads it, typed here from the task's interface), each file checked to name a declared task of the
   * request; and the folders of {@code DIR}, the data those inputs may name by relative path.
   */
  private static TrainingSet training(Request request) throws IOException {
    Path folder = request.trainingInputs();
    if (folder == null) {
      return TrainingSet.NONE;
    }
    Map<String, DeclaredTask> byName = new TreeMap<>();
    request.tasks().forEach(task -> byName.put(task.name(), task));
    TrainingInputData data = new TrainingInputData(folder);
    Map<String, TrainingInputs.FileFormat> formats = new LinkedHashMap<>();
    formats.put(TrainingInputs.SUFFIX, TrainingInputs.LITERAL_MAP);
    formats.put(JSON_SUFFIX, (taskName, file) -> jsonInputs(byName.get(taskName), file));
    TrainingInputs inputs;
    try {
      inputs = TrainingInputs.read(folder, byName.keySet(), formats);
    } catch (TrainingException e) {
      throw new CliException("--training-inputs: " + e.getMessage(), e);
    }
    SortedMap<String, LiteralMap> byTask = new TreeMap<>();
    for (String name : inputs.taskNames()) {
      try {
        // The one check of local paths, for JSON and .pb files alike.
        byTask.put(name, RelativeDataPaths.rewrite(inputs.forTask(name), data::uri));
      } catch (CliException e) {
        throw new CliException("--training-inputs: the training inputs " + inputs.fileOf(name) + ": " + e.getMessage(), e);
      }
    }
    return new TrainingSet(byTask, data.dataFolders());
  }

  private static LiteralMap jsonInputs(DeclaredTask task, Path file) throws IOException {
    TypedInputs typed = TypedInputs.forRunElsewhere(task.task().taskInterface().inputs());
    try {
      return typed.fromJson(Files.readString(file), file.toString());
    } catch (CliException e) {
      throw new TrainingException("the training inputs " + e.getMessage(), e);
    }
  }

  private static Path checkOutput(Path output, boolean force) throws IOException {
    if (output == null) {
      throw new CliException("no output folder: give --output DIR");
    }
    Path absolute = output.toAbsolutePath().normalize();
    if (absolute.getParent() == null) {
      throw new CliException("--output " + output + " is the file-system root: give a folder of its own");
    }
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new CliException("--output " + output + " is a file: give a folder, which will hold a folder per image");
    }
    if (Files.isDirectory(absolute) && !force) {
      try (Stream<Path> children = Files.list(absolute)) {
        if (children.findAny().isPresent()) {
          throw new CliException("--output " + output + " exists and is not empty: give a new or empty folder,"
              + " or --force to replace it");
        }
      }
    }
    return absolute;
  }

  private static Map<String, Path> backends(DistributionTree distribution, List<String> wanted) {
    Map<String, Path> available = distribution.backends();
    if (wanted.isEmpty()) {
      return available;
    }
    Map<String, Path> chosen = new TreeMap<>();
    for (String name : wanted) {
      Path backend = available.get(name);
      if (backend == null) {
        throw new CliException("--backends " + name + ": the distribution at " + distribution.home()
            + (available.isEmpty() ? " has no backends/ folder, its storage backends are all in lib/"
                : " has the backends " + String.join(", ", available.keySet())));
      }
      chosen.put(name, backend);
    }
    return chosen;
  }

  /** Moves {@code fresh} to {@code output}, putting a former output aside first and deleting it after. */
  private static void replace(Path output, Path fresh) throws IOException {
    Optional<Path> former = Optional.empty();
    if (Files.exists(output)) {
      Path aside = Files.createTempDirectory(output.getParent(), "." + output.getFileName() + "-old-");
      Files.delete(aside);
      move(output, aside);
      former = Optional.of(aside);
    }
    try {
      move(fresh, output);
    } catch (IOException e) {
      if (former.isPresent()) {
        move(former.get(), output); // put it back: the output stays as it was
      }
      throw e;
    }
    if (former.isPresent()) {
      ScratchDirectories.deleteQuietly(former.get());
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }
}
