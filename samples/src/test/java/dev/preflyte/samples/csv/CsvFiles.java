package dev.preflyte.samples.csv;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The CSV the tests summarize, and what its summary and cleaned copy must be. */
final class CsvFiles {

  /** A BOM, CRLF, padding, quoted delimiters, quotes and line breaks, a missing marker, a blank line, a short row. */
  static final String FRUIT = "\uFEFFid,name,price,city\r\n"
      + "1, Apple ,1.5,\"Paris, FR\"\r\n"
      + "2,\"Ban\"\"ana\",NA,\"multi\nline\"\r\n"
      + "3,Cherry,2.5,\r\n"
      + "\r\n"
      + "4,Date\r\n"
      + "5,Apple,-1e1,Paris\r\n";

  static final String FRUIT_CLEANED = "id,name,price,city\r\n"
      + "1,Apple,1.5,\"Paris, FR\"\r\n"
      + "2,\"Ban\"\"ana\",,\"multi\nline\"\r\n"
      + "3,Cherry,2.5,\r\n"
      + "5,Apple,-1e1,Paris\r\n";

  static final Map<String, ColumnSummary> FRUIT_SUMMARIES = Map.of(
      "id", numeric(4, 0, 1, 5, 2.75, 4),
      "name", text(4, 0, 3),
      "price", numeric(3, 1, -10, 2.5, -2, 3),
      "city", text(3, 1, 3));

  private CsvFiles() {}

  static ColumnSummary numeric(long count, long missing, double min, double max, double mean, long distinct) {
    return new ColumnSummary(ColumnKind.NUMERIC, count, missing, Optional.of(min), Optional.of(max), Optional.of(mean),
        distinct, false);
  }

  static ColumnSummary text(long count, long missing, long distinct) {
    return new ColumnSummary(ColumnKind.TEXT, count, missing, Optional.empty(), Optional.empty(), Optional.empty(),
        distinct, false);
  }

  static List<String> fruitColumns() {
    return List.of("id", "name", "price", "city");
  }
}
