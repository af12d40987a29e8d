package dev.preflyte.samples.typed;

import dev.preflyte.annotations.DeclaredTask;
import dev.preflyte.runtime.task.TaskSettings;
import java.util.List;

/**
 * Task instances of the {@link WordStats} type, declared so tools find them without scanning: what
 * a user of a pre-built task type writes to have {@code preflyte package} register them.
 */
public final class SampleTasks {

  /** English text without its most common words; named {@code dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS}. */
  @DeclaredTask
  public static final WordStatsTask ENGLISH_WORDS =
      WordStatsTask.of(new WordStats(List.of("the", "a", "an", "and", "of"), 3, false));

  private SampleTasks() {}

  /** Every word counted, case kept, retried once; named by its annotation. */
  @DeclaredTask(name = "samples.case_sensitive_words")
  public static WordStatsTask caseSensitiveWords() {
    return WordStatsTask.of(new WordStats(List.of(), 5, true), TaskSettings.builder().retries(1).build());
  }
}
