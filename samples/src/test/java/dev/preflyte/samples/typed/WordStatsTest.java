package dev.preflyte.samples.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.TaskExecutor;
import dev.preflyte.runtime.entrypoint.TaskFailedException;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.local.LocalRunner;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample as its users meet it: define the task, register its template, run it in the "container". */
class WordStatsTest {

  @Test
  void templateCarriesConfigurationAndInterface() throws Exception {
    WordStatsTask task = WordStatsTask.builder().stopWords(List.of("the", "a")).top(2).retries(1).build();
    TaskTemplate template = task.toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "v1"));
    assertEquals("word-stats", template.getType());
    assertEquals("dev.preflyte.samples.typed.WordStats", template.getId().getName());
    assertEquals("ghcr.io/preflyte/samples:0.1.0", template.getContainer().getImage());
    assertEquals(List.of("text"), List.copyOf(template.getInterface().getInputs().getVariablesMap().keySet()));
    assertEquals(List.of("words", "distinct", "mostFrequent"),
        List.copyOf(template.getInterface().getOutputs().getVariablesMap().keySet()));
    assertEquals(2.0, template.getCustom().getFieldsOrThrow("top").getNumberValue());
    assertEquals(new WordStats(List.of("the", "a"), 2, false), WordStatsTask.decodeCustom(template.getCustom()));
  }

  @Test
  void runsLocallyThroughTheClusterPath() {
    WordStatsTask task = WordStatsTask.builder().stopWords(List.of("the")).top(2).build();
    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("text", LiteralCodecs.string().encode("The cat saw the other cat; a dog saw it.", null))
        .build();

    // Serializes the template, parses it back and finds WordStatsExecutor by name, as the container does.
    LiteralMap outputs = new LocalRunner().run(task, inputs);

    assertEquals(8L, LiteralCodecs.int64().decode(outputs.getLiteralsOrThrow("words"), null));
    assertEquals(6L, LiteralCodecs.int64().decode(outputs.getLiteralsOrThrow("distinct"), null));
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
    WordStatsTask task = WordStatsTask.builder().top(1).build();
    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("text", LiteralCodecs.int64().encode(42L, null))
        .build();

    TaskFailedException failure = assertThrows(TaskFailedException.class, () -> new LocalRunner().run(task, inputs));

    assertEquals("USER:InputMismatch", failure.failure().code());
  }
}
