package dev.preflyte.samples.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistinctCounterTest {

  @Test
  void upToTheLimitTheCountIsExact() {
    DistinctCounter counter = new DistinctCounter();
    for (int i = 0; i < DistinctCounter.EXACT_LIMIT * 3; i++) {
      counter.add("v" + (i % DistinctCounter.EXACT_LIMIT));
    }
    assertEquals(DistinctCounter.EXACT_LIMIT, counter.count());
    assertFalse(counter.approximate());
  }

  @Test
  void pastTheLimitTheEstimateIsWithinTwoPercent() {
    for (int distinct : new int[] {DistinctCounter.EXACT_LIMIT + 1, 50_000, 400_000}) {
      DistinctCounter counter = new DistinctCounter();
      for (int i = 0; i < distinct; i++) {
        counter.add("value-" + i);
        counter.add("value-" + (i / 2)); // repeats change nothing
      }
      assertTrue(counter.approximate());
      double error = Math.abs(counter.count() - distinct) / (double) distinct;
      assertTrue(error < 0.02, distinct + " counted as " + counter.count());
    }
  }
}
