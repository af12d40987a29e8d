package dev.preflyte.samples.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Parquet files with DuckDB: a Parquet implementation of its own, not ours. */
public final class DuckDb {

  private DuckDb() {}

  /** The rows of {@code sql}, in which {@code $file} stands for {@code read_parquet('<file>')}. */
  public static List<List<Object>> query(Path file, String sql) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement();
        ResultSet rows = statement.executeQuery(sql.replace("$file", "read_parquet('" + file + "')"))) {
      List<List<Object>> result = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(rows.getObject(i));
        }
        result.add(row);
      }
      return result;
    }
  }

  /** Column name to DuckDB's type name, in file order. */
  public static Map<String, String> columnTypes(Path file) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    for (List<Object> row : query(file, "DESCRIBE SELECT * FROM $file")) {
      types.put((String) row.get(0), (String) row.get(1));
    }
    return types;
  }
}
