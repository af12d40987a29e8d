package dev.preflyte.samples.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180, with any one-character delimiter) one record at a time: fields in double
 * quotes may hold the delimiter, line breaks and doubled quotes; lines end in LF, CRLF or CR; a
 * UTF-8 byte order mark is skipped; blank lines are skipped. A quote inside an unquoted field is
 * kept as text, as Python's csv module keeps it. Memory is one record, and no field may exceed
 * {@code maxFieldChars}, so an unterminated quote cannot swallow a whole large file into memory.
 */
final class CsvReader implements Closeable {

  private static final int END = -1;

  private final Reader in;
  private final char delimiter;
  private final String source;
  private final int maxFieldChars;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private boolean started;
  /** The physical line the next character is on, from 1. */
  private long line = 1;
  private long recordLine;
  private final StringBuilder field = new StringBuilder();

  /**
   * @param in UTF-8 bytes; malformed UTF-8 is an error
   * @param source the file's name for messages
   */
  CsvReader(InputStream in, char delimiter, String source, int maxFieldChars) {
    this.in = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
    this.delimiter = delimiter;
    this.source = source;
    this.maxFieldChars = maxFieldChars;
  }

  /** The line the last record returned by {@link #next()} starts on. */
  long recordLine() {
    return recordLine;
  }

  /** The next record's fields, or null at the end of the file. */
  List<String> next() throws IOException {
    while (true) {
      int c = read();
      if (c == END) {
        return null;
      }
      if (c == '\n' || c == '\r') {
        endOfLine(c); // a blank line
        continue;
      }
      recordLine = line;
      return record(c);
    }
  }

  private List<String> record(int first) throws IOException {
    List<String> fields = new ArrayList<>();
    int c = first;
    while (true) {
      field.setLength(0);
      if (c == '"') {
        c = quoted();
      } else {
        while (c != delimiter && c != '\n' && c != '\r' && c != END) {
          append(c);
          c = read();
        }
      }
      fields.add(field.toString());
      if (c == delimiter) {
        c = read();
        continue;
      }
      if (c != END) {
        endOfLine(c);
      }
      return fields;
    }
  }

  /** Reads a quoted field after its opening quote; returns the character after its closing quote. */
  private int quoted() throws IOException {
    long openedOn = line;
    while (true) {
      int c = read();
      if (c == END) {
        throw new CsvInputException(source + " line " + openedOn + ": a quoted field is never closed"
            + " (unterminated quote); close it with \" and write a quote inside a field as \"\"");
      }
      if (c == '"') {
        int after = read();
        if (after != '"') {
          if (after != delimiter && after != '\n' && after != '\r' && after != END) {
            throw new CsvInputException(source + " line " + line + ": " + describe(after)
                + " follows the closing quote of a field; quote the whole field and write a quote"
                + " inside it as \"\"");
          }
          return after;
        }
      } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
        line++;
      }
      field.append((char) c);
      if (field.length() > maxFieldChars) {
        throw new CsvInputException(source + " line " + openedOn + ": a quoted field runs past "
            + maxFieldChars + " characters, most likely an unterminated quote; close it with \"");
      }
    }
  }

  private void append(int c) {
    field.append((char) c);
    if (field.length() > maxFieldChars) {
      throw new CsvInputException(source + " line " + line + ": a field is longer than " + maxFieldChars
          + " characters; is the delimiter '" + delimiter + "' the file's?");
    }
  }

  private void endOfLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      position++;
    }
    line++;
  }

  private static String describe(int c) {
    return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("U+%04X", c);
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n;
    try {
      n = in.read(buffer, 0, buffer.length);
    } catch (CharacterCodingException e) {
      throw new CsvInputException(source + " near line " + line + ": the file is not UTF-8 text ("
          + e.getMessage() + "); save it as UTF-8", e);
    }
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    if (!started) {
      started = true;
      if (buffer[0] == '\uFEFF') {
        position = 1; // the byte order mark
      }
    }
    return position < limit || fill();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
