package dev.preflyte.samples.csv;

/** What a column holds, as the whole file shows it. */
public enum ColumnKind {
  /** Every value that is not missing is a decimal number, and there is at least one. */
  NUMERIC,
  /** Anything else, a column with no values at all included. */
  TEXT
}
