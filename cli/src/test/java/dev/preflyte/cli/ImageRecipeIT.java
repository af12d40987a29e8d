package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.harness.ContainerPluginHarness;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.DeclaredTasks;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.types.FlyteFile;
import dev.preflyte.samples.typed.SampleTasks;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image recipe proved by doing what it says, as no container engine runs here: {@code bin/preflyte
 * image} writes it for the samples' declared tasks, its COPY lines place the context under a folder
 * standing for the image's root, its training RUN runs there, and a declared task then runs through
 * the {@code preflyte-execute} found on the image's PATH, as Flyte's container plugin runs it.
 */
class ImageRecipeIT {

  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  private static final Path DISTRIBUTION = REPOSITORY.resolve("launcher/target/preflyte");
  private static final String SECRET = "client-secret-5f3a9c";
  private static final Path JDK_25 = Path.of(System.getProperty("preflyte.jdk25",
      "/usr/lib/jvm/temurin-25-jdk-amd64"));

  private static final String ENGLISH_WORDS = "dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS";

  @TempDir Path dir;

  @Test
  void theImageBuiltByTheRecipeRunsADeclaredTaskAsTheContainerPluginDoes() throws Exception {
    // Where the user's credentials live: none of it may reach the context.
    Path home = Files.createDirectories(dir.resolve("user/.flyte"));
    Files.writeString(home.resolve("config.yaml"), "admin:\n  clientSecretEnvVar: FLYTE_SECRET\n  secret: " + SECRET + "\n");
    List<String> command = List.of(REPOSITORY.resolve("bin/preflyte").toString(), "image", "--output", "images",
        "--classpath", samplesJar().toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("HOME", dir.resolve("user").toString());
    builder.environment().put("FLYTE_SECRET", SECRET);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("PREFLYTE_HOME");
    builder.environment().remove("PREFLYTE_CLASSPATH");
    Process process = builder.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out"));
    assertEquals(0, process.exitValue(), Files.readString(dir.resolve("err")));
    Path context = dir.resolve("images/samples");
    assertTrue(out.contains("docker build -t ghcr.io/preflyte/samples:0.1.0 " + context), out);
    assertEquals(List.of("samples"), list(dir.resolve("images")));

    checkRecipe(context);
    MaterializedImage image = MaterializedImage.build(context, dir.resolve("root"), baseEnvironment(System.getProperty("java.home")));
    checkTree(image);
    Path archive = image.path("/opt/preflyte/" + (Runtime.version().feature() >= 25 ? "preflyte.aot" : "preflyte.jsa"));
    assertTrue(Files.size(archive) > 0, "the training RUN wrote no " + archive);

    ContainerPluginHarness.Outcome outcome = runEnglishWords(image);
    assertEquals(List.of("cat", "dog", "other"), LiteralCodecs.listOf(LiteralCodecs.string())
        .decode(outcome.outputs().getLiteralsOrThrow("mostFrequent"), null));
  }

  @Test
  void onJdk25TheTrainingRunWritesTheAotCache() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(JDK_25.resolve("bin/java")), "no JDK 25 at " + JDK_25
        + " (give -Dpreflyte.jdk25=DIR)");
    Path context = writeRecipe();
    MaterializedImage image = MaterializedImage.build(context, dir.resolve("root"), baseEnvironment(JDK_25.toString()));
    assertTrue(Files.size(image.path("/opt/preflyte/preflyte.aot")) > 0);
    assertFalse(Files.exists(image.path("/opt/preflyte/preflyte.jsa")), "an archive for another JVM was left");
    runEnglishWords(image);
  }

  @Test
  void trainingInputsAreMountedForTheTrainingRunAloneWhichRunsTheirTaskForReal() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("training-inputs"));
    // Given as JSON, written into the context as the LiteralMap preflyte-train reads.
    Files.writeString(inputs.resolve(ENGLISH_WORDS + ".json"), "{\"text\": \"the cat saw the other cat\"}");
    // A file input names its local data relative to the folder; preflyte-train reads it under the mount.
    Files.writeString(Files.createDirectories(inputs.resolve("data")).resolve("rows.csv"), "city,count\nOslo,3\n");
    Files.writeString(inputs.resolve("samples.csv_stats.json"), "{\"csv\": \"data/rows.csv\"}");
    Path context = writeRecipe(inputs);

    assertTrue(Files.readAllLines(context.resolve("Dockerfile")).contains("RUN --mount=type=bind,source=training-inputs,"
        + "target=/tmp/preflyte-training-inputs [\"preflyte-train\", \"--inputs\", \"/tmp/preflyte-training-inputs\"]"),
        Files.readString(context.resolve("Dockerfile")));
    assertEquals(List.of("data", ENGLISH_WORDS + ".pb", "samples.csv_stats.pb"), list(context.resolve("training-inputs")));
    assertTrue(Files.readString(context.resolve(".dockerignore")).contains("!training-inputs\n"));
    MaterializedImage image = MaterializedImage.build(context, dir.resolve("root"), baseEnvironment(System.getProperty("java.home")));
    String training = image.runs.get(image.runs.size() - 1).output();
    assertTrue(training.contains(", and ran [" + ENGLISH_WORDS + ", samples.csv_stats] on their training inputs;"
        + " wrote "), training);
    assertFalse(Files.exists(image.path("/tmp/preflyte-training-inputs")), "the mounted inputs stayed in the image");
    runEnglishWords(image);
  }

  @Test
  void aTrainingRunThatFailsSaysWhyInOneLineAndLeavesNoArchive() throws Exception {
    Path context = writeRecipe();
    // A distribution without the launcher: the training run's main class is missing.
    try (Stream<Path> jars = Files.list(context.resolve("distribution/lib"))) {
      for (Path jar : jars.filter(jar -> jar.getFileName().toString().startsWith("preflyte-launcher-")).toList()) {
        Files.delete(jar);
      }
    }
    IllegalStateException failed = assertThrows(IllegalStateException.class, () ->
        MaterializedImage.build(context, dir.resolve("root"), baseEnvironment(System.getProperty("java.home"))));
    String stderr = failed.getMessage().substring(failed.getMessage().indexOf("): ") + 3).strip();
    assertEquals(1, stderr.lines().count(), stderr);
    assertTrue(stderr.startsWith("preflyte-train: ") && stderr.contains("dev.preflyte.runtime.entrypoint.StartupTraining"),
        stderr);
    assertEquals(List.of("backends", "bin", "lib"), list(dir.resolve("root/opt/preflyte")),
        "a half-written archive was left");
  }

  @Test
  void aContextWhoseInputsNameDataOutsideTheirFolderFailsTheTrainingRunInOneLine() throws Exception {
    // preflyte image refuses such inputs; a context edited after it was written meets the training
    // run's own guard, which keeps the inputs to their folder.
    Path inputs = Files.createDirectories(dir.resolve("training-inputs"));
    Files.writeString(inputs.resolve(ENGLISH_WORDS + ".json"), "{\"text\": \"the cat\"}");
    Path context = writeRecipe(inputs);
    Files.write(context.resolve("training-inputs/samples.csv_stats.pb"), LiteralMap.newBuilder()
        .putLiterals("csv", LiteralCodecs.file().encode(FlyteFile.ofUri("../../etc/passwd"), null)).build().toByteArray());
    IllegalStateException failed = assertThrows(IllegalStateException.class, () ->
        MaterializedImage.build(context, dir.resolve("root"), baseEnvironment(System.getProperty("java.home"))));
    String stderr = failed.getMessage().substring(failed.getMessage().indexOf("): ") + 3).strip();
    assertEquals(1, stderr.lines().count(), stderr);
    assertTrue(stderr.startsWith("preflyte-train: task samples.csv_stats failed on its training inputs ")
        && stderr.contains(": USER:InputLocation: ") && stderr.contains("/etc/passwd is refused, it is a local path"
            + " outside the task's data directories"), stderr);
    assertFalse(Files.exists(dir.resolve("root/tmp/preflyte-training-inputs")), "the mounted inputs stayed");
  }

  /** What the Dockerfile itself must say, whatever builds it. */
  private static void checkRecipe(Path context) throws Exception {
    List<MaterializedImage.Instruction> instructions = MaterializedImage.parse(context);
    List<String> keywords = instructions.stream().map(MaterializedImage.Instruction::keyword).toList();
    assertTrue(Set.of("FROM", "ENV", "COPY", "RUN", "USER", "WORKDIR").containsAll(keywords), keywords.toString());
    assertFalse(keywords.contains("ENTRYPOINT") || keywords.contains("CMD"), "Flyte runs the args with an empty command");
    assertEquals("FROM " + ImageRecipes.DEFAULT_BASE, "FROM " + instructions.get(0).arguments());
    assertEquals("RUN", keywords.get(keywords.lastIndexOf("COPY") + 1), "the training runs after the last layer");

    // Least-changing first, and every COPY source is in the context and let through by .dockerignore.
    List<String> sources = new ArrayList<>();
    for (MaterializedImage.Instruction copy : instructions) {
      if (copy.keyword().equals("COPY")) {
        String[] words = copy.arguments().split("\\s+");
        sources.add(words[words.length - 2]);
      }
    }
    assertEquals(List.of("home/", "distribution/", "backends/", "dependencies/", "tasks/"), sources);
    List<String> ignore = Files.readAllLines(context.resolve(".dockerignore"));
    assertTrue(ignore.contains("*"), "the .dockerignore lets everything through: " + ignore);
    for (String source : sources) {
      assertTrue(Files.isDirectory(context.resolve(source)), source + " is not in the context");
      assertTrue(ignore.contains("!" + source.replace("/", "")), source + " is excluded by .dockerignore");
    }
    assertEquals(List.of("preflyte-execute", "preflyte-jvm.sh", "preflyte-train"), list(context.resolve("distribution/bin")));
    assertFalse(Files.exists(context.resolve("distribution/cli")), "the command line has no place in the image");
    assertFalse(Files.exists(context.resolve("distribution/preflyte.jsa")), "an archive of the building JVM");
    assertEquals(List.of("preflyte-samples-0.1.0-SNAPSHOT.jar"), list(context.resolve("tasks")));

    try (Stream<Path> files = Files.walk(context)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(SECRET), "the user's secret is in " + file);
        assertFalse(text.contains("clientSecretEnvVar"), "the user's Flyte config is in " + file);
      }
    }
  }

  /** Every path the launcher needs, made by the recipe. */
  private static void checkTree(MaterializedImage image) throws Exception {
    Map<String, String> env = image.imageEnvironment;
    assertEquals("/opt/preflyte", env.get("PREFLYTE_HOME"));
    assertTrue(list(image.path(env.get("PREFLYTE_HOME") + "/lib")).stream().anyMatch(jar -> jar.startsWith("preflyte-launcher-")));
    for (String entry : env.get("PREFLYTE_CLASSPATH").split(":")) {
      assertTrue(Files.isDirectory(image.path(entry.replaceAll("/\\*$", ""))), entry + " is not made by the recipe");
    }
    Path execute = MaterializedImage.which("preflyte-execute", image.hostEnvironment().get("PATH"));
    assertTrue(execute.startsWith(image.root), "preflyte-execute is not the image's own: " + execute);
    assertTrue(env.get("JAVA_OPTS").contains("-XX:MaxRAMPercentage=") && env.get("JAVA_OPTS").contains("-XX:+UseSerialGC"),
        env.get("JAVA_OPTS"));
    assertNotEquals("0", image.user.split(":")[0]);
    assertNotEquals("root", image.user.split(":")[0]);
    // The work dir is the user's: COPY --chown makes it, owned by the image's user.
    MaterializedImage.Copy home = image.copies.stream().filter(copy -> copy.chown() != null).findFirst().orElseThrow();
    assertEquals(image.user, home.chown());
    assertTrue((home.destination() + Path.of(image.workDir).getFileName()).equals(image.workDir)
        || image.workDir.startsWith(home.destination()), image.workDir + " is not made by " + home);
    assertTrue(Files.isDirectory(image.path(image.workDir)));
  }

  /** Runs a sample task in the image; the launcher's classes must come from the archive the image build trained. */
  private ContainerPluginHarness.Outcome runEnglishWords(MaterializedImage image) throws Exception {
    DeclaredTask task = DeclaredTasks.load(ImageRecipeIT.class.getClassLoader()).stream()
        .filter(declared -> declared.name().equals(ENGLISH_WORDS))
        .findFirst().orElseThrow();
    TaskTemplate template = task.toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "v1"));
    Map<String, String> environment = image.hostEnvironment();
    Path bin = MaterializedImage.which("preflyte-execute", environment.get("PATH")).getParent();
    ContainerPluginHarness harness = new ContainerPluginHarness(bin);
    environment.forEach(harness::env);
    Path classLoading = dir.resolve("class-load.log");
    harness.env("JAVA_OPTS", environment.get("JAVA_OPTS") + " -Xlog:class+load=info:file=" + classLoading);
    ContainerPluginHarness.Outcome outcome = harness.run(template, englishWordsInputs(),
        image.path(image.workDir).resolve("cluster"), 0);
    assertEquals(ContainerPluginHarness.Outcome.Phase.SUCCEEDED, outcome.phase(), outcome.toString());
    // The JDK's own archive holds no Preflyte class: shared, it came from the image's trained archive.
    assertTrue(Files.readString(classLoading).contains(
        "dev.preflyte.runtime.entrypoint.ExecuteCommand source: shared objects file"),
        "preflyte-execute did not use the archive the image build trained");
    return outcome;
  }

  private static LiteralMap englishWordsInputs() {
    return LiteralMap.newBuilder()
        .putLiterals("text", LiteralCodecs.string().encode("the cat saw the other cat and a dog", null)).build();
  }

  private Path writeRecipe() throws Exception {
    return writeRecipe(null);
  }

  private Path writeRecipe(Path trainingInputs) throws Exception {
    ImageRecipes.write(new ImageRecipes.Request(DeclaredTasks.load(ImageRecipeIT.class.getClassLoader()), Map.of(),
        null, DISTRIBUTION, List.of(), List.of(samplesJar()), dir.resolve("images"), false, JitMode.QUICK,
        trainingInputs), line -> {});
    return dir.resolve("images/samples");
  }

  /** What the base image brings: a JVM, found through JAVA_HOME and PATH. */
  private static Map<String, String> baseEnvironment(String javaHome) {
    return Map.of("PATH", javaHome + "/bin" + File.pathSeparator + System.getenv("PATH"), "JAVA_HOME", javaHome);
  }

  private static Path samplesJar() throws Exception {
    Path samples = Path.of(SampleTasks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(Files.isRegularFile(samples), "the samples are not packaged: " + samples);
    return samples;
  }

  private static List<String> list(Path folder) throws Exception {
    try (Stream<Path> children = Files.list(folder)) {
      return children.map(child -> child.getFileName().toString()).sorted().toList();
    }
  }
}
