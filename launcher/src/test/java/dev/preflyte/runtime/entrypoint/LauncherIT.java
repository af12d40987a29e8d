package dev.preflyte.runtime.entrypoint;

import static dev.preflyte.runtime.entrypoint.tasks.Templates.PACKAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.entrypoint.tasks.RecordingLoggerFinder;
import dev.preflyte.runtime.entrypoint.tasks.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real launcher scripts, {@code bin/preflyte-execute} and {@code bin/preflyte}, against the
 * packaged distribution (launcher/target/preflyte), with the test tasks on PREFLYTE_CLASSPATH.
 */
class LauncherIT {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path BIN = MODULE.getParent().resolve("bin");

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws IOException {
    env.put("PREFLYTE_CLASSPATH", MODULE.resolve("target/test-classes").toString());
    // The JDK the build ran with made the start-up archive; the launcher must run the same one.
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("FLYTE_SECRETS_DEFAULT_DIR", dir.resolve("no-secrets").toString());
    Files.write(dir.resolve("task.pb"), Templates.sum(PACKAGE + "Sum").toByteArray());
    Files.write(dir.resolve("inputs.pb"), LiteralMap.newBuilder()
        .putLiterals("a", Literals.integer(2)).putLiterals("b", Literals.integer(3)).build().toByteArray());
  }

