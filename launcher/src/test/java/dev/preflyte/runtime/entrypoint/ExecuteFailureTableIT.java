package dev.preflyte.runtime.entrypoint;

import static dev.preflyte.idl.core.ContainerError.Kind.NON_RECOVERABLE;
import static dev.preflyte.idl.core.ContainerError.Kind.RECOVERABLE;
import static dev.preflyte.idl.core.ExecutionError.ErrorKind.SYSTEM;
import static dev.preflyte.idl.core.ExecutionError.ErrorKind.USER;
import static dev.preflyte.runtime.entrypoint.ExecuteCase.INTEGER;
import static dev.preflyte.runtime.entrypoint.ExecuteCase.STRING;
import static dev.preflyte.runtime.entrypoint.ExecuteCase.hostileTemplate;
import static dev.preflyte.runtime.entrypoint.ExecuteCase.inputs;
import static dev.preflyte.runtime.entrypoint.ExecuteCase.mode;
import static dev.preflyte.runtime.entrypoint.ExecuteCase.named;
import static dev.preflyte.runtime.entrypoint.tasks.Templates.PACKAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.preflyte.idl.core.Blob;
import dev.preflyte.idl.core.BlobMetadata;
import dev.preflyte.idl.core.BlobType;
import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.entrypoint.tasks.Templates;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure contract of {@code preflyte-execute}, one row per way a run can go wrong, each run as
 * its own process through the real launcher script and the distribution's start-up archive: the
 * exit code, the error document (code, kind, origin, a message naming the cause), that no
 * {@code outputs.pb} appears where it must not, and that the run's temporary directory (work
 * directories, the launcher's verdict marker) is empty afterwards. Two runs at a time.
 */
class ExecuteFailureTableIT {

  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  @TempDir static Path root;
  private static final List<Path> mounts = new ArrayList<>();

  @AfterAll
  static void unmount() throws Exception {
    for (Path mount : mounts) {
      new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
    }
  }

