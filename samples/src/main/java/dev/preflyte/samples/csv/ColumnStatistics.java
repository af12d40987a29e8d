package dev.preflyte.samples.csv;

import java.util.Optional;
import java.util.regex.Pattern;

/** Accumulates one column's summary, value by value, in constant memory (besides the distinct count's). */
final class ColumnStatistics {

  /** Plain decimal numbers only: no NaN, Infinity, hexadecimal or Java's {@code d}/{@code f} suffixes. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final DistinctCounter distinct = new DistinctCounter();
  private long count;
  private long missing;
  private boolean numeric = true;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double mean;

  /** Adds a present value, already trimmed. */
  void add(String value) {
    count++;
    distinct.add(value);
    if (numeric) {
      if (DECIMAL.matcher(value).matches()) {
        double number = Double.parseDouble(value);
        min = Math.min(min, number);
        max = Math.max(max, number);
        mean += (number - mean) / count; // a running mean never overflows as a sum could
      } else {
        numeric = false;
      }
    }
  }

  void addMissing() {
    missing++;
  }

  ColumnSummary summary() {
    boolean isNumeric = numeric && count > 0;
    return new ColumnSummary(
        isNumeric ? ColumnKind.NUMERIC : ColumnKind.TEXT,
        count,
        missing,
        isNumeric ? Optional.of(min) : Optional.empty(),
        isNumeric ? Optional.of(max) : Optional.empty(),
        isNumeric ? Optional.of(mean) : Optional.empty(),
        distinct.count(),
        distinct.approximate());
  }
}
