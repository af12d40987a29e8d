package dev.preflyte.samples.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<List<String>> read(String text, char delimiter) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8), delimiter, 1000);
  }

  private static List<List<String>> read(byte[] bytes, char delimiter, int maxField) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new ByteArrayInputStream(bytes), delimiter, "data.csv", maxField)) {
      for (List<String> record = reader.next(); record != null; record = reader.next()) {
        records.add(record);
      }
    }
    return records;
  }

  @Test
  void quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws IOException {
    assertEquals(List.of(List.of("a", "b,c", "say \"hi\"", "two\nlines", ""), List.of("x", "", "", "crlf\r\ninside", "")),
        read("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\"\"\nx,,,\"crlf\r\ninside\",\n", ','));
  }

  @Test
  void lineEndsMayBeLfCrlfOrCrAndBlankLinesAreSkipped() throws IOException {
    assertEquals(List.of(List.of("1", "2"), List.of("3", "4"), List.of("5", "6"), List.of("7", "8")),
        read("1,2\r\n3,4\r5,6\n\n\r\n7,8", ','));
  }

  @Test
  void aByteOrderMarkIsSkippedAndOtherDelimitersWork() throws IOException {
    assertEquals(List.of(List.of("name", "qty"), List.of("a;b", "1")), read("\uFEFFname\tqty\n\"a;b\"\t1\n", '\t'));
    assertEquals(List.of(List.of("x", "y")), read("x;y", ';'));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsText() throws IOException {
    assertEquals(List.of(List.of("5\" disk", "ok")), read("5\" disk,ok\n", ','));
  }

  @Test
  void theRecordLineIsWhereTheRecordStarts() throws IOException {
    try (CsvReader reader = new CsvReader(new ByteArrayInputStream("a\n\"b\nc\"\n\nd\n".getBytes(StandardCharsets.UTF_8)),
        ',', "data.csv", 100)) {
      reader.next();
      assertEquals(1, reader.recordLine());
      reader.next();
      assertEquals(2, reader.recordLine());
      reader.next();
      assertEquals(5, reader.recordLine());
      assertNull(reader.next());
    }
  }

  @Test
  void anUnterminatedQuoteNamesTheLineItOpensOn() {
    CsvInputException error = assertThrows(CsvInputException.class, () -> read("a,b\n1,2\n3,\"never\nclosed\n", ','));
    assertTrue(error.getMessage().startsWith("data.csv line 3: a quoted field is never closed (unterminated quote)"),
        error.getMessage());
  }

  @Test
  void textAfterAClosingQuoteIsAnError() {
    CsvInputException error = assertThrows(CsvInputException.class, () -> read("a,b\n\"x\"y,2\n", ','));
    assertTrue(error.getMessage().startsWith("data.csv line 2: 'y' follows the closing quote of a field"),
        error.getMessage());
  }

  @Test
  void anOverlongFieldStopsTheReadInsteadOfFillingMemory() {
    byte[] bytes = ("\"" + "x".repeat(200)).getBytes(StandardCharsets.UTF_8);
    CsvInputException error = assertThrows(CsvInputException.class, () -> read(bytes, ',', 100));
    assertTrue(error.getMessage().startsWith("data.csv line 1: a quoted field runs past 100 characters"),
        error.getMessage());
  }

  @Test
  void bytesThatAreNotUtf8AreAnError() {
    byte[] bytes = {'a', ',', (byte) 0xff, '\n'};
    CsvInputException error = assertThrows(CsvInputException.class, () -> read(bytes, ',', 100));
    assertTrue(error.getMessage().contains("not UTF-8"), error.getMessage());
  }
}