  static List<ExecuteCase> cases() throws IOException {
    List<ExecuteCase> cases = new ArrayList<>(List.of(
        named("a task that returns its outputs").runs("ok").succeeds("done"),
        // The inputs file.
        named("inputs file missing").runs("ok").withoutInputs()
            .fails("SYSTEM:Storage", RECOVERABLE, SYSTEM, "cannot read the task inputs"),
        named("inputs file empty").inputsBytes(new byte[0])
            .fails("USER:InputMismatch", NON_RECOVERABLE, USER, "input 'mode' is declared by the task but missing"),
        named("inputs file truncated").inputsBytes(Arrays.copyOf(mode("truncated-on-purpose").toByteArray(), 9))
            .fails("SYSTEM:InputLoad", NON_RECOVERABLE, SYSTEM, "are not a serialized LiteralMap"),
        named("inputs file garbage").inputsBytes(new byte[] {(byte) 0xff, (byte) 0xff, 0x13, 0x07, 0x00, 0x42})
            .fails("SYSTEM:InputLoad", NON_RECOVERABLE, SYSTEM, "are not a serialized LiteralMap"),
        named("inputs file of another message type").inputsBytes(Templates.sum(PACKAGE + "Sum").toByteArray())
            .fails("SYSTEM:InputLoad", NON_RECOVERABLE, SYSTEM, "are not a serialized LiteralMap"),
        named("inputs nested 100000 deep").inputsBytes(deeplyNested(100_000))
            .fails("SYSTEM:InputLoad", NON_RECOVERABLE, SYSTEM, "are not a serialized LiteralMap"),
        named("inputs of 96 MiB under a 32 MiB heap").env("JAVA_OPTS", "-Xmx32m")
            .setup(dir -> sparse(dir.resolve("inputs.pb"), 96 << 20))
            .fails("USER:OutOfMemory", RECOVERABLE, USER, "OutOfMemoryError"),
        // The template and the image.
        named("template missing").runs("ok").withoutTemplate()
            .fails("SYSTEM:TemplateLoad", RECOVERABLE, SYSTEM, "cannot read the task template"),
        named("template truncated").runs("ok")
            .templateBytes(Arrays.copyOf(hostileTemplate(Map.of("mode", STRING)).toByteArray(), 20))
            .fails("SYSTEM:TemplateLoad", NON_RECOVERABLE, SYSTEM, "is not a serialized TaskTemplate"),
        named("template garbage").runs("ok").templateBytes(new byte[] {0x0a, (byte) 0xff, 0x01})
            .fails("SYSTEM:TemplateLoad", NON_RECOVERABLE, SYSTEM, "is not a serialized TaskTemplate"),
        named("template of another message type").runs("ok").templateBytes(mode("ok").toByteArray())
            .fails("SYSTEM:TemplateLoad", NON_RECOVERABLE, SYSTEM, "has no task type"),
        named("executor missing from the image").runs("ok").executor("com.acme.NotInTheImage")
            .fails("SYSTEM:ExecutorLoad", NON_RECOVERABLE, SYSTEM, "no executor is registered under the name"),
        named("executor class missing from the image").inputs(LiteralMap.newBuilder()
                .putLiterals("a", Literals.integer(1)).putLiterals("b", Literals.integer(2)).build())
            .template(Templates.sum(PACKAGE + "Gone")).executor(PACKAGE + "Gone")
            .fails("SYSTEM:ExecutorLoad", NON_RECOVERABLE, SYSTEM, "GoneExecutor"),
        named("custom missing a property").runs("custom")
            .fails("SYSTEM:TemplateLoad", NON_RECOVERABLE, SYSTEM, "custom property 'limit': missing"),
        named("custom property of the wrong type").runs("custom")
            .template(withCustom(Value.newBuilder().setStringValue("five").build()))
            .fails("SYSTEM:TemplateLoad", NON_RECOVERABLE, SYSTEM, "custom property 'limit': expected a number"),
        named("custom as declared").runs("custom")
            .template(withCustom(Value.newBuilder().setNumberValue(5).build())).succeeds("limit 5"),
        // Inputs against the interface.
        named("input missing").runs("ok").template(hostileTemplate(inputs("mode", STRING, "n", INTEGER)))
            .fails("USER:InputMismatch", NON_RECOVERABLE, USER, "input 'n' is declared by the task but missing"),
        named("input extra").inputs(mode("ok", "extra", Literals.integer(1)))
            .fails("USER:InputMismatch", NON_RECOVERABLE, USER, "input 'extra' is not declared by the task"),
        named("input of the wrong type").inputs(LiteralMap.newBuilder().putLiterals("mode", Literals.integer(7)).build())
            .fails("USER:InputMismatch", NON_RECOVERABLE, USER, "input 'mode': expected STRING"),
        // Outputs against the interface.
        named("output of the wrong type").runs("wrong-outputs")
            .fails("USER:OutputMismatch", NON_RECOVERABLE, USER, "output 'out': expected STRING"),
        named("output extra").runs("extra-outputs")
            .fails("USER:OutputMismatch", NON_RECOVERABLE, USER, "output 'surprise' is not declared"),
        named("outputs null").runs("null-outputs")
            .fails("USER:OutputMismatch", NON_RECOVERABLE, USER, "returned null instead of a LiteralMap"),
        // What task code throws.
        named("task throws an exception").runs("throw")
            .fails("USER:IllegalStateException", NON_RECOVERABLE, USER, "hostile task failed on purpose"),
        named("task throws an Error").runs("error")
            .fails("USER:AssertionError", NON_RECOVERABLE, USER, "hostile invariant broken"),
        named("task throws a recoverable exception").runs("recoverable")
            .fails("USER:Recoverable", RECOVERABLE, USER, "hostile service busy"),
        named("task throws an unprintable exception").runs("unprintable")
            .fails("USER:Unprintable", NON_RECOVERABLE, USER, "its toString() threw java.lang.IllegalStateException"),
        named("task runs out of memory").runs("oom", "JAVA_OPTS", "-Xmx48m")
            .fails("USER:OutOfMemory", RECOVERABLE, USER, "java.lang.OutOfMemoryError"),
        // Where the verdict goes.
        named("output prefix unwritable, task fails").runs("throw").outputPrefix("blocker/0")
            .setup(dir -> Files.write(dir.resolve("blocker"), new byte[] {1}))
            .endsWithoutDocument(ExecuteCommand.EXIT_ERROR_NOT_WRITTEN, "cannot write blocker/0/error.pb"),
        named("output prefix unwritable, task succeeds").runs("ok").outputPrefix("blocker/0")
            .setup(dir -> Files.write(dir.resolve("blocker"), new byte[] {1}))
            .endsWithoutDocument(ExecuteCommand.EXIT_ERROR_NOT_WRITTEN, "SYSTEM:Storage"),
        named("disk full (64 KiB tmpfs) for 300 KB of outputs").runs("big-outputs").asRoot().outputPrefix("full/0")
            .setup(ExecuteFailureTableIT::mountTinyTmpfs)
            .fails("SYSTEM:Storage", RECOVERABLE, SYSTEM, "No space left on device"),
        // Task code that ends the JVM itself.
        named("task calls System.exit(0)").runs("exit0")
            .fails("USER:SystemExit", NON_RECOVERABLE, USER, "task code ended the JVM (System.exit)"),
        named("task calls System.exit(0) with FLYTE_FAIL_ON_ERROR=1").runs("exit0", "FLYTE_FAIL_ON_ERROR", "1")
            .failsWithExit(1, "USER:SystemExit", NON_RECOVERABLE, USER, "System.exit"),
        named("task calls System.exit(0), its shutdown hook never returns")
            .runs("hook-blocks", "PREFLYTE_SHUTDOWN_GRACE_SECONDS", "1")
            .fails("USER:SystemExit", NON_RECOVERABLE, USER, "System.exit"),
        named("task calls Runtime.halt(0)").runs("halt0").leavesScratch()
            .endsWithoutDocument(4, "before the run reached a verdict (task code called Runtime.halt"),
        // Inputs that point into the container.
        named("file input in the secrets mount").setup(dir -> ExecuteCase.write(dir.resolve("secrets/db/password"),
                "s3cr3t".getBytes()))
            .inputs(mode("read-blob", "f", blob("secrets/db/password"))).template(blobTemplate())
            .fails("USER:InputLocation", NON_RECOVERABLE, USER, "input 'f' points into the container"),
        named("file input /proc/self/environ").inputs(mode("read-blob", "f", blob("/proc/self/environ")))
            .template(blobTemplate())
            .fails("USER:InputLocation", NON_RECOVERABLE, USER, "input 'f' points into the container"),
        named("file input /dev/zero").inputs(mode("read-blob", "f", blob("file:///dev/zero"))).template(blobTemplate())
            .fails("USER:InputLocation", NON_RECOVERABLE, USER, "/dev/zero is refused"),
        named("file input a FIFO in the data directory").setup(dir -> mkfifo(dir.resolve("fifo")))
            .inputs(mode("read-blob", "f", blob("fifo"))).template(blobTemplate())
            .fails("USER:InputLocation", NON_RECOVERABLE, USER, "a device, FIFO or socket"),
        named("file input a link out of the data directory")
            .setup(dir -> Files.createSymbolicLink(dir.resolve("passwd"), Path.of("/etc/passwd")))
            .inputs(mode("read-blob", "f", blob("passwd"))).template(blobTemplate())
            .fails("USER:InputLocation", NON_RECOVERABLE, USER, "outside the task's data directories"),
        named("file input a directory").setup(dir -> Files.createDirectories(dir.resolve("folder")))
            .inputs(mode("read-blob", "f", blob("folder"))).template(blobTemplate())
            .fails("USER:InputLocation", NON_RECOVERABLE, USER, "a directory, not a regular file"),
        named("file input in the data directory").setup(dir -> Files.writeString(dir.resolve("data.txt"), "payload"))
            .inputs(mode("read-blob", "f", blob("data.txt"))).template(blobTemplate()).succeeds("payload")));
    // FLYTE_FAIL_ON_ERROR as flytekit reads it: true, t or 1 in any case.
    for (String on : List.of("true", "TRUE", "True", "t", "T", "1")) {
      cases.add(named("FLYTE_FAIL_ON_ERROR=" + on).runs("throw", "FLYTE_FAIL_ON_ERROR", on)
          .failsWithExit(1, "USER:IllegalStateException", NON_RECOVERABLE, USER, "hostile task failed"));
    }
    for (String off : List.of("false", "0", "yes", "")) {
      cases.add(named("FLYTE_FAIL_ON_ERROR='" + off + "'").runs("throw", "FLYTE_FAIL_ON_ERROR", off)
          .fails("USER:IllegalStateException", NON_RECOVERABLE, USER, "hostile task failed"));
    }
    cases.add(named("FLYTE_FAIL_ON_ERROR=1 on success").runs("ok", "FLYTE_FAIL_ON_ERROR", "1").succeeds("done"));
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> everyRowOfTheTable() throws Exception {
    List<ExecuteCase> cases = cases();
    assertTrue(cases.size() >= 40, "at least 40 cases: " + cases.size());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Run>> runs = new ArrayList<>();
    try {
      for (int i = 0; i < cases.size(); i++) {
        ExecuteCase row = cases.get(i);
        Path dir = Files.createDirectories(root.resolve("case-" + i));
        runs.add(pool.submit(() -> run(row, dir)));
      }
      List<DynamicTest> tests = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        ExecuteCase row = cases.get(i);
        Run run = runs.get(i).get();
        tests.add(DynamicTest.dynamicTest(row.name, () -> check(row, run)));
      }
      return tests.stream();
    } finally {
      pool.shutdownNow();
    }
  }

