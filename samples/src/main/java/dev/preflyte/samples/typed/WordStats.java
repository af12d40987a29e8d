package dev.preflyte.samples.typed;

import dev.preflyte.annotations.Outputs;
import dev.preflyte.annotations.PrebuiltTask;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the words of a text: a small typed pre-built task. Its configuration (the stop words, how
 * many frequent words to report, whether case matters) is set when the task is defined and travels
 * in {@code TaskTemplate.custom}; the text is its input; the counts are its outputs.
 *
 * @param stopWords words left out of the counts
 * @param top how many of the most frequent words to report
 * @param caseSensitive whether "Word" and "word" are different words
 */
@PrebuiltTask(image = "ghcr.io/preflyte/samples:0.1.0", taskType = "word-stats")
public record WordStats(List<String> stopWords, int top, boolean caseSensitive) {

  /**
   * The task's outputs.
   *
   * @param words how many words the text has, stop words excluded
   * @param distinct how many different words
   * @param mostFrequent the {@code top} most frequent words, most frequent first, ties alphabetical
   */
  @Outputs
  public record Counts(long words, long distinct, List<String> mostFrequent) {}

  /** Counts the words of {@code text}. */
  public Counts execute(String text) {
    Map<String, Long> counts = new TreeMap<>();
    for (String token : text.split("[^\\p{L}\\p{N}']+")) {
      String word = caseSensitive ? token : token.toLowerCase(Locale.ROOT);
      if (!word.isEmpty() && (stopWords == null || !stopWords.contains(word))) {
        counts.merge(word, 1L, Long::sum);
      }
    }
    long words = counts.values().stream().mapToLong(Long::longValue).sum();
    List<String> mostFrequent = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(Math.max(0, top))
        .map(Map.Entry::getKey)
        .toList();
    return new Counts(words, counts.size(), mostFrequent);
  }
}