  private List<String> command(Path script, String executor, String... prefix) {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(prefix));
    command.addAll(List.of("--inputs", "inputs.pb", "--output-prefix", "out/0",
        "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}", "--prev-checkpoint", "\"\"",
        "--resolver", TemplateFileResolver.NAME, "--", "task.pb", executor));
    return command;
  }

  private long sum() throws IOException {
    LiteralMap outputs = LiteralMap.parseFrom(Files.readAllBytes(dir.resolve("out/0/outputs.pb")));
    return outputs.getLiteralsOrThrow("sum").getScalar().getPrimitive().getInteger();
  }

  @Test
  void runsATaskFromAnyDirectory() throws Exception {
    JavaProcess.Result result = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "Sum"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("", result.stderr() + result.stdout());
    assertEquals(5, sum());
  }

  @Test
  void followsSymlinksToFindItsLibraries() throws Exception {
    Path link = dir.resolve("links/preflyte-execute");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, BIN.resolve("preflyte-execute"));

    JavaProcess.Result result;
    try {
      result = JavaProcess.run(dir, env, command(link, PACKAGE + "Sum"));
    } finally {
      Files.delete(link); // the temporary directory's cleanup warns about links leading out of it
    }

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(5, sum());
  }

  @Test
  void theClassDataSharingArchiveMatchesTheClassPath() throws Exception {
    // -Xshare:on makes the JVM refuse to start when the archive cannot be used.
    env.put("JAVA_OPTS", "-Xshare:on");
    JavaProcess.Result result = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "Sum"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(5, sum());
  }

  @Test
  void aRelocatedDistributionGetsItsOwnArchive() throws Exception {
    Path home = relocatedHome("opt/preflyte");
    Map<String, String> training = trainingEnvironment();
    JavaProcess.Result archive = JavaProcess.run(dir, training, List.of(BIN.resolve("preflyte").toString(), "cds-archive"));
    assertEquals(0, archive.exitCode(), archive.stderr());
    assertTrue(Files.exists(home.resolve("preflyte.jsa")));

    env.put("JAVA_OPTS", "-Xshare:on");
    JavaProcess.Result result = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "Sum"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(5, sum());
  }

  /** A copy of the distribution's lib/ at {@code relative} under the test folder, made PREFLYTE_HOME. */
  private Path relocatedHome(String relative) throws IOException {
    Path home = dir.resolve(relative);
    Files.createDirectories(home.resolve("lib"));
    try (var jars = Files.list(MODULE.resolve("target/preflyte/lib"))) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, home.resolve("lib").resolve(jar.getFileName()));
      }
    }
    env.put("PREFLYTE_HOME", home.toString());
    return home;
  }

  /** The runtime alone: the test classes hold broken registrations on purpose, which training refuses. */
  private Map<String, String> trainingEnvironment() {
    Map<String, String> training = new HashMap<>(env);
    training.remove("PREFLYTE_CLASSPATH");
    return training;
  }

  @Test
  void everyPosixShellTrainsAndRunsFromAHomeWhosePathHasASpace() throws Exception {
    Path home = relocatedHome("opt/pre flyte");
    Map<String, String> training = trainingEnvironment();
    List<List<String>> shells = posixShells();

    for (List<String> shell : shells) {
      Files.deleteIfExists(home.resolve("preflyte.jsa"));
      List<String> train = new ArrayList<>(shell);
      train.add(BIN.resolve("preflyte-train").toString());
      JavaProcess.Result archive = JavaProcess.run(dir, training, train);
      assertEquals(0, archive.exitCode(), shell + ": " + archive.stderr());
      assertTrue(Files.exists(home.resolve("preflyte.jsa")), shell.toString());

      env.put("JAVA_OPTS", "-Xshare:on"); // refuses to start unless the archive fits the class path
      List<String> run = new ArrayList<>(shell);
      run.addAll(command(BIN.resolve("preflyte-execute"), PACKAGE + "Sum"));
      JavaProcess.Result result = JavaProcess.run(dir, env, run);
      env.remove("JAVA_OPTS");

      assertEquals(0, result.exitCode(), shell + ": " + result.stderr());
      assertEquals("", result.stderr() + result.stdout(), shell.toString());
      assertEquals(5, sum(), shell.toString());
      Files.delete(dir.resolve("out/0/outputs.pb"));
    }
  }

  /** /bin/sh, which the launchers name, and each of dash, bash and busybox's ash this machine has. */
  private static List<List<String>> posixShells() {
    List<List<String>> shells = new ArrayList<>(List.of(List.of("/bin/sh")));
    for (String name : List.of("dash", "bash", "busybox")) {
      for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        Path shell = Path.of(folder.isEmpty() ? "." : folder, name);
        if (Files.isExecutable(shell)) {
          shells.add(name.equals("busybox") ? List.of(shell.toString(), "sh") : List.of(shell.toString()));
          break;
        }
      }
    }
    return shells;
  }

  @Test
  void javaOptsAreAppendedToTheJvmFlags() throws Exception {
    env.put("JAVA_OPTS", "-XX:+NoSuchPreflyteFlag");
    JavaProcess.Result result = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "Sum"));

    assertTrue(result.exitCode() != 0);
    assertTrue(result.stderr().contains("NoSuchPreflyteFlag"), result.stderr());
  }

  @Test
  void loggingStartsOnItsOwnThreadUnlessTheUsersConfigurationDoes() throws Exception {
    Path jdkConfiguration = dir.resolve("jdk-configuration.log");
    env.put("JAVA_OPTS", "-Xlog:class+init=info:file=" + jdkConfiguration + ":tid");
    JavaProcess.Result result = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "Sum"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("", result.stderr() + result.stdout());
    assertEquals(5, sum());
    InitializingThreads jdks = InitializingThreads.read(jdkConfiguration);
    assertNotEquals(jdks.entrypoint(), jdks.logging(), "java.util.logging started on the main thread: " + jdks);

    Path usersConfiguration = dir.resolve("users-configuration.log");
    Path properties = Files.writeString(dir.resolve("logging.properties"), "handlers=java.util.logging.ConsoleHandler\n");
    env.put("JAVA_OPTS", "-Xlog:class+init=info:file=" + usersConfiguration + ":tid -Djava.util.logging.config.file=" + properties);
    result = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "Sum"));

    assertEquals(0, result.exitCode(), result.stderr());
    InitializingThreads users = InitializingThreads.read(usersConfiguration);
    assertEquals(users.entrypoint(), users.logging(), "a user's logging configuration was read off the main thread: " + users);
  }

  @Test
  void aLoggerFinderOfTheUsersIsLeftToTheExitOnTheMainThread() throws Exception {
    runOnJdk25("Runtime.exit's logger (JDK 21 on)");
    Path services = Files.createDirectories(dir.resolve("finder/META-INF/services"));
    Files.writeString(services.resolve("java.lang.System$LoggerFinder"), RecordingLoggerFinder.class.getName() + "\n");
    Path record = dir.resolve("finder-instantiated-by");
    env.put("PREFLYTE_CLASSPATH", env.get("PREFLYTE_CLASSPATH") + ":" + dir.resolve("finder"));
    env.put("JAVA_OPTS", "-D" + RecordingLoggerFinder.RECORD_PROPERTY + "=" + record);
    JavaProcess.Result result = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "Sum"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(5, sum());
    assertEquals(List.of("main"), Files.readAllLines(record)); // by Runtime.exit's logger, as without Preflyte
  }

  /**
   * The ids of the threads that initialized the entrypoint's class (the main thread) and java.util.logging's
   * LogManager, from a log of -Xlog:class+init=info with the tid decoration.
   */
  private record InitializingThreads(String entrypoint, String logging) {
    static InitializingThreads read(Path log) throws IOException {
      Pattern line = Pattern.compile("^\\[(\\d+)\\]\\s+\\d+\\s+Initializing '([^']+)'");
      Map<String, String> threads = new HashMap<>();
      for (String entry : Files.readAllLines(log)) {
        Matcher matcher = line.matcher(entry);
        if (matcher.find()) {
          threads.putIfAbsent(matcher.group(2), matcher.group(1));
        }
      }
      InitializingThreads found = new InitializingThreads(threads.get("dev/preflyte/runtime/entrypoint/PreflyteExecute"),
          threads.get("java/util/logging/LogManager"));
      assertTrue(found.entrypoint() != null && found.logging() != null, "not both initializations logged in " + log);
      return found;
    }
  }

  @Test
  void preflyteJitChoosesTheClientCompilerOnlyOrTheJvmsTieredCompilation() throws Exception {
    env.put("JAVA_OPTS", "-XX:+PrintCommandLineFlags");
    JitRuns runs = sumInBothJitModes();
    JavaProcess.Result quick = runs.quick();
    JavaProcess.Result optimizing = runs.optimizing();

    assertEquals(0, quick.exitCode(), quick.stderr());
    assertTrue(quick.stdout().contains("-XX:TieredStopAtLevel=1"), quick.stdout());
    assertEquals(0, optimizing.exitCode(), optimizing.stderr());
    assertTrue(!optimizing.stdout().contains("TieredStopAtLevel") && !optimizing.stdout().contains("CompileThresholdScaling"),
        optimizing.stdout());
    assertEquals(5, sum());
  }

  @Test
  void quickRunsOnJdk25CallReflectionThroughNativeAccessorsAndOptimizingOnesDoNot() throws Exception {
    Path jdk25 = runOnJdk25("the JDK 18+ reflection setting");
    env.put("JAVA_OPTS", "-XshowSettings:properties"); // printed on stderr
    JitRuns runs = sumInBothJitModes();

    for (JavaProcess.Result run : List.of(runs.quick(), runs.optimizing())) {
      assertEquals(0, run.exitCode(), run.stderr());
      assertTrue(run.stderr().contains("java.home = " + jdk25), run.stderr());
    }
    assertTrue(runs.quick().stderr().contains("jdk.reflect.useNativeAccessorOnly = true"), runs.quick().stderr());
    assertTrue(!runs.optimizing().stderr().contains("jdk.reflect.useNativeAccessorOnly"), runs.optimizing().stderr());
    assertEquals(5, sum());
  }

  /** Runs the launcher on Temurin 25 from here on, without the build's archive; skips the test without one. */
  private Path runOnJdk25(String untested) {
    Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(jdk25.resolve("bin/java")),
        "no Temurin 25 at " + jdk25 + ": " + untested + " is not tested");
    env.put("JAVA_HOME", jdk25.toString());
    env.put("PREFLYTE_CDS", "off"); // the build's archive is for the build's JDK
    return jdk25;
  }

  private record JitRuns(JavaProcess.Result quick, JavaProcess.Result optimizing) {}

  /** Sum through the launcher with the default PREFLYTE_JIT (quick), then with optimizing. */
  private JitRuns sumInBothJitModes() throws Exception {
    JavaProcess.Result quick = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "Sum"));
    env.put("PREFLYTE_JIT", "optimizing");
    JavaProcess.Result optimizing = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "Sum"));
    return new JitRuns(quick, optimizing);
  }

  @Test
  void anUnknownPreflyteJitIsOneLineNamingTheChoices() throws Exception {
    env.put("PREFLYTE_JIT", "fast");
    JavaProcess.Result result = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "Sum"));

    assertEquals(2, result.exitCode());
    assertEquals(1, result.stderrLines().size(), result.stderr());
    assertTrue(result.stderr().startsWith("preflyte-execute: PREFLYTE_JIT is 'fast', not one of quick"), result.stderr());
    assertTrue(Files.notExists(dir.resolve("out/0")));
  }

  @Test
  void failuresWriteTheErrorDocument() throws Exception {
    JavaProcess.Result result = JavaProcess.run(dir, env,
        command(BIN.resolve("preflyte-execute"), "com.acme.NotRegistered"));

    assertEquals(0, result.exitCode(), result.stderr());
    ErrorDocument error = ErrorDocument.parseFrom(Files.readAllBytes(dir.resolve("out/0/error.pb")));
    assertEquals("SYSTEM:ExecutorLoad", error.getError().getCode());
    assertTrue(error.getError().getMessage().contains(PACKAGE + "Sum"), error.getError().getMessage());
  }

  @Test
  void theCliExecuteSubcommandRunsTheTask() throws Exception {
    JavaProcess.Result result = JavaProcess.run(dir, env, command(BIN.resolve("preflyte"), PACKAGE + "Sum", "execute"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(5, sum());
  }

  @Test
  void theRunsScratchGoesToTmpdirElseToTheWorkingDirectory() throws Exception {
    Files.write(dir.resolve("task.pb"), Templates.contextProbe().toByteArray());
    Files.write(dir.resolve("inputs.pb"), LiteralMap.getDefaultInstance().toByteArray());
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    env.put("TMPDIR", tmp.toString());
    JavaProcess.Result given = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "ContextProbe"));
    assertEquals(0, given.exitCode(), given.stderr());
    assertTrue(workdir().startsWith(tmp.resolve("preflyte-work-").toString()), workdir());

    // A TMPDIR nothing can be written to (missing here, read-only on a read-only root): the working directory.
    env.put("TMPDIR", dir.resolve("no-such-folder").toString());
    JavaProcess.Result fallback = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "ContextProbe"));
    assertEquals(0, fallback.exitCode(), fallback.stderr());
    assertEquals("", fallback.stderr());
    assertTrue(workdir().startsWith(dir.resolve("preflyte-work-").toString()), workdir());
    try (var left = Files.list(dir)) {
      assertEquals(List.of(), left.map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith(".preflyte-verdict-") || name.startsWith("preflyte-")).toList());
    }
  }

  @Test
  void aJvmCutShortIsCaughtWithTheMarkerInTheWorkingDirectory() throws Exception {
    Files.write(dir.resolve("task.pb"), ExecuteCase.hostileTemplate(Map.of("mode", ExecuteCase.STRING)).toByteArray());
    Files.write(dir.resolve("inputs.pb"), ExecuteCase.mode("halt0").toByteArray());
    env.put("TMPDIR", dir.resolve("no-such-folder").toString());
    JavaProcess.Result result = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), ExecuteCase.HOSTILE));

    assertEquals(4, result.exitCode(), result.stderr());
    assertTrue(result.stderr().contains("before the run reached a verdict"), result.stderr());
  }

  private String workdir() throws IOException {
    LiteralMap outputs = LiteralMap.parseFrom(Files.readAllBytes(dir.resolve("out/0/outputs.pb")));
    return outputs.getLiteralsOrThrow("workdir").getScalar().getPrimitive().getStringValue();
  }

  @Test
  void missingLibrariesAreOneLineTellingHowToBuildThem() throws Exception {
    env.put("PREFLYTE_HOME", dir.resolve("nowhere").toString());
    JavaProcess.Result result = JavaProcess.run(dir, env, command(BIN.resolve("preflyte-execute"), PACKAGE + "Sum"));

    assertEquals(2, result.exitCode());
    assertEquals(1, result.stderrLines().size(), result.stderr());
    assertTrue(result.stderr().contains("mvn -B -DskipTests package"), result.stderr());
  }
}