  record Run(Path dir, JavaProcess.Result result, boolean skipped) {}

  private static Run run(ExecuteCase row, Path dir) throws Exception {
    if (row.needsRoot && !ROOT) {
      return new Run(dir, null, true);
    }
    Files.write(dir.resolve("task.pb"), row.templateBytes != null ? row.templateBytes : row.template.toByteArray());
    Files.write(dir.resolve("inputs.pb"), row.inputsBytes != null ? row.inputsBytes
        : row.inputs == null ? new byte[0] : row.inputs.toByteArray());
    for (ExecuteCase.Setup setup : row.setups) {
      setup.prepare(dir);
    }
    if (row.deleteTemplate) {
      Files.delete(dir.resolve("task.pb"));
    }
    if (row.deleteInputs) {
      Files.delete(dir.resolve("inputs.pb"));
    }
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Map<String, String> env = LauncherRuns.environment(dir, tmp, row.env);
    List<String> command = LauncherRuns.command(row.outputPrefix, "{{.rawOutputDataPrefix}}", row.executor);
    return new Run(dir, JavaProcess.run(dir, env, command), false);
  }

  private static void check(ExecuteCase row, Run run) throws IOException {
    assumeTrue(!run.skipped(), "needs root to mount a tmpfs");
    JavaProcess.Result result = run.result();
    String context = row.name + "\nexit " + result.exitCode() + "\nstderr: " + tail(result.stderr());
    Path out = run.dir().resolve(row.outputPrefix);
    assertEquals(row.exitCode, result.exitCode(), context);
    if (row.outputValue != null) {
      assertFalse(Files.exists(out.resolve("error.pb")), context);
      LiteralMap outputs = LiteralMap.parseFrom(Files.readAllBytes(out.resolve("outputs.pb")));
      assertEquals(row.outputValue, outputs.getLiteralsOrThrow("out").getScalar().getPrimitive().getStringValue());
    } else if (row.noDocument) {
      assertFalse(Files.exists(out.resolve("outputs.pb")), context);
      assertFalse(Files.exists(out.resolve("error.pb")), context);
      assertTrue(result.stderr().contains(row.stderrContains), context);
    } else {
      assertFalse(Files.exists(out.resolve("outputs.pb")), "no outputs.pb on failure: " + context);
      assertTrue(Files.exists(out.resolve("error.pb")), "error.pb: " + context);
      ContainerError error = ErrorDocument.parseFrom(Files.readAllBytes(out.resolve("error.pb"))).getError();
      String message = error.getMessage();
      assertEquals(row.code, error.getCode(), message);
      assertEquals(row.kind, error.getKind(), message);
      assertEquals(row.origin, error.getOrigin(), message);
      assertTrue(message.contains(row.messageContains), "message names the cause: " + tail(message));
      assertTrue(error.getTimestamp().getSeconds() > 0 && !error.getWorker().isBlank(), message);
    }
    if (Files.isDirectory(out)) {
      try (Stream<Path> left = Files.list(out)) {
        List<Path> partial = left.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        assertTrue(partial.isEmpty(), "partial files left: " + partial);
      }
    }
    try (Stream<Path> left = Files.list(run.dir().resolve("tmp"))) {
      // Runtime.halt skips all clean-up; the launcher still removes its marker.
      List<Path> leftovers = left.filter(p -> !row.leavesScratch || !p.getFileName().toString().startsWith("preflyte-"))
          .toList();
      assertTrue(leftovers.isEmpty(), "work directories or the verdict marker left: " + leftovers);
    }
  }

