package dev.preflyte.runtime.types;

/**
 * A structured dataset (a table) passed by reference: a URI and a storage format such as
 * {@code "parquet"}. flytekit's Parquet layout is a directory holding a file named {@code 00000}.
 */
public record StructuredDataset(String uri, String format) {}
