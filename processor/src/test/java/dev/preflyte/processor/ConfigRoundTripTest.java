package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import dev.preflyte.runtime.custom.CustomDecodingException;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every configuration type goes into {@code TaskTemplate.custom} and comes back equal, through the
 * registered (serialized and parsed) template, edge values included.
 */
class ConfigRoundTripTest {

  static final JavaFileObject CONF =
      JavaFileObjects.forSourceLines(
          "com.acme.Conf",
          "package com.acme;",
          "",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "import java.time.Duration;",
          "import java.time.Instant;",
          "import java.util.List;",
          "import java.util.Map;",
          "import java.util.Optional;",
          "",
          "@PrebuiltTask(image = \"ghcr.io/acme/conf:1.0.0\", taskType = \"conf\")",
          "public record Conf(",
          "    long big, long small, Long boxedLong, int i, Integer boxedInt,",
          "    double d, Double boxedDouble, float f, Float boxedFloat, boolean flag, Boolean boxedFlag,",
          "    String text, Instant at, Duration delay, Mode mode,",
          "    List<Long> longs, List<String> withNulls, Map<String, Double> doubles,",
          "    Optional<String> maybe, Optional<Inner> maybeInner, List<Optional<Integer>> optionals,",
          "    Inner inner, List<Inner> inners, Map<String, List<Map<String, Mode>>> deep) {",
          "",
          "  public enum Mode { FAST, SAFE }",
          "",
          "  public record Inner(String name, long id, Inner child) {}",
          "",
          "  public void execute() {}",
          "}");

  @TempDir static Path dir;
  static Compiled compiled;
  static Class<?> conf;
  static Class<?> inner;
  static Class<?> mode;

  @BeforeAll
  static void compile() throws Exception {
    compiled = Compiled.compile(dir.resolve("out"), CONF);
    conf = compiled.type("com.acme.Conf");
    inner = compiled.type("com.acme.Conf$Inner");
    mode = compiled.type("com.acme.Conf$Mode");
  }

