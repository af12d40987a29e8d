package dev.preflyte.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.entrypoint.tasks.SumExecutor;
import dev.preflyte.runtime.harness.ContainerPluginHarness;
import dev.preflyte.runtime.harness.ContainerPluginHarness.Outcome;
import dev.preflyte.runtime.local.TestTask;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.testing.GcsStandInServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built preflyte-&lt;version&gt;.tar.gz, unpacked into a folder of its own (a path with a space,
 * far from the repository): its launchers find their home from where they are, directly and through
 * a symbolic link on PATH, run a task as Flyte's container plugin does, and load a storage backend
 * from backends/ only when a URI of its scheme is used.
 */
class DistributionIT {

  private static final Path ARCHIVE = Path.of(System.getProperty("preflyte.distribution"));
  private static final String VERSION = System.getProperty("preflyte.version");
  private static final TaskInterface SUM = TaskInterface.builder()
      .input("a", TestTask.simple(SimpleType.INTEGER)).input("b", TestTask.simple(SimpleType.INTEGER))
      .output("sum", TestTask.simple(SimpleType.INTEGER)).build();

  @TempDir static Path unpacked;
  private static Path home;
  private static String taskClassPath;

  @TempDir Path dir;

  @BeforeAll
  static void unpack() throws Exception {
    Path target = Files.createDirectories(unpacked.resolve("un packed"));
    Result tar = run(target, Map.of(), List.of("tar", "-xzf", ARCHIVE.toString()));
    assertEquals(0, tar.exit(), tar.err());
    home = target.resolve("preflyte-" + VERSION);
    taskClassPath = Path.of(SumExecutor.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  record Result(int exit, String out, String err) {}

  /** Runs {@code command} with the test JVM's environment minus any PREFLYTE_HOME, plus {@code env}. */
  private static Result run(Path workDir, Map<String, String> env, List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().remove("PREFLYTE_HOME");
    builder.environment().remove("PREFLYTE_CLASSPATH");
    builder.environment().putAll(env);
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished: " + command);
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Map<String, String> taskEnvironment() {
    return Map.of("PREFLYTE_CLASSPATH", taskClassPath, "JAVA_HOME", System.getProperty("java.home"),
        "FLYTE_SECRETS_DEFAULT_DIR", dir.resolve("no-secrets").toString());
  }

  private static TaskTemplate sumTemplate() {
    return new TestTask("dev.preflyte.runtime.entrypoint.tasks.Sum", SUM, Map.of())
        .toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "v1"));
  }

  private static LiteralMap inputs(long a, long b) {
    return LiteralMap.newBuilder().putLiterals("a", Literals.integer(a)).putLiterals("b", Literals.integer(b)).build();
  }

  private ContainerPluginHarness harness(Path binDirectory) {
    ContainerPluginHarness harness = new ContainerPluginHarness(binDirectory);
    taskEnvironment().forEach(harness::env);
    return harness;
  }

  @Test
  void theTreeFollowsTheLayout() throws IOException {
    for (String launcher : List.of("bin/preflyte", "bin/preflyte-execute")) {
      assertTrue(Files.isExecutable(home.resolve(launcher)), launcher);
    }
    assertTrue(Files.exists(home.resolve("lib/preflyte-launcher-" + VERSION + ".jar")));
    assertTrue(Files.exists(home.resolve("lib/preflyte-api-" + VERSION + ".jar")));
    assertTrue(Files.exists(home.resolve("cli/preflyte-cli-" + VERSION + ".jar")));
    for (String backend : List.of("s3", "azure", "gcs")) {
      assertTrue(Files.exists(home.resolve("backends/" + backend + "/preflyte-storage-" + backend + "-" + VERSION + ".jar")),
          backend);
    }
    try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
      // No backend or cloud SDK on preflyte-execute's class path: what the README's layout names.
      assertEquals(List.of("preflyte-api", "preflyte-conventions", "preflyte-launcher", "protobuf-java", "slf4j-api",
              "slf4j-simple"),
          lib.map(jar -> jar.getFileName().toString().replaceAll("-[0-9][^-]*(-SNAPSHOT)?\\.jar$", "")).sorted().toList());
    }
    assertTrue(Files.isRegularFile(home.resolve("preflyte.jsa")));
  }

