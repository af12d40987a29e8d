package dev.preflyte.runtime.entrypoint;

import static dev.preflyte.runtime.entrypoint.tasks.Templates.PACKAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.entrypoint.tasks.Templates;
import dev.preflyte.runtime.storage.Storages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzz target: whatever bytes Flyte hands preflyte-execute as {@code inputs.pb} and {@code task.pb}
 * (the valid files mutated byte by byte, truncated, spliced, or random), a run ends within a bound
 * in exactly one of outputs.pb (a LiteralMap) or a well-formed error.pb (code, kind, message), with
 * exit code 0 and nothing thrown. Tries: 200 by default, more with {@code -Dpreflyte.tries=N} (see
 * RELIABILITY.md).
 */
class ExecuteFuzzTest {

  private static final String EXECUTOR = PACKAGE + "Sum";
  private static final byte[] TEMPLATE = Templates.sum(EXECUTOR).toByteArray();
  private static final byte[] INPUTS = LiteralMap.newBuilder()
      .putLiterals("a", Literals.integer(20)).putLiterals("b", Literals.integer(22)).build().toByteArray();
  private static final long RUN_LIMIT_SECONDS = 20;
  private static final Set<ContainerError.Kind> KINDS =
      Set.of(ContainerError.Kind.RECOVERABLE, ContainerError.Kind.NON_RECOVERABLE);

  private static Path root;
  private static ExecutorService runner;
  private static int runs;

  @BeforeContainer
  static void start() throws IOException {
    root = Files.createTempDirectory(Path.of("target"), "execute-fuzz");
    runner = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "execute-fuzz");
      thread.setDaemon(true);
      return thread;
    });
  }

  @AfterContainer
  static void stop() {
    runner.shutdownNow();
  }

  /** One edit of a byte string: flip a byte, drop a range, insert bytes, or cut the end. */
  record Edit(int kind, int position, int length, byte value) {
    byte[] apply(byte[] bytes) {
      int at = bytes.length == 0 ? 0 : Math.floorMod(position, bytes.length + 1);
      int end = Math.min(bytes.length, at + length);
      byte[] out;
      switch (kind) {
        case 0 -> { // flip one byte
          out = bytes.clone();
          if (at < out.length) {
            out[at] ^= value == 0 ? 1 : value;
          }
        }
        case 1 -> { // delete a range
          out = new byte[bytes.length - (end - at)];
          System.arraycopy(bytes, 0, out, 0, at);
          System.arraycopy(bytes, end, out, at, bytes.length - end);
        }
        case 2 -> { // insert a run of one byte
          out = new byte[bytes.length + length];
          System.arraycopy(bytes, 0, out, 0, at);
          Arrays.fill(out, at, at + length, value);
          System.arraycopy(bytes, at, out, at + length, bytes.length - at);
        }
        default -> out = Arrays.copyOf(bytes, at); // truncate
      }
      return out;
    }
  }

  static Arbitrary<byte[]> mutationsOf(byte[] valid) {
    Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers(),
        Arbitraries.integers().between(1, 16), Arbitraries.bytes()).as(Edit::new);
    Arbitrary<byte[]> edited = edit.list().ofMinSize(1).ofMaxSize(6).map(edits -> {
      byte[] bytes = valid;
      for (Edit e : edits) {
        bytes = e.apply(bytes);
      }
      return bytes;
    });
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    return Arbitraries.frequencyOf(
        Tuple.of(8, edited), Tuple.of(1, random), Tuple.of(1, Arbitraries.just(valid)));
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    return mutationsOf(INPUTS);
  }

  @Provide
  Arbitrary<byte[]> templates() {
    return mutationsOf(TEMPLATE);
  }

  @Property
  void fuzzedInputs(@ForAll("inputs") byte[] inputs) throws Exception {
    endsInOneDocument(TEMPLATE, inputs);
  }

  @Property
  void fuzzedTemplate(@ForAll("templates") byte[] template) throws Exception {
    endsInOneDocument(template, INPUTS);
  }

  @Property
  void fuzzedBoth(@ForAll("templates") byte[] template, @ForAll("inputs") byte[] inputs) throws Exception {
    endsInOneDocument(template, inputs);
  }

  private static void endsInOneDocument(byte[] template, byte[] inputs) throws Exception {
    Path dir = Files.createDirectories(root.resolve("run-" + runs++));
    Files.write(dir.resolve("task.pb"), template);
    Files.write(dir.resolve("inputs.pb"), inputs);
    Path output = dir.resolve("out");
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    String[] args = {"--inputs", dir.resolve("inputs.pb").toString(), "--output-prefix", output.toString(),
        "--raw-output-data-prefix", dir.resolve("raw").toString(), "--resolver", TemplateFileResolver.NAME,
        "--", dir.resolve("task.pb").toString(), EXECUTOR};
    int exit;
    try (Storages storage = Storages.localOnly();
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
      ExecuteCommand command = new ExecuteCommand(Map.of(), storage, ExecuteFuzzTest.class.getClassLoader(), err,
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), dir.resolve("no-secrets"));
      Future<Integer> run = runner.submit(() -> command.run(args));
      try {
        exit = run.get(RUN_LIMIT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        run.cancel(true);
        fail("no verdict within " + RUN_LIMIT_SECONDS + " s for task.pb " + hex(template) + ", inputs.pb " + hex(inputs));
        return;
      }
    }
    String log = stderr.toString(StandardCharsets.UTF_8);
    assertEquals(ExecuteCommand.EXIT_OK, exit, log);
    boolean outputs = Files.exists(output.resolve("outputs.pb"));
    boolean error = Files.exists(output.resolve("error.pb"));
    assertTrue(outputs ^ error, "exactly one of outputs.pb and error.pb, got outputs=" + outputs + " error=" + error
        + "; " + log);
    if (outputs) {
      LiteralMap.parseFrom(Files.readAllBytes(output.resolve("outputs.pb")));
    } else {
      ContainerError document = ErrorDocument.parseFrom(Files.readAllBytes(output.resolve("error.pb"))).getError();
      assertFalse(document.getCode().isBlank(), document.toString());
      assertFalse(document.getMessage().isBlank(), document.toString());
      assertTrue(KINDS.contains(document.getKind()), document.toString());
      assertEquals(1, log.lines().count(), "one line on stderr: " + log);
    }
    delete(dir); // a long fuzz run must not fill the disk
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static String hex(byte[] bytes) {
    List<String> parts = new ArrayList<>();
    for (byte b : bytes) {
      parts.add(String.format("%02x", b));
    }
    return String.join("", parts);
  }
}
