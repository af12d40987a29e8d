package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.DeclaredTasks;
import dev.preflyte.runtime.task.TaskSettings;
import dev.preflyte.runtime.types.FlyteFile;
import dev.preflyte.samples.typed.SampleTasks;
import dev.preflyte.samples.typed.WordStats;
import dev.preflyte.samples.typed.WordStatsTask;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code preflyte image} writes, and what it refuses, on a small stand-in distribution. */
class ImageRecipesTest {

  private static final String DIGEST = "sha256:" + "ab".repeat(32);
  private static final String ENGLISH_WORDS = "dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS";

  @TempDir Path dir;
  private Path distribution;
  private Path samples;
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void distribution() throws Exception {
    distribution = dir.resolve("preflyte");
    jar(distribution.resolve("lib/preflyte-api-0.1.0-SNAPSHOT.jar"), "META-INF/maven/dev.preflyte/preflyte-api/pom.properties");
    jar(distribution.resolve("lib/protobuf-java-4.33.5.jar"), "META-INF/maven/com.google.protobuf/protobuf-java/pom.properties");
    jar(distribution.resolve("backends/s3/s3-2.57.8.jar"), "software/amazon/S3.class");
    jar(distribution.resolve("backends/gcs/google-cloud-storage-2.63.0.jar"), "com/google/Storage.class");
    Files.createDirectories(distribution.resolve("bin"));
    Files.writeString(distribution.resolve("bin/preflyte-execute"), "#!/bin/sh\n");
    Files.writeString(distribution.resolve("bin/preflyte-train"), "#!/bin/sh\n");
    Files.writeString(distribution.resolve("bin/preflyte-jvm.sh"), "# sourced\n");
    Files.writeString(distribution.resolve("preflyte.jsa"), "the building machine's archive");
    Files.createDirectories(distribution.resolve("cli"));
    samples = Path.of(SampleTasks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private ImageRecipes.Request request(List<DeclaredTask> tasks, String base, List<String> backends,
      List<Path> classPath, boolean force) {
    return new ImageRecipes.Request(tasks, Map.of(), base, distribution, backends, classPath, dir.resolve("out"), force,
        JitMode.QUICK, null);
  }

  private static List<DeclaredTask> sampleTasks() {
    return DeclaredTasks.load(ImageRecipesTest.class.getClassLoader());
  }

  @Test
  void eachImageGetsItsLayersLeastChangingFirst() throws Exception {
    Path leftPad = jar(dir.resolve("m2/left-pad-1.0.jar"), "leftpad/LeftPad.class");
    Path oldProtobuf = jar(dir.resolve("m2/protobuf-java-3.25.1.jar"),
        "META-INF/maven/com.google.protobuf/protobuf-java/pom.properties");
    Path api = jar(dir.resolve("m2/preflyte-api-0.1.0-SNAPSHOT.jar"), "dev/preflyte/Api.class");
    List<ImageRecipes.Written> written = ImageRecipes.write(request(sampleTasks(), "eclipse-temurin:17-jre@" + DIGEST,
        List.of(), List.of(samples, leftPad, oldProtobuf, api), false), warnings::add);

    assertEquals(1, written.size());
    assertEquals("ghcr.io/preflyte/samples:0.1.0", written.get(0).image());
    assertEquals(List.of("dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS", "samples.case_sensitive_words",
            "samples.csv_stats", "samples.tsv_stats"),
        written.get(0).tasks());
    Path context = dir.resolve("out/samples");
    assertEquals(context, written.get(0).folder());
    List<String> dockerfile = Files.readAllLines(context.resolve("Dockerfile")).stream()
        .filter(line -> !line.startsWith("#")).toList();
    assertEquals(List.of(
        "FROM eclipse-temurin:17-jre@" + DIGEST,
        "ENV PREFLYTE_HOME=/opt/preflyte",
        "ENV PREFLYTE_CLASSPATH=/opt/preflyte-tasks/tasks/*:/opt/preflyte-tasks/dependencies/*",
        "ENV PATH=/opt/preflyte/bin:$PATH",
        "ENV JAVA_OPTS=\"-XX:MaxRAMPercentage=75.0 -XX:+UseSerialGC\"",
        "ENV HOME=/home/preflyte",
        "COPY --chown=65532:65532 home/ /home/",
        "COPY distribution/ /opt/preflyte/",
        "COPY backends/ /opt/preflyte/backends/",
        "COPY dependencies/ /opt/preflyte-tasks/dependencies/",
        "COPY tasks/ /opt/preflyte-tasks/tasks/",
        "RUN [\"preflyte-train\"]",
        "USER 65532:65532",
        "WORKDIR /home/preflyte"), dockerfile);
    assertTrue(Files.readString(context.resolve("Dockerfile"))
        .contains("#   docker build -t ghcr.io/preflyte/samples:0.1.0 . && docker push ghcr.io/preflyte/samples:0.1.0\n"));
    assertTrue(Files.readString(context.resolve("Dockerfile"))
        .contains("# under readOnlyRootFilesystem, mount a writable volume (an emptyDir) at /home/preflyte.\nWORKDIR /home/preflyte\n"),
        "the Dockerfile names the folder that must stay writable");

    // Preflyte's own jars come with the distribution; another version of one would never be loaded.
    assertEquals(List.of("left-pad-1.0.jar"), list(context.resolve("dependencies")));
    assertEquals(List.of("left protobuf-java-3.25.1.jar out of the image: preflyte-execute runs with"
        + " lib/protobuf-java-4.33.5.jar; build the tasks against that version if they need it"), warnings);
    assertEquals(1, list(context.resolve("tasks")).size());
    assertEquals(List.of("bin", "lib"), list(context.resolve("distribution")));
    assertEquals(List.of("gcs", "s3"), list(context.resolve("backends")));
    assertEquals(List.of("preflyte"), list(context.resolve("home")));
    assertTrue(Files.isExecutable(context.resolve("distribution/bin/preflyte-train")));
    assertTrue(Files.isRegularFile(context.resolve("distribution/bin/preflyte-jvm.sh")));
    assertEquals(List.of("*", "!home", "!distribution", "!backends", "!dependencies", "!tasks"),
        Files.readAllLines(context.resolve(".dockerignore")).stream().filter(line -> !line.startsWith("#")).toList());
    assertEquals(List.of("out"), list(dir).stream().filter(name -> name.startsWith(".") || name.equals("out")).toList(),
        "a temporary folder was left beside the output");
  }

  @Test
  void trainingInputsGivenAsJsonAreTypedFromTheirTaskAndWrittenAsTheLiteralMapsPreflyteTrainReads() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("training-inputs"));
    Files.writeString(inputs.resolve(ENGLISH_WORDS + ".json"), "{\"text\": \"the cat saw the other cat\"}");
    LiteralMap csv = LiteralMap.newBuilder()
        .putLiterals("csv", LiteralCodecs.file().encode(FlyteFile.ofUri("s3://bucket/rows.csv"), null)).build();
    Files.write(inputs.resolve("samples.csv_stats.pb"), csv.toByteArray());
    Files.writeString(inputs.resolve("samples.tsv_stats.json"), "{\"csv\": \"s3://bucket/rows.tsv\"}");
    List<ImageRecipes.Written> images = ImageRecipes.write(new ImageRecipes.Request(sampleTasks(), Map.of(), null,
        distribution, List.of(), List.of(samples), dir.resolve("out"), false, JitMode.QUICK, inputs), warnings::add);
    assertEquals("4 tasks, 3 run on training inputs", images.get(0).taskCount());

    Path written = dir.resolve("out/samples/training-inputs");
    assertEquals(List.of(ENGLISH_WORDS + ".pb", "samples.csv_stats.pb", "samples.tsv_stats.pb"), list(written));
    assertEquals(LiteralMap.newBuilder()
            .putLiterals("text", LiteralCodecs.string().encode("the cat saw the other cat", null)).build(),
        LiteralMap.parseFrom(Files.readAllBytes(written.resolve(ENGLISH_WORDS + ".pb"))));
    assertEquals(csv, LiteralMap.parseFrom(Files.readAllBytes(written.resolve("samples.csv_stats.pb"))));
    assertEquals("s3://bucket/rows.tsv", LiteralCodecs.file().decode(LiteralMap.parseFrom(
        Files.readAllBytes(written.resolve("samples.tsv_stats.pb"))).getLiteralsOrThrow("csv"), null).uri());
    assertTrue(Files.readString(dir.resolve("out/samples/Dockerfile")).contains("# layer holds them: " + ENGLISH_WORDS
        + ", samples.csv_stats, samples.tsv_stats\n"), Files.readString(dir.resolve("out/samples/Dockerfile")));
  }

