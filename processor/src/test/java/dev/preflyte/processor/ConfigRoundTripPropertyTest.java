package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static dev.preflyte.runtime.testing.RandomCases.forAll;

import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.testing.RandomCases;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every configuration of {@link ConfigRoundTripTest#CONF} (a record with a property of every kind
 * the processor supports) survives the generated {@code getCustom} -> Struct -> bytes -> Struct ->
 * the generated decoder, equal to what went in. Values are drawn for each record component from its
 * declared type, so a property added to CONF is covered without touching this test; doubles and
 * floats include NaN, the infinities and -0.0, longs and ints their extremes. Tries: 200 by default,
 * more with {@code -Dpreflyte.tries=N}, a failure repeated with {@code -Dpreflyte.seed=S}
 * ({@link RandomCases}, RELIABILITY.md).
 */
class ConfigRoundTripPropertyTest {

  private static final int MAX_DEPTH = 3;
  private static Compiled compiled;
  private static Class<?> conf;

  @BeforeAll
  static void compile() throws Exception {
    Path output = Files.createTempDirectory(Path.of("target"), "config-property");
    compiled = Compiled.compile(output, ConfigRoundTripTest.CONF);
    conf = compiled.type("com.acme.Conf");
  }

  @Test
  void everyConfigurationSurvivesTheTemplate() {
    forAll("everyConfigurationSurvivesTheTemplate", r -> recordOf(r, conf, 0), config -> {
      PrebuiltContainerTask<?> task = compiled.task("com.acme.ConfTask", config);
      Struct custom = Compiled.registered(task).getCustom();
      Struct parsed = TaskTemplate.parseFrom(TaskTemplate.newBuilder().setCustom(custom).build().toByteArray())
          .getCustom();
      assertEquals(config, compiled.decodeCustom("com.acme.ConfTask", parsed));
    });
  }

  /** A record of {@code type}, each component drawn from its declared type. */
  private static Object recordOf(RandomCases r, Class<?> type, int depth) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] parameters = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = nullableUnlessPrimitive(r, components[i].getGenericType(), depth);
      parameters[i] = components[i].getType();
    }
    try {
      return type.getDeclaredConstructor(parameters).newInstance(values);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IllegalStateException(type + " from " + java.util.Arrays.stream(values)
          .map(v -> v == null ? "null" : v.getClass().getName()).toList(), e);
    }
  }

  /** A property, list element or map value: null is a value too unless the type is primitive or Optional. */
  private static Object nullableUnlessPrimitive(RandomCases r, Type type, int depth) {
    boolean nullable = !(type instanceof Class<?> c && c.isPrimitive()) && raw(type) != Optional.class;
    return nullable && r.oneIn(10) ? null : valueOf(r, type, depth);
  }

  private static Object valueOf(RandomCases r, Type type, int depth) {
    Class<?> raw = raw(type);
    if (raw == long.class || raw == Long.class) {
      return r.anyLong();
    } else if (raw == int.class || raw == Integer.class) {
      return r.anyInt();
    } else if (raw == double.class || raw == Double.class) {
      return r.anyDouble();
    } else if (raw == float.class || raw == Float.class) {
      return r.anyFloat();
    } else if (raw == boolean.class || raw == Boolean.class) {
      return r.bool();
    } else if (raw == String.class) {
      return r.text(12);
    } else if (raw == Instant.class) {
      return Instant.ofEpochSecond(r.longWithin(-62_135_596_800L, 253_402_300_799L), r.intWithin(0, 999_999_999));
    } else if (raw == Duration.class) {
      return Duration.ofSeconds(r.anyLong(), r.intWithin(0, 999_999_999));
    } else if (raw.isEnum()) {
      return r.pick(raw.getEnumConstants());
    } else if (raw == List.class) {
      return r.list(depth >= MAX_DEPTH ? 0 : 3, () -> nullableUnlessPrimitive(r, argument(type, 0), depth + 1));
    } else if (raw == Map.class) {
      return r.map(depth >= MAX_DEPTH ? 0 : 3, () -> r.text(6),
          () -> nullableUnlessPrimitive(r, argument(type, 1), depth + 1));
    } else if (raw == Optional.class) {
      return Optional.ofNullable(depth >= MAX_DEPTH ? null : valueOf(r, argument(type, 0), depth + 1));
    } else if (raw.isRecord()) {
      // Deep enough: a nested record that refers to itself ends in null.
      return depth >= MAX_DEPTH ? null : recordOf(r, raw, depth + 1);
    }
    throw new IllegalArgumentException("no values for " + type + ": add them here");
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  private static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}
