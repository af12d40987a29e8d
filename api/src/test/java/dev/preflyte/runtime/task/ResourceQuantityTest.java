package dev.preflyte.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceQuantityTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "500m", "1", "0.5", "1Gi", "2e3", "1.5Gi", "100M", "0", "-1", "+1", "1.", ".5", "-.5",
      "1n", "1u", "1k", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Ti", "1Pi", "1Ei",
      "1e-3", "1E+3", "1.5e2", "007"})
  void acceptsKubernetesQuantities(String text) {
    assertTrue(ResourceQuantity.isQuantity(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1 Gi", "1GB", "abc", "", "-", "1.2.3", "Gi", " 1", "1 ", "1K", "1KI", "1gi", "1e", "1e+",
      "1e1.5", "1Gi1", "1mm", "1iB", ".", "+", "1,5", "1_000", "0x10", "1e99999999999", "1e2147483648",
      "１"})
  void rejectsAnythingElse(String text) {
    assertFalse(ResourceQuantity.isQuantity(text), text);
  }

  @Test
  void nullIsNotAQuantity() {
    assertEquals(Optional.empty(), ResourceQuantity.parse(null));
  }

  @ParameterizedTest
  @CsvSource({
      "1, 1",
      "0.5, 0.5",
      "500m, 0.5",
      "1500m, 1.5",
      "1n, 0.000000001",
      "1u, 0.000001",
      "2k, 2000",
      "1M, 1000000",
      "1G, 1000000000",
      "1T, 1000000000000",
      "1P, 1000000000000000",
      "1E, 1000000000000000000",
      "1Ki, 1024",
      "1Mi, 1048576",
      "1.5Gi, 1610612736",
      "1Ti, 1099511627776",
      "1Pi, 1125899906842624",
      "1Ei, 1152921504606846976",
      "2e3, 2000",
      "1E3, 1000",
      "25e-3, 0.025",
      "-1.5k, -1500",
      ".5Ki, 512"})
  void valuesAreExact(String text, BigDecimal expected) {
    BigDecimal value = ResourceQuantity.parse(text).orElseThrow();
    assertEquals(0, expected.compareTo(value), text + " is " + value.toPlainString());
  }

  @Test
  void equalValuesInDifferentUnitsCompareEqual() {
    assertEquals(0, value("1Gi").compareTo(value("1024Mi")));
    assertEquals(0, value("1").compareTo(value("1000m")));
    assertEquals(0, value("1k").compareTo(value("1e3")));
    assertTrue(value("1025Mi").compareTo(value("1Gi")) > 0);
    assertTrue(value("1G").compareTo(value("1Gi")) < 0);
  }

  @Test
  void hugeExponentsStillCompareQuickly() {
    assertTrue(value("1e2000000000").compareTo(value("1Ei")) > 0);
    assertTrue(value("1e-2000000000").compareTo(value("1n")) < 0);
  }

  private static BigDecimal value(String text) {
    return ResourceQuantity.parse(text).orElseThrow();
  }
}
