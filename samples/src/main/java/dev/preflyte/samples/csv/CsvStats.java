package dev.preflyte.samples.csv;

import dev.preflyte.annotations.Outputs;
import dev.preflyte.annotations.PrebuiltTask;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.types.FlyteFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Summarizes the columns of a CSV file and writes a cleaned copy of it: a typed pre-built task on
 * files. Its configuration travels in {@code TaskTemplate.custom}; the file is its input.
 *
 * <p>The cleaned copy is RFC 4180 CSV (UTF-8, commas, CRLF, minimal quoting) with every field
 * trimmed, missing markers written as empty fields, blank lines left out, and rows whose number of
 * fields differs from the header's dropped (and counted). The file is read once, streaming: memory
 * holds one record and the column summaries, whatever the file's size.
 *
 * @param delimiter the one character between fields: {@code ","}, {@code ";"}, {@code "\t"}...
 * @param header whether the first record names the columns; without it they are {@code column_1},
 *     {@code column_2}...
 * @param columns the columns to summarize, all when empty; each must be in the file
 * @param missingValues field values, besides the empty one, that mean "no value" (such as {@code NA})
 */
@PrebuiltTask(image = "ghcr.io/preflyte/samples:0.1.0", taskType = "csv-stats")
public record CsvStats(String delimiter, boolean header, List<String> columns, List<String> missingValues) {

  /** No field may be longer: bounds memory, and catches an unterminated quote early. */
  static final int MAX_FIELD_CHARS = 1 << 20;

  private static final int DROPPED_LINES_LOGGED = 5;

  public CsvStats {
    if (delimiter == null || delimiter.length() != 1 || "\"\r\n".contains(delimiter)) {
      throw new IllegalArgumentException("CsvStats delimiter " + (delimiter == null ? "null" : "\"" + delimiter + "\"")
          + " is not one character other than a quote or line break: use \",\", \";\", \"\\t\" or another");
    }
    columns = columns == null ? List.of() : List.copyOf(columns);
    missingValues = missingValues == null ? List.of() : List.copyOf(missingValues);
  }

  /**
   * The task's outputs.
   *
   * @param rows how many data rows were summarized (the header and dropped rows not counted)
   * @param droppedRows rows left out because their number of fields differs from the header's
   * @param columns each summarized column's summary, by column name
   * @param cleaned the cleaned CSV, uploaded under the raw output prefix
   */
  @Outputs
  public record Summary(long rows, long droppedRows, Map<String, ColumnSummary> columns, FlyteFile cleaned) {}

  /** Summarizes {@code csv}. */
  public Summary execute(FlyteFile csv, ExecutionContext context) throws IOException {
    String source = csv.uri();
    if (!context.storage().exists(source)) {
      throw new CsvInputException("the CSV file " + source + " does not exist: pass the URI or path of an existing file");
    }
    Path cleaned = context.workingDirectory().resolve("cleaned.csv");
    Set<String> missing = Set.copyOf(missingValues);
    char separator = delimiter.charAt(0);
    // Read straight from storage: no local copy of a large file first.
    try (InputStream in = context.storage().open(source);
        CsvReader reader = new CsvReader(in, separator, source, MAX_FIELD_CHARS);
        CsvWriter writer = new CsvWriter(cleaned)) {
      List<String> first = reader.next();
      if (first == null) {
        if (header) {
          throw new CsvInputException("the CSV file " + source + " is empty: it needs a header row,"
              + " or configure header=false");
        }
        return new Summary(0, 0, Map.of(), FlyteFile.of(cleaned));
      }
      List<String> names = header ? headerNames(trimmed(first), source) : generatedNames(first.size());
      int[] selected = selectedColumns(names, source);
      ColumnStatistics[] statistics = new ColumnStatistics[selected.length];
      for (int i = 0; i < statistics.length; i++) {
        statistics[i] = new ColumnStatistics();
      }
      if (header) {
        writer.write(names); // a file without a header row keeps its shape
      }
      long rows = 0;
      long dropped = 0;
      for (List<String> record = header ? reader.next() : first; record != null; record = reader.next()) {
        List<String> values = cleanedValues(record, missing);
        if (values.size() == 1 && names.size() > 1 && values.get(0).isEmpty()) {
          continue; // a line of only spaces is blank too
        }
        if (values.size() != names.size()) {
          if (dropped++ < DROPPED_LINES_LOGGED) {
            context.logger().warn("{} line {}: {} fields where the header has {}; row dropped",
                source, reader.recordLine(), values.size(), names.size());
          }
          continue;
        }
        rows++;
        for (int i = 0; i < selected.length; i++) {
          String value = values.get(selected[i]);
          if (value.isEmpty()) {
            statistics[i].addMissing();
          } else {
            statistics[i].add(value);
          }
        }
        writer.write(values);
      }
      Map<String, ColumnSummary> summaries = new LinkedHashMap<>();
      for (int i = 0; i < selected.length; i++) {
        summaries.put(names.get(selected[i]), statistics[i].summary());
      }
      context.logger().info("{}: {} rows, {} dropped, {} columns summarized", source, rows, dropped, selected.length);
      return new Summary(rows, dropped, summaries, FlyteFile.of(cleaned));
    }
  }

  private static List<String> trimmed(List<String> record) {
    List<String> values = new ArrayList<>(record.size());
    for (String field : record) {
      values.add(field.strip());
    }
    return values;
  }

  private static List<String> cleanedValues(List<String> record, Set<String> missing) {
    List<String> values = trimmed(record);
    values.replaceAll(value -> missing.contains(value) ? "" : value);
    return values;
  }

  private static List<String> headerNames(List<String> header, String source) {
    List<String> names = new ArrayList<>(header.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).isEmpty() ? "column_" + (i + 1) : header.get(i);
      Integer earlier = seen.putIfAbsent(name, i + 1);
      if (earlier != null) {
        throw new CsvInputException("the header of " + source + " names column '" + name + "' twice (columns "
            + earlier + " and " + (i + 1) + "): rename one, as each column's summary is keyed by its name");
      }
      names.add(name);
    }
    return names;
  }

  private static List<String> generatedNames(int count) {
    List<String> names = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      names.add("column_" + i);
    }
    return names;
  }

  private int[] selectedColumns(List<String> names, String source) {
    if (columns.isEmpty()) {
      return java.util.stream.IntStream.range(0, names.size()).toArray();
    }
    int[] selected = new int[columns.size()];
    for (int i = 0; i < selected.length; i++) {
      selected[i] = names.indexOf(columns.get(i));
      if (selected[i] < 0) {
        throw new CsvInputException("column '" + columns.get(i) + "' is not in " + source + "; its columns are: "
            + String.join(", ", names) + (header ? "" : " (header=false names them by position)"));
      }
    }
    return selected;
  }
}
