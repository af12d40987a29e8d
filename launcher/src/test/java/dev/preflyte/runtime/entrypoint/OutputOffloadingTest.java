package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.testing.ClassLoadLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralOffloadedMetadata;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.entrypoint.tasks.Templates;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.literal.LiteralContext;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.Storages;
import dev.preflyte.runtime.testing.S3TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs offloaded as flytekit's entrypoint offloads them when propeller sets {@code
 * _F_L_MIN_SIZE_MB}/{@code _F_L_MAX_SIZE_MB}: through {@link ExecuteCommand} on local files and on
 * S3, and once through a real {@code preflyte-execute} process.
 */
class OutputOffloadingTest {

  private static final int MIB = 1024 * 1024;
  /** 1.5 MiB: above a 1 MiB minimum, below a 2 MiB maximum. */
  private static final long BIG = 3 * MIB / 2;
  private static final long SMALL = 100;

  @TempDir Path dir;

  private record Run(int exit, String stderr, String prefix) {}

  /** Writes task.pb and inputs.pb under {@code prefix}, as propeller does. */
  private static void prepare(Storage storage, String prefix) {
    TaskTemplate template = Templates.sizedOutputs();
    storage.writeAtomically(prefix + "/task.pb", template.toByteArray());
    storage.writeAtomically(prefix + "/inputs.pb", LiteralMap.newBuilder()
        .putLiterals("small", Literals.integer(SMALL)).putLiterals("big", Literals.integer(BIG)).build().toByteArray());
  }

  private Run execute(Storage storage, String prefix, Map<String, String> offloading) {
    prepare(storage, prefix);
    Map<String, String> env = new HashMap<>(offloading);
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int exit = new ExecuteCommand(env, storage, getClass().getClassLoader(),
        new PrintStream(stderr, true, StandardCharsets.UTF_8), Clock.systemUTC(), dir.resolve("no-secrets"))
        .run(args(prefix));
    return new Run(exit, stderr.toString(StandardCharsets.UTF_8), prefix + "/0");
  }

  private static String[] args(String prefix) {
    return new String[] {"--inputs", prefix + "/inputs.pb", "--output-prefix", prefix + "/0",
        "--raw-output-data-prefix", prefix + "/raw", "--resolver", TemplateFileResolver.NAME,
        "--", prefix + "/task.pb", Templates.PACKAGE + "SizedOutputs"};
  }

  private static LiteralMap outputs(Storage storage, Run run) throws Exception {
    assertEquals(0, run.exit(), run.stderr());
    assertFalse(storage.exists(run.prefix() + "/error.pb"), () -> errorOf(storage, run).toString());
    return LiteralMap.parseFrom(storage.read(run.prefix() + "/outputs.pb"));
  }

