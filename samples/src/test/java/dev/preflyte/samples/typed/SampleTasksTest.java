package dev.preflyte.samples.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.registry.DeclaredTasks;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The samples' declared tasks, found through the index the processor wrote in this module's build. */
class SampleTasksTest {

  @Test
  void declaredTasksAreFoundByNameFromTheIndex() {
    List<DeclaredTask> tasks = DeclaredTasks.load(getClass().getClassLoader()).stream()
        .filter(task -> task.task() instanceof WordStatsTask).toList();
    assertEquals(List.of("dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS", "samples.case_sensitive_words"),
        tasks.stream().map(DeclaredTask::name).toList());
    assertEquals(List.of("dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS",
        "dev.preflyte.samples.typed.SampleTasks.caseSensitiveWords()"),
        tasks.stream().map(DeclaredTask::declaration).toList());
    assertEquals(SampleTasks.ENGLISH_WORDS, tasks.get(0).task());
    assertEquals(new WordStats(List.of(), 5, true), tasks.get(1).task().config());
  }

  @Test
  void templateIsRegisteredUnderTheDeclaredName() {
    DeclaredTask task = DeclaredTasks.load(getClass().getClassLoader()).stream()
        .filter(declared -> declared.name().equals("samples.case_sensitive_words")).findFirst().orElseThrow();
    TaskTemplate template = task.toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "v1"));
    assertEquals("samples.case_sensitive_words", template.getId().getName());
    assertEquals("word-stats", template.getType());
    assertEquals(1, template.getMetadata().getRetries().getRetries());
    assertEquals("dev.preflyte.samples.typed.WordStats", template.getContainer().getArgs(
        template.getContainer().getArgsCount() - 1));
  }
}