  @Test
  void everyBundledJarHasItsLicenceNamed() throws IOException {
    String notices = Files.readString(home.resolve("licenses/THIRD-PARTY.txt"), StandardCharsets.UTF_8);
    List<Path> jars;
    try (Stream<Path> files = Files.walk(home)) {
      jars = files.filter(file -> file.toString().endsWith(".jar")).toList();
    }
    assertTrue(jars.size() > 100, "jars: " + jars.size());
    for (Path jar : jars) {
      assertTrue(notices.contains("\n" + home.relativize(jar) + "  "), "listed: " + jar);
    }
    assertFalse(notices.contains("none declared"), "every jar's licence is found");
    assertFalse(notices.contains("coordinates unknown"));
    assertTrue(notices.contains("lib/protobuf-java-4.33.5.jar  com.google.protobuf:protobuf-java:4.33.5\n  licence: BSD-3-Clause"),
        "protobuf's licence from its parent POM");
    // Jackson carries its LICENSE and NOTICE in META-INF.
    assertTrue(Files.isRegularFile(home.resolve("licenses/jackson-core-2.18.7/META-INF_LICENSE")));
  }

  @Test
  void theArchiveIsReproducibleInOrderAndTimes() throws Exception {
    Result listing = run(dir, Map.of("TZ", "UTC"), List.of("tar", "--full-time", "-tvzf", ARCHIVE.toString()));
    assertEquals(0, listing.exit(), listing.err());
    Map<String, List<String>> byFolder = new HashMap<>();
    for (String line : listing.out().lines().toList()) {
      String[] fields = line.trim().split("\\s+");
      assertEquals("2026-01-01 00:00:00", fields[3] + " " + fields[4], "fixed time: " + line);
      String name = fields[fields.length - 1].replaceAll("/$", "");
      String folder = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
      String kind = line.startsWith("d") ? " (folders)" : " (files)";
      byFolder.computeIfAbsent(folder + kind, key -> new ArrayList<>()).add(name);
    }
    // The top level follows the descriptor's file sets; below it, a folder's subfolders and its
    // files each come in name order.
    byFolder.keySet().removeIf(key -> key.startsWith("preflyte-" + VERSION + " ") || key.startsWith(" "));
    assertTrue(byFolder.containsKey("preflyte-" + VERSION + "/backends/gcs (files)"), byFolder.keySet().toString());
    byFolder.forEach((folder, names) -> assertEquals(names.stream().sorted().toList(), names, "order in " + folder));
  }

  @Test
  void preflyteVersionRunsFromTheUnpackedTree() throws Exception {
    Result version = run(dir, taskEnvironment(), List.of(home.resolve("bin/preflyte").toString(), "--version"));
    assertEquals(0, version.exit(), version.err());
    assertEquals("preflyte " + VERSION, version.out().strip());
  }

  @Test
  void aTaskRunsThroughPreflyteExecuteAsTheContainerPluginCallsIt() throws Exception {
    Outcome outcome = harness(home.resolve("bin")).run(sumTemplate(), inputs(40, 2), dir, 0);

    assertEquals(Outcome.Phase.SUCCEEDED, outcome.phase(), outcome.toString());
    assertEquals(42, outcome.outputs().getLiteralsOrThrow("sum").getScalar().getPrimitive().getInteger());
    assertEquals("preflyte-execute", outcome.command().get(0));
  }

  @Test
  void aSymlinkOnPathFindsTheTree() throws Exception {
    Path links = Files.createDirectories(dir.resolve("usr/local/bin"));
    Path link = Files.createSymbolicLink(links.resolve("preflyte-execute"), home.resolve("bin/preflyte-execute"));
    try {
      Outcome outcome = harness(links).run(sumTemplate(), inputs(1, 2), dir, 1);

      assertEquals(Outcome.Phase.SUCCEEDED, outcome.phase(), outcome.toString());
      assertEquals(3, outcome.outputs().getLiteralsOrThrow("sum").getScalar().getPrimitive().getInteger());
    } finally {
      Files.delete(link); // the temporary folder's clean-up would follow it out of the folder
    }
  }

