package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Struct;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every configuration of {@link ConfigRoundTripTest#CONF} (a record with a property of every kind
 * the processor supports) survives the generated {@code getCustom} -> Struct -> bytes -> Struct ->
 * the generated decoder, equal to what went in. Values are drawn for each record component from its
 * declared type, so a property added to CONF is covered without touching this test. Tries: 200 by
 * default, more with {@code -Dpreflyte.tries=N} (see RELIABILITY.md).
 */
class ConfigRoundTripPropertyTest {

  private static final int MAX_DEPTH = 3;
  private static Compiled compiled;
  private static Class<?> conf;

  @BeforeContainer
  static void compile() throws Exception {
    Path output = Files.createTempDirectory(Path.of("target"), "config-property");
    compiled = Compiled.compile(output, ConfigRoundTripTest.CONF);
    conf = compiled.type("com.acme.Conf");
  }

  @Provide
  Arbitrary<Object> configurations() {
    return recordOf(conf, 0);
  }

  @Property
  void everyConfigurationSurvivesTheTemplate(@ForAll("configurations") Object config) throws Exception {
    PrebuiltContainerTask<?> task = compiled.task("com.acme.ConfTask", config);
    Struct custom = Compiled.registered(task).getCustom();
    Struct parsed = TaskTemplate.parseFrom(TaskTemplate.newBuilder().setCustom(custom).build().toByteArray())
        .getCustom();
    assertEquals(config, compiled.decodeCustom("com.acme.ConfTask", parsed));
  }

  /** A record of {@code type}, each component drawn from its declared type. */
  private static Arbitrary<Object> recordOf(Class<?> type, int depth) {
    RecordComponent[] components = type.getRecordComponents();
    List<Arbitrary<Object>> parts = Arrays.stream(components)
        .map(c -> nullableUnlessPrimitive(c.getGenericType(), depth)).toList();
    Class<?>[] parameters = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    return Combinators.combine(parts).as(values -> {
      try {
        return type.getDeclaredConstructor(parameters).newInstance(values.toArray());
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new IllegalStateException(type + " from " + values.stream()
            .map(v -> v == null ? "null" : v.getClass().getName()).toList(), e);
      }
    });
  }

  /** A property, list element or map value: null is a value too unless the type is primitive or Optional. */
  private static Arbitrary<Object> nullableUnlessPrimitive(Type type, int depth) {
    Arbitrary<Object> value = valueOf(type, depth);
    boolean nullable = !(type instanceof Class<?> c && c.isPrimitive()) && raw(type) != Optional.class;
    return nullable ? value.injectNull(0.1) : value;
  }

  private static Arbitrary<Object> valueOf(Type type, int depth) {
    Class<?> raw = raw(type);
    if (raw == long.class || raw == Long.class) {
      return Arbitraries.longs().map(Object.class::cast);
    } else if (raw == int.class || raw == Integer.class) {
      return Arbitraries.integers().map(Object.class::cast);
    } else if (raw == double.class || raw == Double.class) {
      return Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(-0.0).map(Object.class::cast);
    } else if (raw == float.class || raw == Float.class) {
      return Arbitraries.floats().withSpecialValue(Float.NaN).withSpecialValue(Float.NEGATIVE_INFINITY)
          .map(Object.class::cast);
    } else if (raw == boolean.class || raw == Boolean.class) {
      return Arbitraries.of(true, false).map(Object.class::cast);
    } else if (raw == String.class) {
      return text(12).map(Object.class::cast);
    } else if (raw == Instant.class) {
      return Combinators.combine(Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L),
          Arbitraries.integers().between(0, 999_999_999)).as((s, n) -> (Object) Instant.ofEpochSecond(s, n));
    } else if (raw == Duration.class) {
      return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 999_999_999))
          .as((s, n) -> (Object) Duration.ofSeconds(s, n));
    } else if (raw.isEnum()) {
      return Arbitraries.of(raw.getEnumConstants()).map(Object.class::cast);
    } else if (raw == List.class) {
      return nullableUnlessPrimitive(argument(type, 0), depth + 1).list().ofMaxSize(depth >= MAX_DEPTH ? 0 : 3)
          .map(Object.class::cast);
    } else if (raw == Map.class) {
      return Arbitraries.maps(text(6), nullableUnlessPrimitive(argument(type, 1), depth + 1))
          .ofMaxSize(depth >= MAX_DEPTH ? 0 : 3).map(Object.class::cast);
    } else if (raw == Optional.class) {
      Arbitrary<Object> present = depth >= MAX_DEPTH ? Arbitraries.just(null) : valueOf(argument(type, 0), depth + 1);
      return present.map(v -> (Object) Optional.ofNullable(v));
    } else if (raw.isRecord()) {
      // Deep enough: a nested record that refers to itself ends in null.
      return depth >= MAX_DEPTH ? Arbitraries.just(null) : recordOf(raw, depth + 1);
    }
    throw new IllegalArgumentException("no values for " + type + ": add them here");
  }

  /** Any text UTF-8 can carry: lone surrogates are refused by the codecs (CustomCodecsTest). */
  private static Arbitrary<String> text(int maxLength) {
    return Arbitraries.strings().withCharRange(Character.MIN_VALUE, Character.MAX_VALUE).ofMaxLength(maxLength)
        .filter(s -> s.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  private static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}