  @Test
  void localFilesTheJsonInputsNameReachTheTrainingRunBesideThemAndNoLayer() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("training-inputs"));
    Files.writeString(Files.createDirectories(inputs.resolve("data")).resolve("rows.csv"), "name,n\na,1\n");
    Files.writeString(inputs.resolve("samples.csv_stats.json"), "{\"csv\": \"data/rows.csv\"}");
    ImageRecipes.write(new ImageRecipes.Request(sampleTasks(), Map.of(), null, distribution, List.of(),
        List.of(samples), dir.resolve("out"), false, JitMode.QUICK, inputs), warnings::add);

    Path written = dir.resolve("out/samples/training-inputs");
    assertEquals(List.of("data", "samples.csv_stats.pb"), list(written));
    assertEquals("name,n\na,1\n", Files.readString(written.resolve("data/rows.csv")));
    assertEquals("data/rows.csv", LiteralCodecs.file().decode(LiteralMap.parseFrom(
        Files.readAllBytes(written.resolve("samples.csv_stats.pb"))).getLiteralsOrThrow("csv"), null).uri());
    String dockerfile = Files.readString(dir.resolve("out/samples/Dockerfile"));
    assertTrue(dockerfile.contains("RUN --mount=type=bind,source=training-inputs,target="
        + ImageRecipe.IMAGE_TRAINING_INPUTS + " "), dockerfile);
    assertFalse(dockerfile.contains("COPY training-inputs"), dockerfile);
  }

  @Test
  void aLiteralMapsLocalPathsAreCheckedAsJsonOnesAre() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("training-inputs"));
    Files.writeString(Files.createDirectories(inputs.resolve("data")).resolve("rows.csv"), "name,n\na,1\n");
    Files.write(inputs.resolve("samples.csv_stats.pb"), csvInputs("data/./rows.csv").toByteArray());
    ImageRecipes.write(new ImageRecipes.Request(sampleTasks(), Map.of(), null, distribution, List.of(),
        List.of(samples), dir.resolve("out"), false, JitMode.QUICK, inputs), warnings::add);
    assertEquals(csvInputs("data/rows.csv"), LiteralMap.parseFrom(
        Files.readAllBytes(dir.resolve("out/samples/training-inputs/samples.csv_stats.pb"))));

    // What 'preflyte run --output-dir' leaves for a local file: a path on this machine, which the build cannot see.
    Path uploaded = Files.writeString(dir.resolve("raw-rows.csv"), "name,n\n");
    assertTrainingInputsRefused(sampleTasks(), Map.of(), "--training-inputs: the training inputs "
        + inputs.resolve("samples.csv_stats.pb") + ": input 'csv' is the local path \"" + uploaded + "\", which the"
        + " image build's training run cannot see: put it in a folder of the training inputs folder ",
        "samples.csv_stats.pb", csvInputs(uploaded.toString()));
    assertTrainingInputsRefused(sampleTasks(), Map.of(), "--training-inputs: the training inputs "
        + inputs.resolve("samples.csv_stats.pb") + ": input 'csv' names data/missing.csv, but "
        + inputs.resolve("data/missing.csv") + " is not a file: put it there, or correct the path",
        "samples.csv_stats.pb", csvInputs("data/missing.csv"));
  }

  private static LiteralMap csvInputs(String uri) {
    return LiteralMap.newBuilder().putLiterals("csv", LiteralCodecs.file().encode(FlyteFile.ofUri(uri), null)).build();
  }

  @Test
  void aDataFolderWithALinkOutOfItIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("training-inputs"));
    Path data = Files.createDirectories(inputs.resolve("data"));
    Files.writeString(data.resolve("rows.csv"), "name,n\na,1\n");
    Files.createSymbolicLink(data.resolve("credentials"), Files.writeString(dir.resolve("credentials"), "secret"));
    Files.writeString(inputs.resolve("samples.csv_stats.json"), "{\"csv\": \"data/rows.csv\"}");
    assertRefused("--training-inputs: " + data.resolve("credentials") + " is a link, and only the training inputs"
        + " folder's own files reach the image build: copy what it names into the folder instead",
        new ImageRecipes.Request(sampleTasks(), Map.of(), null, distribution, List.of(), List.of(samples),
            dir.resolve("out"), false, JitMode.QUICK, inputs));
  }

  @Test
  void aClassFolderBecomesAJarWithTheSameBytesEveryTime() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("project/classes/META-INF/preflyte/tasks"));
    Files.writeString(classes.resolve("com.acme.Tasks"), "field\tADD\t\n");
    Files.writeString(Files.createDirectories(dir.resolve("project/classes/com/acme")).resolve("Tasks.class"), "x");
    List<Path> classPath = List.of(dir.resolve("project/classes"), samples);
    ImageRecipes.write(request(sampleTasks(), null, List.of("s3"), classPath, false), warnings::add);
    Path jar = dir.resolve("out/samples/tasks/classes-1.jar");
    byte[] first = Files.readAllBytes(jar);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertEquals(List.of("META-INF/preflyte/tasks/com.acme.Tasks", "com/acme/Tasks.class"),
          zip.stream().map(ZipEntry::getName).toList());
    }
    assertEquals(List.of("s3"), list(dir.resolve("out/samples/backends")));
    assertTrue(Files.readString(dir.resolve("out/samples/Dockerfile")).contains("FROM " + ImageRecipes.DEFAULT_BASE + "\n"));

    Files.setLastModifiedTime(classes.resolve("com.acme.Tasks"), java.nio.file.attribute.FileTime.fromMillis(0));
    ImageRecipes.write(request(sampleTasks(), null, List.of("s3"), classPath, true), warnings::add);
    assertArrayEquals(first, Files.readAllBytes(jar), "the same classes gave another jar: every build a new layer");
  }

  @Test
  void imagesOfOneNameInTwoPlacesGetTheirWholeRepositoryAsFolder() throws Exception {
    List<DeclaredTask> tasks = List.of(
        declared("a", "ghcr.io/acme/tasks:1.0"), declared("b", "registry.example:5000/tasks:1.0"), declared("c", "ghcr.io/acme/tasks:1.0"));
    List<ImageRecipes.Written> written = ImageRecipes.write(request(tasks, null, List.of(), List.of(samples), false), warnings::add);
    assertEquals(List.of("ghcr.io_acme_tasks", "registry.example_5000_tasks"), list(dir.resolve("out")));
    assertEquals(List.of("a", "c"), written.get(0).tasks());
  }

  @Test
  void badInputIsRefusedInOneLineNamingItsCauseAndNothingIsWritten() throws Exception {
    List<DeclaredTask> tasks = sampleTasks();
    assertRefused("--base \"Temurin:25\" is not an OCI image reference",
        request(tasks, "Temurin:25", List.of(), List.of(samples), false));
    assertRefused("no declared tasks on the class path name an image",
        request(List.of(), null, List.of(), List.of(samples), false));
    assertRefused("tasks dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS and other name two images under one"
        + " name, ghcr.io/preflyte/samples:0.1.0 and ghcr.io/preflyte/samples:0.2.0",
        request(List.of(tasks.get(0), declared("other", "ghcr.io/preflyte/samples:0.2.0")), null, List.of(),
            List.of(samples), false));
    assertRefused("the image of task bad, \"ghcr.io/Acme/x\" is not an OCI image reference",
        request(List.of(declared("bad", "ghcr.io/Acme/x")), null, List.of(), List.of(samples), false));
    assertRefused("--backends azure: the distribution at " + distribution + " has the backends gcs, s3",
        request(tasks, null, List.of("azure"), List.of(samples), false));
    assertRefused("no entry of the task class path declares tasks",
        request(tasks, null, List.of(), List.of(distribution.resolve("lib/protobuf-java-4.33.5.jar")), false));
    assertRefused("class-path entry " + dir.resolve("gone.jar") + " does not exist",
        request(tasks, null, List.of(), List.of(samples, dir.resolve("gone.jar")), false));
    Path trainingInputs = Files.createDirectories(dir.resolve("training-inputs"));
    Files.write(trainingInputs.resolve("samples.word_stats.pb"), LiteralMap.getDefaultInstance().toByteArray());
    assertRefused("--training-inputs: the training inputs " + trainingInputs.resolve("samples.word_stats.pb")
        + " name no declared task: declared are [dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS,",
        new ImageRecipes.Request(tasks, Map.of(), null, distribution, List.of(), List.of(samples), dir.resolve("out"),
            false, JitMode.QUICK, trainingInputs));
    assertRefused("--training-inputs: the training inputs " + dir.resolve("nowhere") + " are not a folder",
        new ImageRecipes.Request(tasks, Map.of(), null, distribution, List.of(), List.of(samples), dir.resolve("out"),
            false, JitMode.QUICK, dir.resolve("nowhere")));
    assertTrainingInputsRefused(tasks, Map.of("unknown.json", "{}"), "--training-inputs: the training inputs "
        + trainingInputs.resolve("unknown.json") + " name no declared task: declared are [");
    assertTrainingInputsRefused(tasks, Map.of(ENGLISH_WORDS + ".json", "[\"the cat\"]"), "--training-inputs: the"
        + " training inputs " + trainingInputs.resolve(ENGLISH_WORDS + ".json") + " is not a JSON object of inputs: ");
    assertTrainingInputsRefused(tasks, Map.of(ENGLISH_WORDS + ".json", "{\"txt\": \"the cat\"}"), "--training-inputs:"
        + " the training inputs " + trainingInputs.resolve(ENGLISH_WORDS + ".json") + ": the task has no input 'txt':"
        + " its inputs are [text]");
    assertTrainingInputsRefused(tasks, Map.of("samples.csv_stats.json", "{\"csv\": \"data/rows.csv\"}"),
        "--training-inputs: the training inputs " + trainingInputs.resolve("samples.csv_stats.json") + ": input 'csv'"
            + " names data/rows.csv, but " + trainingInputs.resolve("data/rows.csv") + " is not a file: put it there,"
            + " or correct the path");
    assertTrainingInputsRefused(tasks, Map.of("samples.csv_stats.json", "{\"csv\": \"/etc/hostname\"}"),
        "--training-inputs: the training inputs " + trainingInputs.resolve("samples.csv_stats.json") + ": input 'csv'"
            + " is the local path \"/etc/hostname\", which the image build's training run cannot see: put it in a"
            + " folder of the training inputs folder " + trainingInputs + " (such as " + trainingInputs.resolve("data")
            + ") and give its path relative to that folder, such as data/rows.csv");
    assertTrainingInputsRefused(tasks, Map.of(ENGLISH_WORDS + ".json", "{\"text\": \"a\"}", ENGLISH_WORDS + ".pb", ""),
        "--training-inputs: the training inputs folder " + trainingInputs + " holds two files for task " + ENGLISH_WORDS
            + ", " + ENGLISH_WORDS + ".json and " + ENGLISH_WORDS + ".pb: keep one");
    assertTrainingInputsRefused(tasks, Map.of(ENGLISH_WORDS + ".txt", "the cat"), "--training-inputs: the training"
        + " inputs folder " + trainingInputs + " holds " + ENGLISH_WORDS + ".txt, which is not a <declared task"
        + " name>.pb or .json file: remove it");
    assertRefused("--distribution " + dir + " is not a Preflyte distribution: it has no lib/",
        new ImageRecipes.Request(tasks, Map.of(), null, dir, List.of(), List.of(samples), dir.resolve("out"), false,
            JitMode.QUICK, null));
  }

  @Test
  void aFolderThatIsNotEmptyIsReplacedOnlyWithForce() throws Exception {
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/notes.txt"), "mine");
    assertRefused("--output " + dir.resolve("out") + " exists and is not empty: give a new or empty folder, or --force",
        request(sampleTasks(), null, List.of(), List.of(samples), false));
    assertEquals("mine", Files.readString(dir.resolve("out/notes.txt")));

    ImageRecipes.write(request(sampleTasks(), null, List.of(), List.of(samples), true), warnings::add);
    assertEquals(List.of("samples"), list(dir.resolve("out")));
    assertEquals(List.of("out", "preflyte"), list(dir), "the former output or a temporary was left");
  }

  @Test
  void theCommandLineReportsARefusalInOneLine() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Preflyte.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("image", "--output",
        dir.resolve("out").toString(), "--base", "not a reference", "--distribution", distribution.toString(),
        "--classpath", samples.toString());
    assertEquals(1, exit);
    assertEquals("preflyte: --base \"not a reference\" is not an OCI image reference: write [registry/]name[:tag]"
        + "[@sha256:digest] in lower case, such as eclipse-temurin:25-jre\n", err.toString());
    assertFalse(Files.exists(dir.resolve("out")));

    exit = Preflyte.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("image", "--classpath", samples.toString());
    assertEquals(2, exit);

    exit = Preflyte.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("image", "--output",
        dir.resolve("out").toString(), "--distribution", distribution.toString(), "--classpath", samples.toString(),
        "--image", "ghcr.io/preflyte/samples=ghcr.io/acme/words:2.0", "--backends", "gcs,s3");
    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().contains("for ghcr.io/acme/words:2.0 (4 tasks): docker build -t ghcr.io/acme/words:2.0 "
        + dir.resolve("out/words")), out.toString());
  }

  @Test
  void anOptimizingImageSetsPreflyteJitBeforeItsTrainingRunAndAQuickOneLeavesTheDefault() throws Exception {
    ImageRecipes.write(new ImageRecipes.Request(sampleTasks(), Map.of(), null, distribution, List.of(), List.of(samples),
        dir.resolve("out"), false, JitMode.OPTIMIZING, null), warnings::add);
    String optimizing = Files.readString(dir.resolve("out/samples/Dockerfile"));
    ImageRecipes.write(request(sampleTasks(), null, List.of(), List.of(samples), true), warnings::add);
    String quick = Files.readString(dir.resolve("out/samples/Dockerfile"));

    assertTrue(optimizing.contains("\nENV PREFLYTE_JIT=optimizing\n"), optimizing);
    assertTrue(optimizing.indexOf("ENV PREFLYTE_JIT=") < optimizing.indexOf("RUN [\"preflyte-train\"]"),
        "the training run must compile as the tasks' runs will");
    assertFalse(quick.contains("PREFLYTE_JIT"), quick);
  }

  @Test
  void anUnknownJitModeIsRefusedInOneLineNamingTheChoices() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Preflyte.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("image", "--output",
        dir.resolve("out").toString(), "--distribution", distribution.toString(), "--classpath", samples.toString(),
        "--jit", "fast");

    assertEquals(1, exit);
    assertEquals("preflyte: --jit is 'fast', not one of quick (the client compiler, for short tasks) or optimizing"
        + " (C2 as well, for tasks that run seconds of hot code)\n", err.toString());
    assertFalse(Files.exists(dir.resolve("out")));
    assertEquals(JitMode.OPTIMIZING, JitMode.parse(" Optimizing ", "--jit"));
    assertEquals(JitMode.QUICK, JitMode.parse(null, "--jit"));
  }

  /** Refused with {@code message} when the training inputs folder holds just {@code files} (name to content). */
  private void assertTrainingInputsRefused(List<DeclaredTask> tasks, Map<String, String> files, String message)
      throws IOException {
    assertTrainingInputsRefused(tasks, files, message, null, null);
  }

  /** Refused with {@code files} (text) and, when {@code pbName} is not null, {@code pb} as the only other file. */
  private void assertTrainingInputsRefused(List<DeclaredTask> tasks, Map<String, String> files, String message,
      String pbName, LiteralMap pb) throws IOException {
    Path folder = dir.resolve("training-inputs");
    try (Stream<Path> children = Files.list(folder)) {
      for (Path child : children.filter(Files::isRegularFile).toList()) {
        Files.delete(child);
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(folder.resolve(file.getKey()), file.getValue());
    }
    if (pbName != null) {
      Files.write(folder.resolve(pbName), pb.toByteArray());
    }
    assertRefused(message, new ImageRecipes.Request(tasks, Map.of(), null, distribution, List.of(), List.of(samples),
        dir.resolve("out"), false, JitMode.QUICK, folder));
  }

  private void assertRefused(String message, ImageRecipes.Request request) throws IOException {
    List<String> before = list(dir);
    CliException error = assertThrows(CliException.class, () -> ImageRecipes.write(request, warnings::add));
    assertTrue(error.getMessage().startsWith(message), error.getMessage());
    assertEquals(1, error.getMessage().lines().count(), error.getMessage());
    assertEquals(before, list(dir), "something was written");
  }

  private static DeclaredTask declared(String name, String image) {
    return new DeclaredTask(name, "test." + name,
        WordStatsTask.of(new WordStats(List.of(), 1, true), TaskSettings.builder().image(image).build()));
  }

  private static Path jar(Path jar, String entry) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(1);
      zip.closeEntry();
    }
    return jar;
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> children = Files.list(folder)) {
      return children.map(child -> child.getFileName().toString()).sorted().toList();
    }
  }
}
