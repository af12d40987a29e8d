package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.entrypoint.RelativeDataPaths;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.literal.LiteralContext;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.Storages;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.types.FlyteFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs read as the task's interface types them, and a bad value naming the input and the type. */
class TypedInputsTest {

  @TempDir Path dir;

  private static final TaskInterface INTERFACE = TaskInterface.builder()
      .input("limit", LiteralCodecs.int64())
      .input("ratio", LiteralCodecs.float64())
      .input("dry", LiteralCodecs.bool())
      .input("since", LiteralCodecs.datetime())
      .input("wait", LiteralCodecs.duration())
      .input("tags", LiteralCodecs.listOf(LiteralCodecs.string()))
      .input("weights", LiteralCodecs.mapOf(LiteralCodecs.int64()))
      .input("notes", LiteralCodecs.file())
      .build();

  private TypedInputs typed() {
    Storage storage = Storages.localOnly();
    return new TypedInputs(INTERFACE.inputs(),
        LiteralContext.of(dir.resolve("raw").toString(), dir.resolve("work"), storage));
  }

  private Map<String, String> valid() throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("limit", "10");
    values.put("ratio", "0.25");
    values.put("dry", "TRUE");
    values.put("since", "2026-01-01T00:00:00Z");
    values.put("wait", "PT1M30S");
    values.put("tags", "[\"a\", \"b\"]");
    values.put("weights", "{\"x\": 1, \"y\": 2}");
    values.put("notes", Files.writeString(dir.resolve("notes.txt"), "hello").toString());
    return values;
  }

  private static <T> T get(LiteralMap inputs, String name, LiteralCodec<T> codec) {
    return codec.decode(inputs.getLiteralsOrThrow(name), null);
  }

  @Test
  void everyKindOfTextBecomesItsDeclaredType() throws Exception {
    LiteralMap inputs = typed().fromText(valid());
    assertEquals(10L, get(inputs, "limit", LiteralCodecs.int64()));
    assertEquals(0.25, get(inputs, "ratio", LiteralCodecs.float64()));
    assertEquals(true, get(inputs, "dry", LiteralCodecs.bool()));
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), get(inputs, "since", LiteralCodecs.datetime()));
    assertEquals(Duration.ofSeconds(90), get(inputs, "wait", LiteralCodecs.duration()));
    assertEquals(List.of("a", "b"), get(inputs, "tags", LiteralCodecs.listOf(LiteralCodecs.string())));
    assertEquals(Map.of("x", 1L, "y", 2L), get(inputs, "weights", LiteralCodecs.mapOf(LiteralCodecs.int64())));
    FlyteFile notes = get(inputs, "notes", LiteralCodecs.file());
    assertTrue(notes.uri().startsWith(dir.resolve("raw").toString()), "a local file is uploaded: " + notes.uri());
  }

  @Test
  void aBadValueNamesTheInputTheTypeAndTheFix() throws Exception {
    Map<String, String> values = valid();
    values.put("limit", "ten");
    CliException e = assertThrows(CliException.class, () -> typed().fromText(values));
    assertEquals("input 'limit' expects INTEGER, got \"ten\": give a whole number, such as 5", e.getMessage());

    values.put("limit", "1");
    values.put("weights", "{\"x\": \"many\"}");
    e = assertThrows(CliException.class, () -> typed().fromText(values));
    assertEquals("input 'weights[\"x\"]' expects INTEGER, got \"many\": give a whole number, such as 5", e.getMessage());
    values.put("weights", "{}");

    values.put("tags", "a,b");
    e = assertThrows(CliException.class, () -> typed().fromText(values));
    assertTrue(e.getMessage().startsWith("input 'tags' expects "), e.getMessage());
    assertTrue(e.getMessage().endsWith("give JSON, such as [1, 2] or {\"k\": 1}"), e.getMessage());
  }
  @Test
  void aJsonObjectIsTypedAsTextIsAndItsErrorsNameTheirSource() throws Exception {
    String json = "{\"limit\": 10, \"ratio\": 0.25, \"dry\": true, \"since\": \"2026-01-01T00:00:00Z\","
        + " \"wait\": \"PT1M30S\", \"tags\": [\"a\", \"b\"], \"weights\": {\"x\": 1},"
        + " \"notes\": \"s3://bucket/notes.txt\"}";
    LiteralMap inputs = typed().fromJson(json, "in.json");
    assertEquals(10L, get(inputs, "limit", LiteralCodecs.int64()));
    assertEquals(List.of("a", "b"), get(inputs, "tags", LiteralCodecs.listOf(LiteralCodecs.string())));
    assertEquals(Map.of("x", 1L), get(inputs, "weights", LiteralCodecs.mapOf(LiteralCodecs.int64())));
    assertEquals("s3://bucket/notes.txt", get(inputs, "notes", LiteralCodecs.file()).uri());

    CliException e = assertThrows(CliException.class, () -> typed().fromJson(json.replace("10", "\"ten\""), "in.json"));
    assertEquals("in.json: input 'limit' expects INTEGER, got \"ten\": give a whole number, such as 5", e.getMessage());
    e = assertThrows(CliException.class, () -> typed().fromJson(json.replace("\"limit\": 10, ", ""), "in.json"));
    assertEquals("in.json: input 'limit' (INTEGER) is missing: add \"limit\" to the object", e.getMessage());
    e = assertThrows(CliException.class, () -> typed().fromJson("[1]", "in.json"));
    assertTrue(e.getMessage().startsWith("in.json is not a JSON object of inputs: "), e.getMessage());
  }

  @Test
  void aRunElsewhereGetsLocalPathsAsGivenWithTheKindEachTypeWantsAndNothingUploaded() throws Exception {
    TaskInterface files = TaskInterface.builder()
        .input("notes", LiteralCodecs.file())
        .input("folder", LiteralCodecs.directory())
        .input("table", LiteralCodecs.structuredDataset("parquet"))
        .build();
    TypedInputs elsewhere = TypedInputs.forRunElsewhere(files.inputs());
    List<String> asked = new ArrayList<>();
    RelativeDataPaths.Rewrite mounted = (input, path, kind) -> {
      asked.add(input + " " + kind);
      return "mounted/" + path;
    };
    LiteralMap inputs = RelativeDataPaths.rewrite(elsewhere.fromJson("{\"notes\": \"s3://bucket/notes.txt\","
        + " \"folder\": \"gs://b/d/\", \"table\": \"s3://bucket/t/\"}", "in.json"), mounted);
    assertEquals("s3://bucket/notes.txt", get(inputs, "notes", LiteralCodecs.file()).uri());
    assertEquals("gs://b/d/", get(inputs, "folder", LiteralCodecs.directory()).uri());
    assertEquals("s3://bucket/t/", get(inputs, "table", LiteralCodecs.structuredDataset("parquet")).uri());
    assertEquals(List.of(), asked, "a URI needs no mapping");

    LiteralMap given = elsewhere.fromJson("{\"notes\": \"data/notes.txt\", \"folder\": \"data/d\","
        + " \"table\": \"data/t\"}", "in.json");
    assertEquals("data/notes.txt", get(given, "notes", LiteralCodecs.file()).uri());
    assertEquals("data/t", get(given, "table", LiteralCodecs.structuredDataset("parquet")).uri());
    inputs = RelativeDataPaths.rewrite(given, mounted);
    assertEquals("mounted/data/notes.txt", get(inputs, "notes", LiteralCodecs.file()).uri());
    assertEquals("mounted/data/d", get(inputs, "folder", LiteralCodecs.directory()).uri());
    assertEquals("mounted/data/t", get(inputs, "table", LiteralCodecs.structuredDataset("parquet")).uri());
    assertEquals(List.of("folder FOLDER", "notes FILE", "table FILE_OR_FOLDER"), asked.stream().sorted().toList());
    assertTrue(Files.notExists(dir.resolve("data")), "nothing is uploaded or written");
  }
}