  /** preflyte-execute of the unpacked tree, logging every class it loads to {@code classLog}. */
  private Result execute(Map<String, String> extraEnvironment, Path classLog, String outputPrefix) throws Exception {
    Files.write(dir.resolve("task.pb"), sumTemplate().toByteArray());
    Files.write(dir.resolve("inputs.pb"), inputs(20, 22).toByteArray());
    Map<String, String> env = new HashMap<>(taskEnvironment());
    env.putAll(extraEnvironment);
    env.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog + " " + extraEnvironment.getOrDefault("JAVA_OPTS", ""));
    return run(dir, env, List.of(home.resolve("bin/preflyte-execute").toString(), "--inputs", "inputs.pb",
        "--output-prefix", outputPrefix, "--raw-output-data-prefix", dir.resolve("raw").toString(),
        "--resolver", "dev.preflyte.runtime.entrypoint.TemplateFileResolver", "--", "task.pb",
        "dev.preflyte.runtime.entrypoint.tasks.Sum"));
  }

  @Test
  void aLocalRunOpensNoBackendFolder() throws Exception {
    Path classLog = dir.resolve("classes.log");
    Result result = execute(Map.of(), classLog, "out");

    assertEquals(0, result.exit(), result.err());
    assertTrue(Files.isRegularFile(dir.resolve("out/outputs.pb")));
    List<String> log = Files.readAllLines(classLog);
    assertTrue(log.stream().anyMatch(line -> line.contains("dev.preflyte.runtime.storage.LocalStorage ")),
        "the class-load log is read");
    assertEquals(List.of(), log.stream()
        .filter(line -> line.contains("/backends/") || line.contains("dev.preflyte.runtime.storage.BackendFolders")
            || line.contains("java.net.URLClassLoader "))
        .toList(), "nothing loaded from or for backends/");
  }

  @Test
  void aGsUriLoadsTheGcsFolder() throws Exception {
    Path classLog = dir.resolve("classes.log");
    try (GcsStandInServer gcs = new GcsStandInServer(null)) {
      gcs.createBucket("flyte-metadata");
      Result result = execute(Map.of("STORAGE_EMULATOR_HOST", gcs.endpoint()), classLog, "gs://flyte-metadata/n0/0");

      assertEquals(0, result.exit(), result.err());
      LiteralMap outputs = LiteralMap.parseFrom(gcs.object("flyte-metadata", "n0/0/outputs.pb"));
      assertEquals(42, outputs.getLiteralsOrThrow("sum").getScalar().getPrimitive().getInteger());
    }
    List<String> log = Files.readAllLines(classLog);
    assertTrue(log.stream().anyMatch(line -> line.contains("dev.preflyte.runtime.storage.gcs.GcsStorage ")
        && line.contains("/backends/gcs/preflyte-storage-gcs-")), "the GCS backend came from backends/gcs");
    assertTrue(log.stream().noneMatch(line -> line.contains("/backends/s3/") || line.contains("/backends/azure/")),
        "no other backend's folder");
  }

  @Test
  void theStartUpArchiveIsMadeAgainWhereTheTreeNowIs() throws Exception {
    // The build's archive names the jars where the build laid them out: unusable here, so made anew,
    // for the runtime alone (the tests' task jar holds broken registrations on purpose, which the
    // training run would refuse); the task's jar appended at run time keeps the archive usable.
    Result archive = run(dir, Map.of("JAVA_HOME", System.getProperty("java.home")),
        List.of(home.resolve("bin/preflyte-train").toString()));
    assertEquals(0, archive.exit(), archive.err());

    // -Xshare:on: the JVM refuses to start unless it can map the archive.
    Result result = execute(Map.of("JAVA_OPTS", "-Xshare:on"), dir.resolve("classes.log"), "out");
    assertEquals(0, result.exit(), result.err());
    assertTrue(Files.readString(dir.resolve("classes.log")).contains("source: shared objects file"));
  }

  @Test
  void anUnknownSchemeNamesTheInstalledBackends() throws Exception {
    Result result = execute(Map.of(), dir.resolve("classes.log"), "ftp://host/n0/0");

    assertEquals(3, result.exit(), result.out() + result.err());
    assertTrue(result.err().contains("supported are [abfs://, abfss://, file://, gs://, s3://] and local paths"),
        result.err());
  }
}
