package dev.preflyte.idl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Flyte IDL wire reference as test data: the tables of {@code flyteidl-wire.md}, transcribed into
 * tab-separated resources ({@code flyteidl-fields.tsv}, {@code flyteidl-enums.tsv},
 * {@code flyteidl-reserved.tsv}) so they can be compared with the compiled descriptors.
 */
final class WireReference {

  /** One field row: a message's field as Flyte defines it. */
  record Field(String message, int number, String label, String type, String name, String oneof, String tag) {
    String id() {
      return message + "#" + number;
    }
  }

  /** One enum value. */
  record EnumValue(String enumName, int number, String name) {}

  /** One reserved field number. */
  record Reserved(String message, int number) {}

  final Set<String> messages = new LinkedHashSet<>();
  final List<Field> fields = new ArrayList<>();
  final List<EnumValue> enumValues = new ArrayList<>();
  final List<Reserved> reserved = new ArrayList<>();

  private WireReference() {}

  static WireReference load() {
    WireReference reference = new WireReference();
    for (String[] row : rows("/flyteidl-fields.tsv", 7)) {
      reference.messages.add(row[0]);
      if (!row[1].equals("-")) {
        reference.fields.add(new Field(row[0], Integer.parseInt(row[1]), row[2], row[3], row[4], row[5], row[6]));
      }
    }
    for (String[] row : rows("/flyteidl-enums.tsv", 3)) {
      reference.enumValues.add(new EnumValue(row[0], Integer.parseInt(row[1]), row[2]));
    }
    for (String[] row : rows("/flyteidl-reserved.tsv", 2)) {
      reference.reserved.add(new Reserved(row[0], Integer.parseInt(row[1])));
    }
    return reference;
  }

  private static List<String[]> rows(String resource, int columns) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = WireReference.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the test resources");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != columns) {
          throw new IllegalStateException(
              resource + " line " + lineNumber + " has " + cells.length + " columns, expected " + columns);
        }
        rows.add(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
