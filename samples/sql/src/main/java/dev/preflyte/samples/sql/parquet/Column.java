package dev.preflyte.samples.sql.parquet;

/** A column of a Parquet file: its name and type. Every column is OPTIONAL, so any value may be null. */
public record Column(String name, ColumnType type) {
  public Column {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a Parquet column needs a non-empty name");
    }
    if (type == null) {
      throw new IllegalArgumentException("Parquet column '" + name + "' needs a type");
    }
  }
}
