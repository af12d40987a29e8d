package dev.preflyte.runtime.entrypoint;

import static dev.preflyte.runtime.entrypoint.tasks.Templates.PACKAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static dev.preflyte.runtime.testing.RandomCases.forAll;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.entrypoint.tasks.Templates;
import dev.preflyte.runtime.storage.Storages;
import dev.preflyte.runtime.testing.RandomCases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target: whatever bytes Flyte hands preflyte-execute as {@code inputs.pb} and {@code task.pb}
 * (the valid files with bytes flipped, ranges deleted, runs inserted, the end cut, or pieces of the
 * other file spliced in; or random bytes; or the valid file), a run ends within a bound in exactly
 * one of outputs.pb (a LiteralMap) or a well-formed error.pb (code, kind, message), with exit code
 * 0 and nothing thrown. Tries: 200 per target by default, more with {@code -Dpreflyte.tries=N}, a
 * failure repeated with {@code -Dpreflyte.seed=S} ({@link RandomCases}, RELIABILITY.md).
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

  @BeforeAll
  static void start() throws IOException {
    root = Files.createTempDirectory(Path.of("target"), "execute-fuzz");
    runner = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "execute-fuzz");
      thread.setDaemon(true);
      return thread;
    });
  }

  @AfterAll
  static void stop() {
    runner.shutdownNow();
  }

  /**
   * Eight times in ten {@code valid} after one to six edits (the other file as splice donor), once
   * up to 200 random bytes, once {@code valid} as it is.
   */
  static byte[] mutationOf(RandomCases r, byte[] valid, byte[] other) {
    int pick = r.intBetween(0, 9);
    return pick < 8 ? r.mutate(valid, 6, other) : pick == 8 ? r.bytes(200) : valid;
  }

  /** A task.pb and an inputs.pb; hex in a failure, so it can be replayed by hand. */
  record RunFiles(byte[] template, byte[] inputs) {
    @Override
    public String toString() {
      return "task.pb " + RandomCases.describe(template) + ", inputs.pb " + RandomCases.describe(inputs);
    }

    Stream<RunFiles> smaller() {
      return Stream.concat(RandomCases.smallerBytes(template).map(t -> new RunFiles(t, inputs)),
          RandomCases.smallerBytes(inputs).map(i -> new RunFiles(template, i)));
    }
  }

  @Test
  void fuzzedInputs() {
    forAll("fuzzedInputs", r -> new RunFiles(TEMPLATE, mutationOf(r, INPUTS, TEMPLATE)), RunFiles::smaller,
        ExecuteFuzzTest::endsInOneDocument);
  }

  @Test
  void fuzzedTemplate() {
    forAll("fuzzedTemplate", r -> new RunFiles(mutationOf(r, TEMPLATE, INPUTS), INPUTS), RunFiles::smaller,
        ExecuteFuzzTest::endsInOneDocument);
  }

  @Test
  void fuzzedBoth() {
    forAll("fuzzedBoth", r -> new RunFiles(mutationOf(r, TEMPLATE, INPUTS), mutationOf(r, INPUTS, TEMPLATE)),
        RunFiles::smaller, ExecuteFuzzTest::endsInOneDocument);
  }

  private static void endsInOneDocument(RunFiles files) throws Exception {
    endsInOneDocument(files.template(), files.inputs());
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
        fail("no verdict within " + RUN_LIMIT_SECONDS + " s");
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
}
