package dev.preflyte.samples.sql;

import dev.preflyte.samples.sql.parquet.Column;
import dev.preflyte.samples.sql.parquet.ParquetRows;
import dev.preflyte.samples.sql.parquet.ParquetWriter;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Copies a result set into a Parquet file row by row, so memory stays bounded by the writer's row
 * group, whatever the number of rows. Dates and timestamps are taken as the driver gives them:
 * {@code java.sql} and {@code java.time} values, SQLite's ISO-8601 text, or epoch milliseconds (how
 * sqlite-jdbc stores a bound {@code Timestamp}).
 */
final class ResultRows {

  private ResultRows() {}

  /**
   * Copies every remaining row; returns how many.
   *
   * @param textAsUtf8 read text with {@code getBytes}, which sqlite-jdbc answers with SQLite's own
   *     UTF-8 bytes: no String is made and encoded again, which halves the cost of a text column
   */
  static long copy(ResultSet rows, List<Column> columns, ParquetRows parquet, boolean textAsUtf8)
      throws SQLException, IOException {
    int count = columns.size();
    while (rows.next()) {
      for (int i = 0; i < count; i++) {
        copyValue(rows, i, columns.get(i), parquet, textAsUtf8);
      }
      parquet.endRow();
    }
    return parquet.rows();
  }

  /**
   * Copies one cell. A getter answers SQL NULL with zero or false, so {@code wasNull}, which costs
   * sqlite-jdbc a second call into SQLite, is asked only after one of those.
   */
  private static void copyValue(ResultSet rows, int index, Column column, ParquetRows parquet, boolean textAsUtf8)
      throws SQLException {
    int jdbc = index + 1;
    switch (column.type()) {
      case INT64 -> {
        long value = rows.getLong(jdbc);
        if (value == 0 && rows.wasNull()) {
          parquet.setNull(index);
        } else {
          parquet.setLong(index, value);
        }
      }
      case DOUBLE -> {
        double value = rows.getDouble(jdbc);
        if (value == 0 && rows.wasNull()) {
          parquet.setNull(index);
        } else {
          parquet.setDouble(index, value);
        }
      }
      case BOOLEAN -> {
        boolean value = rows.getBoolean(jdbc);
        if (!value && rows.wasNull()) {
          parquet.setNull(index);
        } else {
          parquet.setBoolean(index, value);
        }
      }
      case STRING -> {
        if (textAsUtf8) {
          byte[] utf8 = rows.getBytes(jdbc);
          if (utf8 == null) {
            parquet.setNull(index);
          } else {
            parquet.setBytes(index, utf8);
          }
          return;
        }
        String value = rows.getString(jdbc);
        if (value == null) {
          parquet.setNull(index);
        } else {
          parquet.setString(index, value);
        }
      }
      case BINARY -> {
        byte[] value = rows.getBytes(jdbc);
        if (value == null) {
          parquet.setNull(index);
        } else {
          parquet.setBytes(index, value);
        }
      }
      case DATE -> {
        Object value = rows.getObject(jdbc);
        if (value == null) {
          parquet.setNull(index);
        } else {
          parquet.setDate(index, Math.toIntExact(epochDay(value, column, parquet.rows())));
        }
      }
      case TIMESTAMP, TIMESTAMP_UTC -> {
        Object value = rows.getObject(jdbc);
        if (value == null) {
          parquet.setNull(index);
        } else {
          parquet.setLong(index, epochMicros(value, column, parquet.rows()));
        }
      }
      case DECIMAL -> {
        java.math.BigDecimal value = rows.getBigDecimal(jdbc);
        if (value == null) {
          parquet.setNull(index);
        } else {
          setDecimal(parquet, index, column, value);
        }
      }
    }
  }

  private static long epochDay(Object value, Column column, long row) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toEpochDay();
    }
    if (value instanceof LocalDate date) {
      return date.toEpochDay();
    }
    if (value instanceof Number millis) {
      return Math.floorDiv(millis.longValue(), 86_400_000L);
    }
    if (value instanceof String text) {
      long day = isoEpochDay(text);
      if (day != NOT_A_DATE) {
        return day;
      }
    }
    throw unreadable(value, column, row, "a date (YYYY-MM-DD)");
  }

  private static final long NOT_A_DATE = Long.MIN_VALUE;

  /**
   * The day of text that starts with {@code YYYY-MM-DD} (what SQLite's date functions write), else
   * {@link #NOT_A_DATE}. By hand: {@code LocalDate.parse} was 5 % of a million-row query's time.
   */
  static long isoEpochDay(String text) {
    if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return NOT_A_DATE;
    }
    int year = digits(text, 0, 4);
    if (year < 0) {
      return NOT_A_DATE;
    }
    try {
      return LocalDate.of(year, digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
    } catch (DateTimeException e) {
      return NOT_A_DATE; // no such month or day (a non-digit reads as -1)
    }
  }

  /** The number written in text[from, to) with ASCII digits only, else -1. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static long epochMicros(Object value, Column column, long row) {
    Instant instant;
    if (value instanceof Timestamp timestamp) {
      // A local timestamp keeps its wall-clock fields; an instant keeps its instant.
      instant = column.type() == dev.preflyte.samples.sql.parquet.ColumnType.TIMESTAMP
          ? timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC) : timestamp.toInstant();
    } else if (value instanceof LocalDateTime local) {
      instant = local.toInstant(ZoneOffset.UTC);
    } else if (value instanceof OffsetDateTime offset) {
      instant = offset.toInstant();
    } else if (value instanceof java.sql.Date date) {
      instant = date.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
    } else if (value instanceof Number millis) {
      instant = Instant.ofEpochMilli(millis.longValue());
    } else if (value instanceof String text) {
      instant = parseTimestamp(text);
      if (instant == null) {
        throw unreadable(value, column, row, "a timestamp (YYYY-MM-DD HH:MM:SS[.fff][Z|+hh:mm])");
      }
    } else {
      throw unreadable(value, column, row, "a timestamp");
    }
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }

  /** SQLite's text timestamps: ISO-8601 with a space or a T, an optional fraction and zone. */
  private static Instant parseTimestamp(String text) {
    String iso = text.trim().replace(' ', 'T');
    try {
      if (iso.length() == 10) {
        return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(iso.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant();
      }
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static QueryException unreadable(Object value, Column column, long row, String expected) {
    String shown = String.valueOf(value);
    if (shown.length() > 40) {
      shown = shown.substring(0, 40) + "...";
    }
    return new QueryException("column '" + column.name() + "' of result row " + (row + 1) + " holds '" + shown
        + "' (" + value.getClass().getSimpleName() + "), not " + expected
        + ": convert it in the query, for example with CAST(... AS TEXT)");
  }

  /** A value the column's reported type cannot hold exactly fails the query: it is never rounded. */
  private static void setDecimal(ParquetRows parquet, int index, Column column, java.math.BigDecimal value) {
    java.math.BigDecimal scaled;
    try {
      scaled = ParquetWriter.exactly(column, value);
    } catch (IllegalArgumentException e) {
      throw new QueryException("column '" + column.name() + "' of result row " + (parquet.rows() + 1) + " holds "
          + value.toPlainString() + ", which does not fit " + column.typeName() + ", the type the database reports"
          + " for it (at most " + (column.precision() - column.scale()) + " digits before the point and "
          + column.scale() + " after): CAST it in the query to a type that holds it, for example CAST("
          + column.name() + " AS NUMERIC(38, 10)) or CAST(" + column.name() + " AS DOUBLE PRECISION)", e);
    }
    parquet.setDecimal(index, scaled);
  }
}