  private static String tail(String text) {
    return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
  }

  private static dev.preflyte.idl.core.TaskTemplate withCustom(Value limit) {
    return hostileTemplate(Map.of("mode", STRING)).toBuilder()
        .setCustom(Struct.newBuilder().putFields("limit", limit)).build();
  }

  private static dev.preflyte.idl.core.TaskTemplate blobTemplate() {
    LiteralType file = LiteralType.newBuilder().setBlob(BlobType.newBuilder()
        .setDimensionality(BlobType.BlobDimensionality.SINGLE)).build();
    return hostileTemplate(inputs("mode", STRING, "f", file));
  }

  private static Literal blob(String uri) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setBlob(Blob.newBuilder().setUri(uri)
        .setMetadata(BlobMetadata.newBuilder().setType(BlobType.newBuilder()
            .setDimensionality(BlobType.BlobDimensionality.SINGLE))))).build();
  }

  /**
   * A LiteralMap whose input {@code mode} is a collection nested {@code depth} levels deep, encoded
   * by hand: protobuf's own builder would recurse as deep.
   */
  private static byte[] deeplyNested(int depth) throws IOException {
    byte[] inner = Literals.integer(1).toByteArray();
    int[] literal = new int[depth + 1]; // encoded size of the Literal at each level
    int[] collection = new int[depth + 1]; // and of the LiteralCollection inside it
    literal[0] = inner.length;
    for (int i = 1; i <= depth; i++) {
      collection[i] = 1 + CodedOutputStream.computeUInt32SizeNoTag(literal[i - 1]) + literal[i - 1];
      literal[i] = 1 + CodedOutputStream.computeUInt32SizeNoTag(collection[i]) + collection[i];
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    int entry = 1 + 1 + 4 + 1 + CodedOutputStream.computeUInt32SizeNoTag(literal[depth]) + literal[depth];
    out.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED); // LiteralMap.literals entry
    out.writeUInt32NoTag(entry);
    out.writeString(1, "mode");
    out.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(literal[depth]);
    for (int i = depth; i >= 1; i--) {
      out.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED); // Literal.collection
      out.writeUInt32NoTag(collection[i]);
      out.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED); // LiteralCollection.literals
      out.writeUInt32NoTag(literal[i - 1]);
    }
    out.writeRawBytes(inner);
    out.flush();
    return bytes.toByteArray();
  }

  private static void sparse(Path file, long size) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size); // holes: no disk space used, all of it read
    }
  }

  private static void mkfifo(Path path) throws IOException {
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      assertEquals(0, mkfifo.waitFor(), "mkfifo " + path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void mountTinyTmpfs(Path dir) throws IOException {
    Path full = Files.createDirectories(dir.resolve("full"));
    try {
      Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", full.toString())
          .inheritIO().start();
      assertEquals(0, mount.waitFor(), "mount a tmpfs at " + full);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    synchronized (mounts) {
      mounts.add(full);
    }
  }
}
