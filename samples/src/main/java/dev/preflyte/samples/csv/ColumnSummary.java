package dev.preflyte.samples.csv;

import java.util.Optional;

/**
 * One column's summary; a Flyte STRUCT (a dataclass to flytekit).
 *
 * @param kind numeric when every present value is a decimal number
 * @param count how many rows have a value in this column
 * @param missing how many rows have none (an empty field, or one of the configured missing markers)
 * @param min the smallest value of a numeric column, empty for text
 * @param max the largest value of a numeric column, empty for text
 * @param mean the arithmetic mean of a numeric column, empty for text
 * @param distinct how many different values the column has (exact, or estimated when {@code
 *     distinctApproximate})
 * @param distinctApproximate whether {@code distinct} is an estimate: past {@value
 *     DistinctCounter#EXACT_LIMIT} different values it is counted in bounded memory, within about 1 %
 */
public record ColumnSummary(
    ColumnKind kind,
    long count,
    long missing,
    Optional<Double> min,
    Optional<Double> max,
    Optional<Double> mean,
    long distinct,
    boolean distinctApproximate) {}
