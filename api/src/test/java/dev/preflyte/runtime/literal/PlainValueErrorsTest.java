package dev.preflyte.runtime.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflyte.runtime.types.FlyteFile;
import dev.preflyte.runtime.types.StructuredDataset;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The messages for values inside a struct (msgpack) that do not fit the declared property type. */
class PlainValueErrorsTest {

  record Holder(int small, float single, long big, boolean flag, Instant at, Duration ttl, FlyteFile file,
      StructuredDataset table, ContainerCodecsTest.Color color, Map<String, Long> counts) {}

  /** A msgpack map of one property, the others absent: decoding fails at the first property checked. */
  private static String decodeError(String property, String valueHex) {
    LiteralCodec<Holder> codec = LiteralCodecs.struct(Holder.class);
    Map<String, String> values = new java.util.LinkedHashMap<>();
    values.put("small", "01");
    values.put("single", "cb3ff0000000000000");
    values.put("big", "01");
    values.put("flag", "c3");
    values.put("at", "b9" + HexFormat.of().formatHex("2024-01-02T03:04:05+00:00".getBytes()));
    values.put("ttl", "01");
    values.put("file", "81a470617468a3733a2f");
    values.put("table", "81a3757269a3733a2f");
    values.put("color", "a3524544");
    values.put("counts", "80");
    values.put(property, valueHex);
    StringBuilder hex = new StringBuilder(String.format("8%x", values.size()));
    values.forEach((k, v) -> hex.append(String.format("a%x", k.length()))
        .append(HexFormat.of().formatHex(k.getBytes())).append(v));
    return assertThrows(LiteralConversionException.class,
        () -> codec.decode(PrimitiveCodecsTest.msgpack(hex.toString()), null)).getMessage();
  }

  @Test
  void validHolderDecodes() {
    Holder holder = LiteralCodecs.struct(Holder.class).decode(PrimitiveCodecsTest.msgpack(
        "8a a5736d616c6c 01 a673696e676c65 cb3ff0000000000000 a3626967 01 a4666c6167 c3"
            + " a26174 b9" + HexFormat.of().formatHex("2024-01-02T03:04:05+00:00".getBytes())
            + " a374746c 01 a466696c65 81a470617468a3733a2f a57461626c65 81a3757269a3733a2f"
            + " a5636f6c6f72 a3524544 a6636f756e7473 80"), null);
    assertEquals(new Holder(1, 1.0f, 1L, true, Instant.parse("2024-01-02T03:04:05Z"), Duration.ofSeconds(1),
        FlyteFile.ofUri("s:/"), new StructuredDataset("s:/", "parquet"), ContainerCodecsTest.Color.RED, Map.of()),
        holder);
  }

  @Test
  void eachPropertyTypeNamesWhatItExpected() {
    assertEquals("at small: expected INTEGER within int range [-2147483648, 2147483647], got integer 4294967295:"
        + " declare the parameter long", decodeError("small", "ceffffffff"));
    assertEquals("at single: expected FLOAT within float range (|x| <= 3.4028235E38), got number 1.0E300:"
        + " declare the parameter double", decodeError("single", "cb7e37e43c8800759c"));
    assertEquals("at big: expected INTEGER, got integer 18446744073709551615, beyond the signed 64-bit range of"
        + " Flyte's INTEGER", decodeError("big", "cfffffffffffffffff"));
    assertEquals("at flag: expected BOOLEAN, got integer 1", decodeError("flag", "01"));
    assertEquals("at at: expected DATETIME as an ISO-8601 string, got string \"yesterday\"",
        decodeError("at", "a9" + HexFormat.of().formatHex("yesterday".getBytes())));
    assertEquals("at at: expected DATETIME, got integer 5", decodeError("at", "05"));
    assertEquals("at ttl: expected DURATION as a number of seconds, got string \"1h\"", decodeError("ttl", "a23168"));
    assertEquals("at file: expected BLOB(SINGLE) as {\"path\": uri}, got string \"s3://x\"",
        decodeError("file", "a673333a2f2f78"));
    assertEquals("at table: expected STRUCTURED_DATASET as {\"uri\": ..., \"file_format\": \"parquet\"},"
        + " got object{1}", decodeError("table", "81a3757269c0"));
    assertEquals("at color: expected one of [RED, GREEN, BLUE] (enum Color), got string \"PINK\"",
        decodeError("color", "a450494e4b"));
    assertEquals("at counts[\"k\"]: expected INTEGER, got null", decodeError("counts", "81a16bc0"));
    assertEquals("at counts: expected MAP<INTEGER>, got array[0]", decodeError("counts", "90"));
  }

  @Test
  void nullMapKeyIsRefused() {
    Map<String, Long> map = new HashMap<>();
    map.put(null, 1L);
    assertEquals("expected MAP<INTEGER> with string keys, got a null key", assertThrows(
        LiteralConversionException.class, () -> LiteralCodecs.mapOf(LiteralCodecs.int64()).encode(map, null))
        .getMessage());
  }

  @Test
  void nullListIsRefusedWithTheFix() {
    assertEquals("expected LIST<STRING>, got null: pass a value, or declare the type Optional or @Nullable",
        assertThrows(LiteralConversionException.class,
            () -> LiteralCodecs.listOf(LiteralCodecs.string()).encode((List<String>) null, null)).getMessage());
  }
}
