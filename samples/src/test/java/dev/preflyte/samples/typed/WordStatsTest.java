package dev.preflyte.samples.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.TaskExecutor;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.local.LocalRunner;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskFailedException;
import dev.preflyte.runtime.task.TaskSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample as its users meet it: define the task, register its template, run it as the container would. */
class WordStatsTest {

  private static final String TEXT = "The cat saw the other cat; a dog saw it.";

  @Test
  void templateCarriesConfigurationAndInterface() {
    WordStatsTask task = WordStatsTask.of(new WordStats(List.of("the", "a"), 2, false),
        TaskSettings.builder().retries(1).build());
    TaskTemplate template = task.toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "v1"));
    assertEquals("word-stats", template.getType());
    assertEquals("dev.preflyte.samples.typed.WordStats", template.getId().getName());
    assertEquals("ghcr.io/preflyte/samples:0.1.0", template.getContainer().getImage());
    assertEquals(1, template.getMetadata().getRetries().getRetries());
    assertEquals(List.of("text"), List.copyOf(template.getInterface().getInputs().getVariablesMap().keySet()));
    assertEquals(List.of("words", "distinct", "mostFrequent"),
        List.copyOf(template.getInterface().getOutputs().getVariablesMap().keySet()));
    assertEquals(2.0, template.getCustom().getFieldsOrThrow("top").getNumberValue());
    assertEquals(new WordStats(List.of("the", "a"), 2, false), WordStatsTask.CUSTOM.decodeStruct(template.getCustom()));
  }

  @Test
  void theTypedLocalCallRunsThroughTheClusterPath() {
    WordStatsTask task = WordStatsTask.of(new WordStats(List.of("the"), 2, false));

    // Serializes the template, parses it back and finds WordStatsExecutor by name, as the container does.
    WordStats.Counts counts = task.run(TEXT);

    assertEquals(new WordStats.Counts(8, 6, List.of("cat", "saw")), counts);
  }

  @Test
  void theLocalRunnerTakesAndGivesLiteralsToo() {
    WordStatsTask task = WordStatsTask.of(new WordStats(List.of("the"), 2, false));
    LiteralMap inputs = LiteralMap.newBuilder().putLiterals("text", LiteralCodecs.string().encode(TEXT, null)).build();

    LiteralMap outputs = new LocalRunner().run(task, inputs);

    assertEquals(8L, LiteralCodecs.int64().decode(outputs.getLiteralsOrThrow("words"), null));
    assertEquals(List.of("cat", "saw"),
        LiteralCodecs.listOf(LiteralCodecs.string()).decode(outputs.getLiteralsOrThrow("mostFrequent"), null));
  }

  @Test
  void theRegistryFindsTheGeneratedExecutorByTheTasksName() {
    TaskExecutor executor = ExecutorRegistry.find(
        "dev.preflyte.samples.typed.WordStats", WordStatsTest.class.getClassLoader());
    assertEquals(WordStatsExecutor.class, executor.getClass());
  }

  @Test
  void aTextThatIsNotAStringIsTheUsersInputMismatch() {
    WordStatsTask task = WordStatsTask.of(new WordStats(null, 1, false));
    LiteralMap inputs = LiteralMap.newBuilder().putLiterals("text", LiteralCodecs.int64().encode(42L, null)).build();

    TaskFailedException failure = assertThrows(TaskFailedException.class, () -> new LocalRunner().run(task, inputs));

    assertEquals("USER:InputMismatch", failure.code());
    assertEquals(ContainerError.Kind.NON_RECOVERABLE, failure.kind());
    assertEquals(ExecutionError.ErrorKind.USER, failure.origin());
  }

  @Test
  void aFailureOfTheTypedCallCarriesTheErrorDocumentsClassification() {
    WordStatsTask task = WordStatsTask.of(new WordStats(null, 1, false));

    // A null input is refused when the local run encodes it, before the task runs, as an input mismatch.
    TaskFailedException failure = assertThrows(TaskFailedException.class, () -> task.run(null));

    assertEquals("USER:InputMismatch", failure.code());
    assertEquals(ExecutionError.ErrorKind.USER, failure.origin());
    assertTrue(failure.getMessage().contains("input 'text'"), failure.getMessage());
  }
}
