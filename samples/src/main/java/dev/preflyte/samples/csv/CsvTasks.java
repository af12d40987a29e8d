package dev.preflyte.samples.csv;

import dev.preflyte.annotations.DeclaredTask;
import java.util.List;

/** Instances of the {@link CsvStats} task type, declared for {@code preflyte package} to register. */
public final class CsvTasks {

  /** Comma-separated with a header row, every column summarized; {@code NA} and {@code null} are missing. */
  @DeclaredTask(name = "samples.csv_stats")
  public static final CsvStatsTask CSV_STATS = CsvStatsTask.of(new CsvStats(",", true, List.of(), List.of("NA", "null")));

  /** Tab-separated files without a header row. */
  @DeclaredTask(name = "samples.tsv_stats")
  public static final CsvStatsTask TSV_STATS = CsvStatsTask.of(new CsvStats("\t", false, List.of(), List.of()));

  private CsvTasks() {}
}