  private static Object mode(String name) {
    for (Object constant : mode.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static Object inner(String name, long id, Object child) throws Exception {
    return inner.getConstructors()[0].newInstance(name, id, child);
  }

  /** A Conf built from {@code values} in component order. */
  private static Object conf(Object... values) throws Exception {
    Constructor<?> constructor = conf.getConstructors()[0];
    return constructor.newInstance(values);
  }

  /** Defines the task with {@code config}, registers it and returns the configuration decoded from the template. */
  private static Object roundTrip(Object config) throws Throwable {
    PrebuiltContainerTask<?> task = compiled.task("com.acme.ConfTask", config);
    assertEquals(config, task.config());
    TaskTemplate template = Compiled.registered(task);
    return compiled.decodeCustom("com.acme.ConfTask", template.getCustom());
  }

  @Test
  void edgeValuesRoundTripExactly() throws Throwable {
    List<String> withNulls = new ArrayList<>(Arrays.asList("a", null, ""));
    Map<String, Double> doubles = new LinkedHashMap<>();
    doubles.put("nan", Double.NaN);
    doubles.put("inf", Double.POSITIVE_INFINITY);
    doubles.put("-inf", Double.NEGATIVE_INFINITY);
    doubles.put("negZero", -0.0);
    doubles.put("tiny", Double.MIN_VALUE);
    doubles.put("null", null);
    doubles.put("", 1.0);
    Object deepInner = inner("leaf", Long.MIN_VALUE, null);
    Object config = conf(
        Long.MAX_VALUE, (1L << 53) + 1, Long.MIN_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE,
        Double.NaN, Double.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0.0f, true, false,
        "ünïcödé \"quoted\"\n", Instant.parse("1969-12-31T23:59:59.999999999Z"), Duration.ofSeconds(-1, 1),
        mode("SAFE"),
        List.of(1L << 53, -(1L << 53), (1L << 53) + 1, Long.MAX_VALUE), withNulls, doubles,
        Optional.of("x"), Optional.of(inner("opt", 1, null)), Arrays.asList(Optional.of(1), Optional.empty()),
        inner("root", 9_007_199_254_740_993L, inner("child", -1, deepInner)),
        Arrays.asList(inner("a", 1, null), null),
        Map.of("k", List.of(Map.of("m", mode("FAST")), Map.of())));
    assertEquals(config, roundTrip(config));
  }

  @Test
  void emptyCollectionsAndEmptyOptionalsRoundTrip() throws Throwable {
    Object config = conf(
        0L, -0L, 0L, 0, 0, 0.0, 0.0, 0f, 0f, false, false, "", Instant.EPOCH, Duration.ZERO, mode("FAST"),
        List.of(), List.of(), Map.of(), Optional.empty(), Optional.empty(), List.of(),
        inner("", 0, null), List.of(), Map.of());
    assertEquals(config, roundTrip(config));
  }

  @Test
  void nullPropertiesAreLeftOutAndComeBackNull() throws Throwable {
    Object config = conf(
        1L, 2L, null, 3, null, 4.0, null, 5f, null, true, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);
    Object decoded = roundTrip(config);
    assertEquals(config, decoded);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.ConfTask", config);
    Struct custom = task.getCustom();
    assertEquals(List.of("big", "d", "f", "flag", "i", "small"), List.copyOf(custom.getFieldsMap().keySet()));
  }

  @Test
  void largeLongsAreDecimalStringsAndOthersNumbers() throws Throwable {
    Object config = conf(
        Long.MAX_VALUE, 1L << 53, null, 1, null, Double.NaN, null, Float.NEGATIVE_INFINITY, null, false, null,
        null, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(90), null,
        null, null, null, null, null, null, null, null, null);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.ConfTask", config);
    assertEquals(config, task.config());
    Map<String, Value> fields = task.getCustom().getFieldsMap();
    assertEquals("9223372036854775807", fields.get("big").getStringValue());
    assertEquals(9007199254740992.0, fields.get("small").getNumberValue());
    assertEquals("NaN", fields.get("d").getStringValue());
    assertEquals("-Infinity", fields.get("f").getStringValue());
    assertEquals("2026-01-01T00:00:00Z", fields.get("at").getStringValue());
    assertEquals("PT1H30M", fields.get("delay").getStringValue());
  }

  @Test
  void decodingErrorsNameThePropertyPath() throws Throwable {
    Struct wrongType = Struct.newBuilder()
        .putFields("big", Value.newBuilder().setStringValue("ten").build())
        .build();
    CustomDecodingException e = assertThrows(CustomDecodingException.class,
        () -> compiled.decodeCustom("com.acme.ConfTask", wrongType));
    assertTrue(e.getMessage().startsWith("custom property 'big': expected a 64-bit integer"), e.getMessage());
    assertTrue(e.getMessage().contains("register the task again"), e.getMessage());

    Struct unknown = Struct.newBuilder().putFields("bigg", Value.newBuilder().setNumberValue(1).build()).build();
    e = assertThrows(CustomDecodingException.class, () -> compiled.decodeCustom("com.acme.ConfTask", unknown));
    assertTrue(e.getMessage().startsWith("custom property 'bigg': the configuration has no such property"),
        e.getMessage());

    Object valid = conf(
        1L, 2L, null, 3, null, 4.0, null, 5f, null, true, null, null, null, null, null, null, null, null,
        null, null, null, inner("root", 1, inner("child", 2, null)), null, null);
    PrebuiltContainerTask<?> task = compiled.task("com.acme.ConfTask", valid);
    Struct custom = task.getCustom();
    Struct root = custom.getFieldsOrThrow("inner").getStructValue();
    Struct child = root.getFieldsOrThrow("child").getStructValue().toBuilder()
        .putFields("id", Value.newBuilder().setNumberValue(1.5).build()).build();
    Struct broken = custom.toBuilder()
        .putFields("inner", Value.newBuilder().setStructValue(
            root.toBuilder().putFields("child", Value.newBuilder().setStructValue(child).build())).build())
        .build();
    e = assertThrows(CustomDecodingException.class, () -> compiled.decodeCustom("com.acme.ConfTask", broken));
    assertTrue(e.getMessage().startsWith("custom property 'inner.child.id': expected a whole number"), e.getMessage());

    Struct missing = custom.toBuilder().removeFields("i").build();
    e = assertThrows(CustomDecodingException.class, () -> compiled.decodeCustom("com.acme.ConfTask", missing));
    assertTrue(e.getMessage().startsWith("custom property 'i': missing"), e.getMessage());
  }

  @Test
  void classConfigurationWritesNullOverDefaults() throws Throwable {
    JavaFileObject source =
        JavaFileObjects.forSourceLines(
            "com.acme.Defaults",
            "package com.acme;",
            "",
            "import dev.preflyte.annotations.PrebuiltTask;",
            "import java.util.List;",
            "",
            "@PrebuiltTask(image = \"ghcr.io/acme/defaults:1.0.0\", taskType = \"defaults\")",
            "public class Defaults {",
            "  public String mode = \"fast\";",
            "  public List<String> tags = List.of(\"a\");",
            "  public long limit = 10;",
            "",
            "  public String execute() { return mode + tags + limit; }",
            "}");
    Compiled defaults = Compiled.compile(dir.resolve("defaults"), source);
    Object config = defaults.instance("com.acme.Defaults");
    config.getClass().getField("mode").set(config, null);
    config.getClass().getField("limit").set(config, 11L);
    PrebuiltContainerTask<?> task = defaults.task("com.acme.DefaultsTask", config);
    Struct custom = Compiled.registered(task).getCustom();
    assertFalse(custom.containsFields("mode"));
    Object decoded = defaults.decodeCustom("com.acme.DefaultsTask", custom);
    assertNull(decoded.getClass().getField("mode").get(decoded));
    assertEquals(List.of("a"), decoded.getClass().getField("tags").get(decoded));
    assertEquals(11L, decoded.getClass().getField("limit").get(decoded));
  }
}
