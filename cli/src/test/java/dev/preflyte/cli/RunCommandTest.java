package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.literal.LiteralCodecs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preflyte run}: a declared task through preflyte-execute's own path, inputs typed from its interface. */
class RunCommandTest {

  private static final String WORDS = "dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS";

  @TempDir Path dir;

  @Test
  void runsADeclaredTaskAndPrintsItsOutputsAsJson() {
    PreflyteCommandTest.Run run = PreflyteCommandTest.run("run", WORDS, "--input", "text=the cat saw the other cat");
    assertEquals(0, run.exit(), run.err());
    String json = run.out().replaceAll("\\s+", "");
    assertTrue(json.contains("\"mostFrequent\":[\"cat\""), run.out());
    assertTrue(json.startsWith("{") && json.contains("\"distinct\":"), run.out());
  }

  @Test
  void theOutputDirKeepsWhatTheContainerWouldLeave() throws Exception {
    Path out = dir.resolve("run");
    PreflyteCommandTest.Run run = PreflyteCommandTest.run("run", WORDS, "--input", "text=cat dog cat",
        "--output-dir", out.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.exists(out.resolve("task.pb")));
    assertTrue(Files.exists(out.resolve("inputs.pb")));
    LiteralMap outputs = LiteralMap.parseFrom(Files.readAllBytes(out.resolve("outputs/outputs.pb")));
    assertEquals(java.util.List.of("cat", "dog"),
        LiteralCodecs.listOf(LiteralCodecs.string()).decode(outputs.getLiteralsOrThrow("mostFrequent"), null));

    PreflyteCommandTest.Run again = PreflyteCommandTest.run("run", WORDS, "--input", "text=x",
        "--output-dir", out.toString());
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("is not empty"), again.err());
  }

  @Test
  void inputsComeFromJsonToo() throws Exception {
    Path inputs = Files.writeString(dir.resolve("inputs.json"), "{\"text\": \"dog dog cat\"}");
    PreflyteCommandTest.Run run = PreflyteCommandTest.run("run", WORDS, "--inputs", inputs.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().replaceAll("\\s+", "").contains("\"mostFrequent\":[\"dog\""), run.out());

    Path missing = Files.writeString(dir.resolve("missing.json"), "{}");
    PreflyteCommandTest.Run refused = PreflyteCommandTest.run("run", WORDS, "--inputs", missing.toString());
    assertEquals(1, refused.exit());
    assertEquals("preflyte: " + missing + ": input 'text' (STRING) is missing: add \"text\" to the object",
        refused.err().strip());
  }

  @Test
  void aTaskThatFailsIsOneLineWithTheErrorDocumentsClassification() throws Exception {
    LiteralMap wrong = LiteralMap.newBuilder().putLiterals("text", LiteralCodecs.int64().encode(42L, null)).build();
    Path inputs = Files.write(dir.resolve("inputs.pb"), wrong.toByteArray());
    PreflyteCommandTest.Run run = PreflyteCommandTest.run("run", WORDS, "--inputs", inputs.toString());
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.err().startsWith("preflyte: task failed: USER:InputMismatch (NON_RECOVERABLE, origin USER)"),
        run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(run.out().contains("{"), run.out());
  }

  @Test
  void badInputsNameTheInput() {
    PreflyteCommandTest.Run unknown = PreflyteCommandTest.run("run", WORDS, "--input", "txt=a");
    assertEquals(1, unknown.exit());
    assertEquals("preflyte: the task has no input 'txt': its inputs are [text]", unknown.err().strip());
    PreflyteCommandTest.Run missing = PreflyteCommandTest.run("run", WORDS);
    assertEquals(1, missing.exit());
    assertEquals("preflyte: input 'text' (STRING) is missing: give --input text=VALUE", missing.err().strip());
    PreflyteCommandTest.Run task = PreflyteCommandTest.run("run", "no.such.task");
    assertEquals(1, task.exit());
    assertTrue(task.err().startsWith("preflyte: "), task.err());
  }
}
