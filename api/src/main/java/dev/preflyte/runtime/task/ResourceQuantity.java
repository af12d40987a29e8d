package dev.preflyte.runtime.task;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Kubernetes resource quantities ({@code k8s.io/apimachinery/pkg/api/resource.Quantity}) so
 * that a bad quantity fails when the task is built, not when the pod is created.
 *
 * <p>The grammar is the documented one: an optionally signed decimal number ({@code 1}, {@code 1.5},
 * {@code 1.}, {@code .5}), then at most one suffix: binary SI ({@code Ki Mi Gi Ti Pi Ei}), decimal SI
 * ({@code n u m k M G T P E}) or a decimal exponent ({@code e} or {@code E} and a signed integer that
 * fits 32 bits). Nothing else, not even spaces. {@code E} alone is exa; {@code E3} is an exponent.
 * Values are exact: {@code 1Gi} and {@code 1024Mi} are equal, {@code 1k} is 1000, {@code 1m} 0.001.
 */
final class ResourceQuantity {

  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?");

  private static final BigInteger KIBI = BigInteger.valueOf(1024);

  private ResourceQuantity() {}

  /**
   * The exact value of a quantity, or empty when {@code text} is not a Kubernetes quantity.
   *
   * @param text the quantity as written, {@code "500m"} or {@code "1.5Gi"} for example
   */
  static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = QUANTITY.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(matcher.group(1));
    String suffix = matcher.group(2);
    if (suffix == null) {
      return Optional.of(number);
    }
    switch (suffix) {
      case "Ki": return Optional.of(binary(number, 1));
      case "Mi": return Optional.of(binary(number, 2));
      case "Gi": return Optional.of(binary(number, 3));
      case "Ti": return Optional.of(binary(number, 4));
      case "Pi": return Optional.of(binary(number, 5));
      case "Ei": return Optional.of(binary(number, 6));
      case "n": return decimal(number, -9);
      case "u": return decimal(number, -6);
      case "m": return decimal(number, -3);
      case "k": return decimal(number, 3);
      case "M": return decimal(number, 6);
      case "G": return decimal(number, 9);
      case "T": return decimal(number, 12);
      case "P": return decimal(number, 15);
      case "E": return decimal(number, 18);
      default: return exponent(number, suffix.substring(1));
    }
  }

  /** Whether {@code text} is a Kubernetes quantity. */
  static boolean isQuantity(String text) {
    return parse(text).isPresent();
  }

  private static BigDecimal binary(BigDecimal number, int power) {
    return number.multiply(new BigDecimal(KIBI.pow(power)));
  }

  private static Optional<BigDecimal> decimal(BigDecimal number, int power) {
    return Optional.of(number.scaleByPowerOfTen(power));
  }

  private static Optional<BigDecimal> exponent(BigDecimal number, String digits) {
    int power;
    try {
      power = Integer.parseInt(digits);
    } catch (NumberFormatException tooLong) {
      return Optional.empty(); // Kubernetes reads the exponent as a 32-bit integer too
    }
    try {
      return Optional.of(number.scaleByPowerOfTen(power));
    } catch (ArithmeticException scaleOverflow) {
      return Optional.empty();
    }
  }
}
