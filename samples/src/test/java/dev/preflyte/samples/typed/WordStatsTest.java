package dev.preflyte.samples.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.preflyte.idl.core.Identifier;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.Secrets;
import dev.preflyte.runtime.executor.TaskExecutor;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sample as its users meet it: define the task, register its template, run it in the "container". */
class WordStatsTest {

  @TempDir Path dir;

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
  void registeredExecutorRunsFromTheSerializedTemplate() throws Exception {
    WordStatsTask task = WordStatsTask.builder().stopWords(List.of("the")).top(2).build();
    TaskTemplate template = TaskTemplate.parseFrom(task.toTaskTemplate(RegistrationSettings.local()).toByteArray());

    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("text", LiteralCodecs.string().encode("The cat saw the other cat; a dog saw it.", null))
        .build();
    LiteralMap outputs = registeredExecutor(task.executorName()).executeFromModel(template, inputs, new LocalContext(dir));

    assertEquals(8L, LiteralCodecs.int64().decode(outputs.getLiteralsOrThrow("words"), null));
    assertEquals(6L, LiteralCodecs.int64().decode(outputs.getLiteralsOrThrow("distinct"), null));
    assertEquals(List.of("cat", "saw"),
        LiteralCodecs.listOf(LiteralCodecs.string()).decode(outputs.getLiteralsOrThrow("mostFrequent"), null));
  }

  /** The executor registered under {@code name}, found as preflyte-execute finds it. */
  private static TaskExecutor registeredExecutor(String name) {
    TaskExecutor executor = ExecutorRegistry.find(name, WordStatsTest.class.getClassLoader());
    assertEquals(WordStatsExecutor.class, executor.getClass());
    return executor;
  }

  /** A local run's context; this task touches no storage. */
  private record LocalContext(Path root) implements ExecutionContext {
    @Override
    public String rawOutputPrefix() {
      return root.resolve("raw").toString();
    }

    @Override
    public Path workingDirectory() {
      return root;
    }

    @Override
    public Storage storage() {
      throw new IllegalStateException("this test's task uses no storage");
    }

    @Override
    public Optional<Identifier> executionId() {
      return Optional.empty();
    }

    @Override
    public Identifier taskId() {
      return Identifier.getDefaultInstance();
    }

    @Override
    public int attemptNumber() {
      return 0;
    }

    @Override
    public Optional<String> checkpointPrefix() {
      return Optional.empty();
    }

    @Override
    public Optional<String> previousCheckpointPrefix() {
      return Optional.empty();
    }

    @Override
    public Secrets secrets() {
      return (group, groupVersion, key) -> Optional.empty();
    }

    @Override
    public Logger logger() {
      return LoggerFactory.getLogger(WordStatsTest.class);
    }
  }
}
