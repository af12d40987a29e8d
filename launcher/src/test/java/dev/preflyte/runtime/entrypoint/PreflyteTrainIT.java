package dev.preflyte.runtime.entrypoint;

import static dev.preflyte.runtime.entrypoint.tasks.Templates.PACKAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflyte.conventions.DeclaredTaskIndex;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.entrypoint.tasks.SumDeclarations;
import dev.preflyte.runtime.entrypoint.tasks.SumExecutor;
import dev.preflyte.runtime.entrypoint.tasks.Templates;
import dev.preflyte.runtime.local.TestTask;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code bin/preflyte-train} on a copy of the packaged distribution with a task jar on
 * PREFLYTE_CLASSPATH, then {@code bin/preflyte-execute} with the archive it wrote: on the build's JDK
 * (class-data sharing) and on Temurin 25 (AOT cache) when it is installed.
 */
class PreflyteTrainIT {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path BIN = MODULE.getParent().resolve("bin");
  private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
  private static final String SUM = PACKAGE + "Sum";
  private static final String DECLARED_SUM = "training.sum";

  @TempDir Path dir;
  private Path home;
  private Path taskJar;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws IOException {
    home = dir.resolve("opt/preflyte");
    Files.createDirectories(home.resolve("lib"));
    try (var jars = Files.list(MODULE.resolve("target/preflyte/lib"))) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, home.resolve("lib").resolve(jar.getFileName()));
      }
    }
    taskJar = dir.resolve("tasks/sum.jar");
    writeJar(taskJar, SUM, SumExecutor.class.getName(), SumExecutor.class, Literals.class);
    env.put("PREFLYTE_HOME", home.toString());
    env.put("PREFLYTE_CLASSPATH", taskJar.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("FLYTE_SECRETS_DEFAULT_DIR", dir.resolve("no-secrets").toString());
    Files.write(dir.resolve("task.pb"), Templates.sum(SUM).toByteArray());
    Files.write(dir.resolve("inputs.pb"), LiteralMap.newBuilder()
        .putLiterals("a", Literals.integer(2)).putLiterals("b", Literals.integer(3)).build().toByteArray());
  }

  @Test
  void trainsTheTaskTypesAndTheNextRunLoadsThemFromTheCdsArchive() throws Exception {
    JavaProcess.Result train = train();

    assertEquals(0, train.exitCode(), train.stderr());
    assertEquals("", train.stderr());
    assertTrue(train.stdout().startsWith("preflyte-train: trained 1 task type [" + SUM + "]"), train.stdout());
    assertTrue(Files.size(home.resolve("preflyte.jsa")) > 0);
    assertEquals(List.of("lib", "preflyte.jsa"), listing(home), "nothing but the archive is left behind");

    // -Xshare:on: the JVM refuses to start unless it maps the archive.
    assertTaskClassFromArchive(true, "-Xshare:on");
  }

  @Test
  void trainsForJdk25IntoTheAotCacheAndTheNextRunUsesIt() throws Exception {
    assumeTrue(Files.isExecutable(JDK_25.resolve("bin/java")), "no Temurin 25 at " + JDK_25 + ": the AOT cache path is not tested");
    env.put("JAVA_HOME", JDK_25.toString());

    JavaProcess.Result train = train();

    assertEquals(0, train.exitCode(), train.stderr());
    assertEquals("", train.stderr());
    assertTrue(Files.size(home.resolve("preflyte.aot")) > 0);
    assertFalse(Files.exists(home.resolve("preflyte.jsa")));
    assertEquals(List.of("lib", "preflyte.aot"), listing(home), "nothing but the archive is left behind");
    // -XX:AOTMode=on: the JVM refuses to start unless it uses the cache.
    assertTaskClassFromArchive(true, "-XX:AOTMode=on");

    // The task jar rebuilt after training: the cache no longer fits, and the task runs without it,
    // saying nothing (the launcher checks this itself, as 25.0.3's JVM does not: JDK-8377932).
    writeJar(taskJar, SUM, SumExecutor.class.getName(), SumExecutor.class, Literals.class, Templates.class);
    assertTaskClassFromArchive(false, "");
  }

  @Test
  void aMismatchedArchiveIsIgnored() throws Exception {
    assertEquals(0, train().exitCode());
    // The archive was made for the task jar first on PREFLYTE_CLASSPATH; now another jar comes first.
    Path other = dir.resolve("tasks/other.jar");
    writeJar(other, PACKAGE + "Other", SumExecutor.class.getName(), SumExecutor.class);
    env.put("PREFLYTE_CLASSPATH", other + ":" + taskJar);

    assertTaskClassFromArchive(false, "");
  }

  @Test
  void aDamagedArchiveIsIgnored() throws Exception {
    Files.writeString(home.resolve("preflyte.jsa"), "not an archive");
    assertTaskClassFromArchive(false, "");
    if (Files.isExecutable(JDK_25.resolve("bin/java"))) {
      Files.writeString(home.resolve("preflyte.aot"), "not an archive");
      env.put("JAVA_HOME", JDK_25.toString());
      assertTaskClassFromArchive(false, "");
    }
  }

  @Test
  void aTaskThatCannotBeTrainedIsNamedAndNoArchiveIsWritten() throws Exception {
    Path broken = dir.resolve("tasks/broken.jar");
    writeJar(broken, PACKAGE + "Missing", PACKAGE + "MissingExecutor");
    env.put("PREFLYTE_CLASSPATH", taskJar + ":" + broken);
    Files.writeString(home.resolve("preflyte.jsa"), "the previous archive");

    JavaProcess.Result train = train();

    assertEquals(1, train.exitCode(), train.stdout());
    assertEquals(1, train.stderrLines().size(), train.stderr());
    assertTrue(train.stderr().startsWith("preflyte-train: task " + PACKAGE + "Missing cannot be trained: executor class "
        + PACKAGE + "MissingExecutor"), train.stderr());
    assertEquals("the previous archive", Files.readString(home.resolve("preflyte.jsa")));
    assertEquals(List.of("lib", "preflyte.jsa"), listing(home));
  }

  @Test
  void classFoldersAreTrainedButNotArchived() throws Exception {
    Path classes = MODULE.resolve("target/test-classes");
    Path folder = dir.resolve("tasks/classes");
    Path registration = folder.resolve(ExecutorRegistry.RESOURCE_DIRECTORY + SUM);
    Files.createDirectories(registration.getParent());
    Files.writeString(registration, SumExecutor.class.getName());
    for (Class<?> type : List.of(SumExecutor.class, Literals.class)) {
      Path file = folder.resolve(type.getName().replace('.', '/') + ".class");
      Files.createDirectories(file.getParent());
      Files.copy(classes.resolve(type.getName().replace('.', '/') + ".class"), file);
    }
    env.put("PREFLYTE_CLASSPATH", folder.toString());

    JavaProcess.Result train = train();

    assertEquals(0, train.exitCode(), train.stderr());
    assertEquals("preflyte-train: not archived, since the JVM archives classes from jars only: " + folder
        + " (package it as a jar to archive it)\n", train.stderr());
    assertTrue(train.stdout().startsWith("preflyte-train: trained 1 task type [" + SUM + "]"), train.stdout());
    assertTaskClassFromArchive(false, "-Xshare:on");
  }

  @Test
  void badArgumentsAreRefused() throws Exception {
    JavaProcess.Result result = JavaProcess.run(dir, env, List.of(BIN.resolve("preflyte-train").toString(), "--outptu", "x"));

    assertEquals(2, result.exitCode());
    assertEquals("preflyte-train: unknown argument '--outptu': preflyte-train [--output FILE] [--inputs DIR]\n",
        result.stderr());
    assertEquals(List.of("lib"), listing(home));

    JavaProcess.Result help = JavaProcess.run(dir, env, List.of(BIN.resolve("preflyte-train").toString(), "--help"));
    assertEquals(0, help.exitCode());
    assertTrue(help.stdout().startsWith("usage: preflyte-train [--output FILE] [--inputs DIR]\n"), help.stdout());
    assertEquals("", help.stderr());
    assertEquals(List.of("lib"), listing(home));
  }

  @Test
  void aDeclaredTaskGivenTrainingInputsRunsForRealAndItsOwnCodeIsArchivedToo() throws Exception {
    writeDeclaredSumJar();
    assertEquals(0, train().exitCode());
    assertTaskClassFromArchive(true, "-Xshare:on");
    assertFalse(loadedFromArchive(Literals.class.getName()), "without inputs, training stops before Sum's own code");

    Path inputs = Files.createDirectories(dir.resolve("training-inputs"));
    Files.write(inputs.resolve(DECLARED_SUM + ".pb"), sumInputs("a", "b").toByteArray());
    // A folder beside the inputs holds data they may name: it is no task's file, and is not refused.
    Files.writeString(Files.createDirectories(inputs.resolve("data")).resolve("rows.csv"), "a,b\n");
    JavaProcess.Result train = train("--inputs", inputs.toString());

    assertEquals(0, train.exitCode(), train.stderr());
    assertEquals("", train.stderr());
    assertTrue(train.stdout().startsWith("preflyte-train: trained 1 task type [" + SUM + "], and ran [" + DECLARED_SUM
        + "] on their training inputs; wrote "), train.stdout());
    assertEquals(List.of("lib", "preflyte.jsa"), listing(home), "nothing but the archive is left behind");
    assertTaskClassFromArchive(true, "-Xshare:on");
    assertTrue(loadedFromArchive(Literals.class.getName()), "Sum's own code, reached on the training inputs");
  }

  @Test
  void badTrainingInputsAreNamedInOneLineAndTheArchiveStaysAsItWas() throws Exception {
    writeDeclaredSumJar();
    Files.writeString(home.resolve("preflyte.jsa"), "the previous archive");
    Path inputs = dir.resolve("training-inputs");
    List<BadInput> cases = List.of(
        new BadInput("training.summ.pb", sumInputs("a", "b").toByteArray(),
            "preflyte-train: the training inputs " + inputs.resolve("training.summ.pb") + " name no declared task:"
                + " declared are [" + DECLARED_SUM + "] (a file is named after its task, as 'preflyte tasks' lists it)"),
        new BadInput(DECLARED_SUM + ".pb", sumInputs("a", "c").toByteArray(),
            "preflyte-train: task " + DECLARED_SUM + " failed on its training inputs "
                + inputs.resolve(DECLARED_SUM + ".pb") + ": USER:InputMismatch: "),
        new BadInput(DECLARED_SUM + ".pb", "not protobuf".getBytes(StandardCharsets.UTF_8),
            "preflyte-train: the training inputs " + inputs.resolve(DECLARED_SUM + ".pb") + " (12 bytes) are not a"
                + " serialized LiteralMap: "),
        new BadInput("notes.txt", "the inputs of training.sum".getBytes(StandardCharsets.UTF_8),
            "preflyte-train: the training inputs folder " + inputs + " holds notes.txt, which is not a <declared task"
                + " name>.pb file: remove it"));
    for (BadInput bad : cases) {
      ScratchDirectories.deleteQuietly(inputs);
      Files.createDirectories(inputs);
      Files.write(inputs.resolve(bad.file()), bad.content());
      assertTrainingRefused(bad.expectedStart(), "--inputs", inputs.toString());
    }
    assertTrainingRefused("preflyte-train: the training inputs " + dir.resolve("nowhere") + " are not a folder: give"
        + " a folder of <declared task name>.pb files", "--inputs", dir.resolve("nowhere").toString());
  }

  private record BadInput(String file, byte[] content, String expectedStart) {}

  private void assertTrainingRefused(String expectedStart, String... arguments) throws Exception {
    JavaProcess.Result train = train(arguments);

    assertEquals(1, train.exitCode(), train.stdout() + train.stderr());
    assertEquals(1, train.stderrLines().size(), train.stderr());
    assertTrue(train.stderr().startsWith(expectedStart), "expected " + expectedStart + "\nbut was " + train.stderr());
    assertEquals("the previous archive", Files.readString(home.resolve("preflyte.jsa")));
    assertEquals(List.of("lib", "preflyte.jsa"), listing(home));
  }

  /** The task jar with Sum also declared, as {@value #DECLARED_SUM}. */
  private void writeDeclaredSumJar() throws IOException {
    writeJar(taskJar, Map.of(
            ExecutorRegistry.RESOURCE_DIRECTORY + SUM, SumExecutor.class.getName(),
            DeclaredTaskIndex.indexResource(SumDeclarations.class.getName()), "field\tSUM\t" + DECLARED_SUM + "\n"),
        SumExecutor.class, Literals.class, SumDeclarations.class, TestTask.class);
  }

  private static LiteralMap sumInputs(String first, String second) {
    return LiteralMap.newBuilder()
        .putLiterals(first, Literals.integer(2)).putLiterals(second, Literals.integer(3)).build();
  }

  private JavaProcess.Result train(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(BIN.resolve("preflyte-train").toString()));
    command.addAll(List.of(arguments));
    return JavaProcess.run(dir, env, command);
  }

  /** Runs Sum through preflyte-execute and checks where its executor class came from. */
  private void assertTaskClassFromArchive(boolean fromArchive, String javaOpts) throws Exception {
    env.put("JAVA_OPTS", (javaOpts + " -Xlog:class+load=info:file=" + dir.resolve("classes.log")).strip());
    List<String> command = new ArrayList<>(List.of(BIN.resolve("preflyte-execute").toString(),
        "--inputs", "inputs.pb", "--output-prefix", "out", "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}",
        "--resolver", TemplateFileResolver.NAME, "--", "task.pb", SUM));
    Files.deleteIfExists(dir.resolve("out/outputs.pb"));

    JavaProcess.Result result = JavaProcess.run(dir, env, command);

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("", result.stdout() + result.stderr());
    LiteralMap outputs = LiteralMap.parseFrom(Files.readAllBytes(dir.resolve("out/outputs.pb")));
    assertEquals(5, outputs.getLiteralsOrThrow("sum").getScalar().getPrimitive().getInteger());
    assertEquals(fromArchive, loadedFromArchive(SumExecutor.class.getName()));
    if (fromArchive) {
      // How every run ends is trained too: the verdict marker, and on JDK 25 the logger System.exit asks for.
      assertTrue(loadedFromArchive(VerdictMarker.class.getName()), "VerdictMarker from the archive");
      if (env.get("JAVA_HOME").equals(JDK_25.toString())) {
        assertTrue(loadedFromArchive("jdk.internal.logger.LazyLoggers"), "System.exit's logger from the archive");
      }
    }
  }

  private boolean loadedFromArchive(String className) throws IOException {
    String line = Files.readAllLines(dir.resolve("classes.log")).stream()
        .filter(l -> l.contains(" " + className + " source: "))
        .findFirst().orElseThrow(() -> new AssertionError(className + " was not loaded"));
    return line.contains("source: shared objects file");
  }

  private static void writeJar(Path jar, String task, String executor, Class<?>... classes) throws IOException {
    writeJar(jar, Map.of(ExecutorRegistry.RESOURCE_DIRECTORY + task, executor), classes);
  }

  /** A jar of {@code resources} (name to text) and {@code classes}. */
  private static void writeJar(Path jar, Map<String, String> resources, Class<?>... classes) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
      for (Map.Entry<String, String> resource : resources.entrySet()) {
        out.putNextEntry(new JarEntry(resource.getKey()));
        out.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
      }
      for (Class<?> type : classes) {
        String name = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(name));
        try (var in = type.getClassLoader().getResourceAsStream(name)) {
          in.transferTo(out);
        }
      }
    }
  }

  private static List<String> listing(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
