package dev.preflyte.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.conventions.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The generator the property and fuzz tests stand on: it repeats, reports, shrinks and reaches its edges. */
class RandomCasesTest {

  @Test
  void theSameSeedPropertyAndTryDrawTheSameValues() {
    RandomCases a = RandomCases.of("p", 3);
    RandomCases b = RandomCases.of("p", 3);
    for (int i = 0; i < 50; i++) {
      assertEquals(a.anyLong(), b.anyLong());
      assertEquals(a.text(20), b.text(20));
      assertArrayEquals(a.mutate(new byte[] {1, 2, 3, 4}, 6, new byte[] {9, 9}), b.mutate(new byte[] {1, 2, 3, 4}, 6, new byte[] {9, 9}));
    }
    java.util.Set<Long> perTry = new java.util.HashSet<>();
    for (int index = 0; index < 10; index++) {
      perTry.add(RandomCases.of("p", index).longBetween(Long.MIN_VALUE, Long.MAX_VALUE));
    }
    assertEquals(10, perTry.size(), "each try draws values of its own");
  }

  @Test
  void aFailureNamesThePropertyTryAndSeedAndIsMadeSmaller() {
    AtomicInteger checked = new AtomicInteger();
    AssertionError error = assertThrows(AssertionError.class, () -> RandomCases.forAll("noLongText",
        r -> r.word(30, 40, ""), RandomCases::smallerStrings, s -> {
          checked.incrementAndGet();
          assertTrue(s.length() < 5, "too long");
        }));
    String message = error.getMessage();
    assertTrue(message.startsWith("noLongText failed at try 0 of " + RandomCases.tries() + " (seed "
        + RandomCases.seed() + "; repeat with -Dpreflyte.seed=" + RandomCases.seed() + "): "), message);
    assertTrue(message.contains("too long"), message);
    // The smallest string that still fails has 5 chars.
    assertTrue(message.matches("(?s).*\n  value: \"[a-zA-Z0-9]{5}\"\n  \\(made smaller from: .*"), message);
    assertTrue(checked.get() > 1);
  }

  @Test
  void everyTryRunsWhenNothingFails() {
    AtomicInteger checked = new AtomicInteger();
    RandomCases.forAll("counts", RandomCases::anyInt, i -> checked.incrementAndGet());
    assertEquals(RandomCases.tries(), checked.get());
  }

  @Test
  void edgesComeUp() {
    List<Double> doubles = new ArrayList<>();
    List<Long> longs = new ArrayList<>();
    boolean supplementary = false;
    // Each edge is about one draw in a hundred: in 500 tries a seed missed one about once in a
    // hundred runs; in 5,000 a miss takes odds of about e^-50.
    for (int i = 0; i < 5_000; i++) {
      RandomCases r = RandomCases.of("edges", i);
      doubles.add(r.anyDouble());
      longs.add(r.anyLong());
      String text = r.text(20);
      assertEquals(-1, TextRules.loneSurrogate(text), RandomCases.describe(text));
      supplementary |= text.codePoints().anyMatch(Character::isSupplementaryCodePoint);
    }
    String seed = "seed " + RandomCases.seed();
    assertTrue(doubles.stream().anyMatch(d -> d.isNaN()), seed);
    assertTrue(doubles.stream().anyMatch(d -> d == Double.NEGATIVE_INFINITY), seed);
    assertTrue(doubles.stream().anyMatch(d -> Double.doubleToRawLongBits(d) == Long.MIN_VALUE), "-0.0, " + seed);
    assertTrue(longs.contains(Long.MIN_VALUE) && longs.contains(Long.MAX_VALUE), seed);
    assertTrue(supplementary, seed);
  }

  @Test
  void byteEditsStayInBounds() {
    byte[] valid = {10, 20, 30, 40, 50};
    for (int i = 0; i < 500; i++) {
      RandomCases r = RandomCases.of("bytes", i);
      byte[] flipped = r.flip(valid);
      assertEquals(valid.length, flipped.length);
      assertFalse(java.util.Arrays.equals(valid, flipped));
      assertTrue(r.truncate(valid).length < valid.length);
      assertTrue(r.delete(valid).length < valid.length);
      assertTrue(r.insert(valid).length > valid.length);
      r.splice(valid, new byte[] {1, 2, 3});
      r.mutate(new byte[0], 6, new byte[0]);
    }
  }
}