  private static ContainerError errorOf(Storage storage, Run run) {
    try {
      return ErrorDocument.parseFrom(storage.read(run.prefix() + "/error.pb")).getError();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The big output offloaded as flytekit writes it, the small one inline. */
  private void assertOffloadedAsFlytekitDoes(Storage storage, Run run) throws Exception {
    LiteralMap outputs = outputs(storage, run);
    Literal big = Literals.string("x".repeat((int) BIG));
    assertEquals(Literals.string("x".repeat((int) SMALL)), outputs.getLiteralsOrThrow("small"));

    Literal offloaded = outputs.getLiteralsOrThrow("big");
    String file = run.prefix() + "/big_offloaded_metadata.pb";
    assertEquals(Literal.newBuilder()
        .setOffloadedMetadata(LiteralOffloadedMetadata.newBuilder()
            .setUri(file)
            .setSizeBytes(big.getSerializedSize())
            .setInferredType(Literals.simple(SimpleType.STRING)))
        .setHash(ProtobufJsonHash.of(big))
        .build(), offloaded);
    assertEquals(big, Literal.parseFrom(storage.read(file)));
    assertFalse(storage.exists(run.prefix() + "/small_offloaded_metadata.pb"));
    // And it reads back through the codecs, as a downstream Preflyte task would receive it.
    assertEquals("x".repeat((int) BIG), LiteralCodecs.string().decode(offloaded, LiteralContext.of("", dir, storage)));
  }

  @Test
  void anOutputOfAtLeastTheMinimumIsOffloadedBesideOutputsPb() throws Exception {
    try (Storages storage = Storages.standard(Map.of())) {
      Run run = execute(storage, dir.resolve("local").toString(), Map.of("_F_L_MIN_SIZE_MB", "1", "_F_L_MAX_SIZE_MB", "2"));
      assertOffloadedAsFlytekitDoes(storage, run);
    }
  }

  @Test
  void onS3TheOffloadedLiteralIsAnObjectBesideOutputsPb() throws Exception {
    S3TestServer s3 = S3TestServer.shared();
    try (Storages storage = Storages.standard(s3.environment())) {
      Run run = execute(storage, "s3://" + s3.newBucket() + "/metadata/n0", Map.of("_F_L_MIN_SIZE_MB", "1"));
      assertOffloadedAsFlytekitDoes(storage, run);
    }
  }

  @Test
  void withoutTheMinimumSetEveryOutputStaysInlineWhateverTheMaximum() throws Exception {
    try (Storages storage = Storages.standard(Map.of())) {
      Run run = execute(storage, dir.toString(), Map.of("_F_L_MAX_SIZE_MB", "1"));
      LiteralMap outputs = outputs(storage, run);
      assertEquals(Literals.string("x".repeat((int) BIG)), outputs.getLiteralsOrThrow("big"));
      try (var files = Files.list(dir.resolve("0"))) {
        assertEquals(List.of("outputs.pb"), files.map(path -> path.getFileName().toString()).toList());
      }
    }
  }

  @Test
  void aZeroMinimumOffloadsEveryOutput() throws Exception {
    try (Storages storage = Storages.standard(Map.of())) {
      LiteralMap outputs = outputs(storage, execute(storage, dir.toString(), Map.of("_F_L_MIN_SIZE_MB", "0")));
      assertTrue(outputs.getLiteralsOrThrow("small").hasOffloadedMetadata());
      assertTrue(outputs.getLiteralsOrThrow("big").hasOffloadedMetadata());
    }
  }

  @Test
  void anOutputOfAtLeastTheMaximumIsTheUsersErrorNamingItAndItsSize() throws Exception {
    try (Storages storage = Storages.standard(Map.of())) {
      Run run = execute(storage, dir.toString(), Map.of("_F_L_MIN_SIZE_MB", "0", "_F_L_MAX_SIZE_MB", "1"));

      assertEquals(0, run.exit(), run.stderr());
      ContainerError error = errorOf(storage, run);
      assertEquals("USER:OutputTooLarge", error.getCode());
      assertEquals(ContainerError.Kind.NON_RECOVERABLE, error.getKind());
      assertEquals(ExecutionError.ErrorKind.USER, error.getOrigin());
      long size = Literals.string("x".repeat((int) BIG)).getSerializedSize();
      assertTrue(error.getMessage().contains("output 'big' is " + size + " bytes, at least the 1048576 bytes"
          + " (_F_L_MAX_SIZE_MB)"), error.getMessage());
      try (var files = Files.list(dir.resolve("0"))) {
        assertEquals(List.of("error.pb"), files.map(path -> path.getFileName().toString()).toList(),
            "nothing offloaded, no outputs.pb");
      }
    }
  }

  @Test
  void settingsAreReadAsPythonsIntReadsThem() {
    assertEquals(2L * MIB, OutputOffloading.fromEnvironment(Map.of("_F_L_MIN_SIZE_MB", " 2\n")).minBytes());
    assertEquals(10L * MIB, OutputOffloading.fromEnvironment(Map.of("_F_L_MIN_SIZE_MB", "1_0")).minBytes());
    assertEquals(3L * MIB, OutputOffloading.fromEnvironment(Map.of("_F_L_MIN_SIZE_MB", "+3")).minBytes());
    assertEquals(-1L * MIB, OutputOffloading.fromEnvironment(Map.of("_F_L_MIN_SIZE_MB", "-1")).minBytes());
    assertEquals(1000L * MIB, OutputOffloading.fromEnvironment(Map.of("_F_L_MIN_SIZE_MB", "5")).maxBytes());
    assertEquals(7L * MIB, OutputOffloading.fromEnvironment(
        Map.of("_F_L_MIN_SIZE_MB", "5", "_F_L_MAX_SIZE_MB", "007")).maxBytes());
    for (String bad : new String[] {"", " ", "1.5", "10MB", "_1", "1_", "1__0", "- 1", "0x10"}) {
      RuntimeException error = assertThrows(OutputOffloading.OffloadingSettingsException.class,
          () -> OutputOffloading.fromEnvironment(Map.of("_F_L_MIN_SIZE_MB", "1", "_F_L_MAX_SIZE_MB", bad)));
      assertEquals("_F_L_MAX_SIZE_MB='" + bad + "' is not a whole number of MiB (flytekit reads it with int()): set it"
          + " to an integer such as 10, or unset _F_L_MIN_SIZE_MB to keep every output inline", error.getMessage());
    }
  }

  @Test
  void aBadSettingFailsBeforeTheTaskRunsWithAMessageNamingIt() throws Exception {
    try (Storages storage = Storages.standard(Map.of())) {
      Run run = execute(storage, dir.toString(), Map.of("_F_L_MIN_SIZE_MB", "ten"));

      ContainerError error = errorOf(storage, run);
      assertEquals(ExecutionError.ErrorKind.SYSTEM, error.getOrigin());
      assertTrue(error.getMessage().contains("_F_L_MIN_SIZE_MB='ten' is not a whole number of MiB"), error.getMessage());
      assertFalse(storage.exists(run.prefix() + "/outputs.pb"));
    }
  }

  @Test
  void aRealPreflyteExecuteProcessOffloadsAndLoadsTheOffloadingClassesOnlyWhenAskedTo() throws Exception {
    try (Storages storage = Storages.standard(Map.of())) {
      String offloaded = dir.resolve("offloaded").toString();
      prepare(storage, offloaded);
      JavaProcess.Result result = preflyteExecute(offloaded, Map.of("_F_L_MIN_SIZE_MB", "1"));
      assertEquals(0, result.exitCode(), result.stderr());
      assertOffloadedAsFlytekitDoes(storage, new Run(0, result.stderr(), offloaded + "/0"));
      assertTrue(loadedClasses(result).contains(OutputOffloading.class.getName()), "the class-load log is read");

      String inline = dir.resolve("inline").toString();
      prepare(storage, inline);
      JavaProcess.Result plain = preflyteExecute(inline, Map.of());
      assertEquals(0, plain.exitCode(), plain.stderr());
      assertFalse(outputs(storage, new Run(0, plain.stderr(), inline + "/0")).getLiteralsOrThrow("big").hasOffloadedMetadata());
      List<String> loaded = loadedClasses(plain);
      assertTrue(loaded.contains(ExecuteCommand.class.getName()), "the class-load log is read");
      assertEquals(List.of(), loaded.stream()
          .filter(name -> name.startsWith(OutputOffloading.class.getName()) || name.equals(ProtobufJsonHash.class.getName()))
          .toList(), "a run without _F_L_MIN_SIZE_MB loads nothing of offloading");
    }
  }

  private JavaProcess.Result preflyteExecute(String prefix, Map<String, String> offloading) throws Exception {
    Map<String, String> env = new HashMap<>(offloading);
    env.put("FLYTE_SECRETS_DEFAULT_DIR", dir.resolve("no-secrets").toString());
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"),
        PreflyteExecute.class.getName()));
    command.addAll(List.of(args(prefix)));
    return JavaProcess.run(dir, env, command);
  }

  private static List<String> loadedClasses(JavaProcess.Result result) {
    return ClassLoadLog.classNames(result.stdout());
  }
}
