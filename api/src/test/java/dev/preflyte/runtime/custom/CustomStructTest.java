package dev.preflyte.runtime.custom;

import static dev.preflyte.runtime.custom.Wire.NULL;
import static dev.preflyte.runtime.custom.Wire.assertDecodingFails;
import static dev.preflyte.runtime.custom.Wire.assertRefused;
import static dev.preflyte.runtime.custom.Wire.bool;
import static dev.preflyte.runtime.custom.Wire.list;
import static dev.preflyte.runtime.custom.Wire.number;
import static dev.preflyte.runtime.custom.Wire.struct;
import static dev.preflyte.runtime.custom.Wire.structValue;
import static dev.preflyte.runtime.custom.Wire.text;
import static dev.preflyte.runtime.custom.Wire.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomStructTest {

  enum Mode { FAST, SAFE }

  record Limits(long max, String unit) {}

  /** Every kind of property, declared out of name order. */
  record Config(
      long offset,
      String name,
      Mode mode,
      Double ratio,
      boolean dryRun,
      int retries,
      float scale,
      Instant start,
      Duration timeout,
      List<String> tags,
      Map<String, Long> weights,
      Optional<String> label,
      List<Optional<String>> maybe,
      Limits limits) {}

  /** As generated code declares them. */
  static final class Codecs {
    static final CustomProperty<Limits, Long> MAX = CustomProperty.required("max", CustomCodecs.int64(), Limits::max);
    static final CustomProperty<Limits, String> UNIT = CustomProperty.of("unit", CustomCodecs.string(), Limits::unit);
    static final CustomStruct<Limits> LIMITS =
        CustomStruct.of(fields -> new Limits(fields.get(MAX), fields.get(UNIT)), MAX, UNIT);

    static final CustomProperty<Config, Long> OFFSET =
        CustomProperty.required("offset", CustomCodecs.int64(), Config::offset);
    static final CustomProperty<Config, String> NAME = CustomProperty.of("name", CustomCodecs.string(), Config::name);
    static final CustomProperty<Config, Mode> MODE =
        CustomProperty.of("mode", CustomCodecs.enumOf(Mode.class), Config::mode);
    static final CustomProperty<Config, Double> RATIO =
        CustomProperty.of("ratio", CustomCodecs.float64(), Config::ratio);
    static final CustomProperty<Config, Boolean> DRY_RUN =
        CustomProperty.required("dryRun", CustomCodecs.bool(), Config::dryRun);
    static final CustomProperty<Config, Integer> RETRIES =
        CustomProperty.required("retries", CustomCodecs.int32(), Config::retries);
    static final CustomProperty<Config, Float> SCALE =
        CustomProperty.required("scale", CustomCodecs.float32(), Config::scale);
    static final CustomProperty<Config, Instant> START =
        CustomProperty.of("start", CustomCodecs.instant(), Config::start);
    static final CustomProperty<Config, Duration> TIMEOUT =
        CustomProperty.of("timeout", CustomCodecs.duration(), Config::timeout);
    static final CustomProperty<Config, List<String>> TAGS =
        CustomProperty.of("tags", CustomCodecs.listOf(CustomCodecs.string()), Config::tags);
    static final CustomProperty<Config, Map<String, Long>> WEIGHTS =
        CustomProperty.of("weights", CustomCodecs.mapOf(CustomCodecs.int64()), Config::weights);
    static final CustomProperty<Config, Optional<String>> LABEL =
        CustomProperty.of("label", CustomCodecs.optionalOf(CustomCodecs.string()), Config::label);
    static final CustomProperty<Config, List<Optional<String>>> MAYBE = CustomProperty.of(
        "maybe", CustomCodecs.listOf(CustomCodecs.optionalOf(CustomCodecs.string())), Config::maybe);
    static final CustomProperty<Config, Limits> LIMITS_PROPERTY = CustomProperty.of("limits", LIMITS, Config::limits);
    static final CustomStruct<Config> CUSTOM = CustomStruct.of(
        fields -> new Config(fields.get(OFFSET), fields.get(NAME), fields.get(MODE), fields.get(RATIO),
            fields.get(DRY_RUN), fields.get(RETRIES), fields.get(SCALE), fields.get(START), fields.get(TIMEOUT),
            fields.get(TAGS), fields.get(WEIGHTS), fields.get(LABEL), fields.get(MAYBE), fields.get(LIMITS_PROPERTY)),
        OFFSET, NAME, MODE, RATIO, DRY_RUN, RETRIES, SCALE, START, TIMEOUT, TAGS, WEIGHTS, LABEL, MAYBE,
        LIMITS_PROPERTY);
  }

  private static Config full() {
    Map<String, Long> weights = new LinkedHashMap<>();
    weights.put("z", 2L);
    weights.put("a", null);
    return new Config(Long.MAX_VALUE, "select 1", Mode.SAFE, Double.NaN, true, 3, 0.5f,
        Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(90), Arrays.asList("x", null), weights,
        Optional.empty(), List.of(Optional.of("m"), Optional.empty()), new Limits(10, "MB"));
  }

  private static Config allNull() {
    return new Config(0, null, null, null, false, 0, 0f, null, null, null, null, null, null, null);
  }

  // ---- a record --------------------------------------------------------------------------------

  @Test
  void recordEncodesOneFieldPerPropertyInNameOrder() {
    Struct expected = struct(
        "dryRun", bool(true),
        "label", NULL,
        "limits", structValue("max", number(10), "unit", text("MB")),
        "maybe", list(text("m"), NULL),
        "mode", text("SAFE"),
        "name", text("select 1"),
        "offset", text("9223372036854775807"),
        "ratio", text("NaN"),
        "retries", number(3),
        "scale", number(0.5),
        "start", text("2026-01-01T00:00:00Z"),
        "tags", list(text("x"), NULL),
        "timeout", text("PT1H30M"),
        "weights", structValue("a", NULL, "z", number(2)));
    Struct encoded = Codecs.CUSTOM.encodeStruct(full());
    assertEquals(expected, encoded);
    assertEquals(List.of("dryRun", "label", "limits", "maybe", "mode", "name", "offset", "ratio", "retries", "scale",
        "start", "tags", "timeout", "weights"), List.copyOf(encoded.getFieldsMap().keySet()));
    assertArrayEquals(expected.toByteArray(), encoded.toByteArray());
    assertEquals(full(), Codecs.CUSTOM.decodeStruct(wire(encoded)));
  }

  @Test
  void nullPropertiesAreLeftOutAndDecodeAsNull() {
    Struct encoded = Codecs.CUSTOM.encodeStruct(allNull());
    assertEquals(struct("dryRun", bool(false), "offset", number(0), "retries", number(0), "scale", number(0)),
        encoded);
    assertEquals(allNull(), Codecs.CUSTOM.decodeStruct(wire(encoded)));
  }

  @Test
  void aConfigurationOfNullsIsAnEmptyStruct() {
    CustomProperty<Limits, String> unit = CustomProperty.of("unit", CustomCodecs.string(), Limits::unit);
    CustomStruct<Limits> struct = CustomStruct.of(fields -> new Limits(7, fields.get(unit)), unit);
    assertEquals(Struct.getDefaultInstance(), struct.encodeStruct(new Limits(1, null)));
    assertEquals(new Limits(7, null), struct.decodeStruct(Struct.getDefaultInstance()));
  }

  @Test
  void aStructIsANestedStructValueAsACodec() {
    Limits limits = new Limits(-1, "GB");
    Value encoded = Codecs.LIMITS.encode(limits);
    assertEquals(structValue("max", number(-1), "unit", text("GB")), encoded);
    assertEquals(Codecs.LIMITS.encodeStruct(limits), encoded.getStructValue());
    assertEquals(limits, Codecs.LIMITS.decode(wire(encoded), "limits"));
    assertDecodingFails("limits", "expected a struct, got string \"x\"", () -> Codecs.LIMITS.decode(text("x"), "limits"));
  }

  @Test
  void theStructWritesEachPropertyAsItsValueCodecDoesInNameOrder() {
    Config config = full();
    // Property by property with the value codecs alone, in name order.
    Struct.Builder limits = Struct.newBuilder();
    limits.putFields("max", CustomCodecs.int64().encode(config.limits().max()));
    limits.putFields("unit", CustomCodecs.string().encode(config.limits().unit()));
    Struct.Builder old = Struct.newBuilder();
    old.putFields("dryRun", CustomCodecs.bool().encode(config.dryRun()));
    old.putFields("label", CustomCodecs.optionalOf(CustomCodecs.string()).encode(config.label()));
    old.putFields("limits", Value.newBuilder().setStructValue(limits.build()).build());
    old.putFields("maybe", CustomCodecs.listOf(CustomCodecs.optionalOf(CustomCodecs.string()))
        .encode(config.maybe()));
    old.putFields("mode", CustomCodecs.enumOf(Mode.class).encode(config.mode()));
    old.putFields("name", CustomCodecs.string().encode(config.name()));
    old.putFields("offset", CustomCodecs.int64().encode(config.offset()));
    old.putFields("ratio", CustomCodecs.float64().encode(config.ratio()));
    old.putFields("retries", CustomCodecs.int32().encode(config.retries()));
    old.putFields("scale", CustomCodecs.float32().encode(config.scale()));
    old.putFields("start", CustomCodecs.instant().encode(config.start()));
    old.putFields("tags", CustomCodecs.listOf(CustomCodecs.string()).encode(config.tags()));
    old.putFields("timeout", CustomCodecs.duration().encode(config.timeout()));
    old.putFields("weights", CustomCodecs.mapOf(CustomCodecs.int64()).encode(config.weights()));
    Struct expected = old.build();

    Struct encoded = Codecs.CUSTOM.encodeStruct(config);
    assertEquals(expected, encoded);
    assertArrayEquals(expected.toByteArray(), encoded.toByteArray());
  }

  @Test
  void aNullPropertyIsRefusedNamingItAndTheFix() {
    String fix = ": the task template was written by another version of the task class; register the task again"
        + " with the version the image runs";
    CustomDecodingException name = assertThrows(CustomDecodingException.class,
        () -> Codecs.CUSTOM.decodeStruct(withField("name", NULL)));
    assertEquals("custom property 'name': expected a string, got null" + fix, name.getMessage());
    CustomDecodingException offset = assertThrows(CustomDecodingException.class,
        () -> Codecs.CUSTOM.decodeStruct(withField("offset", NULL)));
    assertEquals("custom property 'offset': expected an integer, got null" + fix, offset.getMessage());
  }

  // ---- decoding errors -------------------------------------------------------------------------

  private static Struct withField(String name, Value value) {
    return Codecs.CUSTOM.encodeStruct(full()).toBuilder().putFields(name, value).build();
  }

  private static Struct without(String name) {
    return Codecs.CUSTOM.encodeStruct(full()).toBuilder().removeFields(name).build();
  }

  @Test
  void aMissingRequiredPropertyIsNamed() {
    CustomDecodingException e =
        assertThrows(CustomDecodingException.class, () -> Codecs.CUSTOM.decodeStruct(without("offset")));
    assertEquals("custom property 'offset': missing: the task template was written by another version of the task"
        + " class; register the task again with the version the image runs", e.getMessage());
    Struct noMax = withField("limits", structValue("unit", text("MB")));
    assertDecodingFails("limits.max", "missing", () -> Codecs.CUSTOM.decodeStruct(noMax));
  }

  @Test
  void aRequiredPropertyThatIsNullIsNamed() {
    assertDecodingFails("offset", "expected an integer, got null",
        () -> Codecs.CUSTOM.decodeStruct(withField("offset", NULL)));
    assertDecodingFails("dryRun", "expected true or false, got null",
        () -> Codecs.CUSTOM.decodeStruct(withField("dryRun", NULL)));
  }

  @Test
  void aNullableNonOptionalPropertyIsNeverJsonNull() {
    assertDecodingFails("name", "expected a string, got null", () -> Codecs.CUSTOM.decodeStruct(withField("name", NULL)));
    assertDecodingFails("tags", "expected a list, got null", () -> Codecs.CUSTOM.decodeStruct(withField("tags", NULL)));
    assertDecodingFails("limits", "expected a struct, got null",
        () -> Codecs.CUSTOM.decodeStruct(withField("limits", NULL)));
  }

  @Test
  void anOptionalPropertyIsEmptyWhenNullAndNullWhenAbsent() {
    assertEquals(Optional.empty(), Codecs.CUSTOM.decodeStruct(withField("label", NULL)).label());
    assertEquals(Optional.of("v"), Codecs.CUSTOM.decodeStruct(withField("label", text("v"))).label());
    assertNull(Codecs.CUSTOM.decodeStruct(without("label")).label());
  }

  @Test
  void anUnknownPropertyIsRejected() {
    assertDecodingFails("extra", "the configuration has no such property (it has [dryRun, label, limits, maybe,"
        + " mode, name, offset, ratio, retries, scale, start, tags, timeout, weights])",
        () -> Codecs.CUSTOM.decodeStruct(withField("extra", number(1)).toBuilder().putFields("zzz", NULL).build()));
    assertDecodingFails("limits.extra", "the configuration has no such property (it has [max, unit])",
        () -> Codecs.CUSTOM.decodeStruct(withField("limits", structValue("max", number(1), "extra", NULL))));
  }

  @Test
  void wrongValuesAreNamedByTheirPath() {
    assertDecodingFails("limits.max", "expected a whole number between -2^53 and 2^53 or a decimal string, got"
        + " number 0.5", () -> Codecs.CUSTOM.decodeStruct(withField("limits", structValue("max", number(0.5)))));
    assertDecodingFails("limits", "expected a struct, got list of 0 values",
        () -> Codecs.CUSTOM.decodeStruct(withField("limits", list())));
    assertDecodingFails("tags[2]", "expected a string, got number 1.0",
        () -> Codecs.CUSTOM.decodeStruct(withField("tags", list(text("a"), NULL, number(1)))));
    assertDecodingFails("weights[\"k\"]", "expected an integer, got boolean true",
        () -> Codecs.CUSTOM.decodeStruct(withField("weights", structValue("a", number(1), "k", bool(true)))));
    assertDecodingFails("maybe[0]", "expected a string, got boolean true",
        () -> Codecs.CUSTOM.decodeStruct(withField("maybe", list(bool(true)))));
    assertDecodingFails("mode", "expected one of [FAST, SAFE] (Mode), got string \"SLOW\"",
        () -> Codecs.CUSTOM.decodeStruct(withField("mode", text("SLOW"))));
  }

  @Test
  void aStructThatIsNotAStructIsNamedAtTopLevelPathsToo() {
    assertDecodingFails("", "expected a struct, got number 1.0", () -> Codecs.LIMITS.decode(number(1), ""));
  }

  // ---- encoding refusals -----------------------------------------------------------------------

  @Test
  void aNullOptionalElementIsRefusedWithItsPath() {
    Config config = new Config(0, null, null, null, false, 0, 0f, null, null, null, null, null,
        Arrays.asList(Optional.of("a"), null), null);
    assertRefused("custom property 'maybe[1]': a null Optional cannot be written into the task's custom:"
        + " use Optional.empty()", () -> Codecs.CUSTOM.encodeStruct(config));
  }

  @Test
  void aNullMapKeyIsRefusedWithItsPath() {
    Map<String, Long> weights = new HashMap<>();
    weights.put(null, 1L);
    Config config = new Config(0, null, null, null, false, 0, 0f, null, null, null, weights, null, null, null);
    assertRefused("custom property 'weights': a map with a null key cannot be written into the task's custom:"
        + " remove the null key", () -> Codecs.CUSTOM.encodeStruct(config));
  }

  @Test
  void aRequiredPropertyWhoseGetterReturnsNullIsRefused() {
    CustomProperty<Limits, String> unit = CustomProperty.required("unit", CustomCodecs.string(), Limits::unit);
    CustomStruct<Limits> struct = CustomStruct.of(fields -> new Limits(0, fields.get(unit)), unit);
    assertRefused("custom property 'unit': a required property is null: it is always written, so its getter must"
        + " return a value", () -> struct.encodeStruct(new Limits(0, null)));
  }

  // ---- a class with setters --------------------------------------------------------------------

  /** A configuration class whose defaults are not null. */
  static final class Settings {
    long retries = 3;
    String name = "default";
    List<String> tags = List.of("t");

    long getRetries() {
      return retries;
    }

    void setRetries(long retries) {
      this.retries = retries;
    }
  }

  static final class SettingsCodecs {
    static final CustomProperty<Settings, Long> RETRIES =
        CustomProperty.required("retries", CustomCodecs.int64(), Settings::getRetries, Settings::setRetries);
    static final CustomProperty<Settings, String> NAME =
        CustomProperty.of("name", CustomCodecs.string(), s -> s.name, (s, v) -> s.name = v);
    static final CustomProperty<Settings, List<String>> TAGS = CustomProperty.of(
        "tags", CustomCodecs.listOf(CustomCodecs.string()), s -> s.tags, (s, v) -> s.tags = v);
    static final CustomStruct<Settings> CUSTOM = CustomStruct.ofBean(Settings::new, TAGS, RETRIES, NAME);
  }

  @Test
  void aBeanRoundTripsThroughItsSetters() {
    Settings settings = new Settings();
    settings.retries = Long.MIN_VALUE;
    settings.name = "n";
    settings.tags = List.of("a", "b");
    Struct encoded = SettingsCodecs.CUSTOM.encodeStruct(settings);
    assertEquals(struct("name", text("n"), "retries", text("-9223372036854775808"), "tags", list(text("a"), text("b"))),
        encoded);
    Settings decoded = SettingsCodecs.CUSTOM.decodeStruct(wire(encoded));
    assertEquals(Long.MIN_VALUE, decoded.retries);
    assertEquals("n", decoded.name);
    assertEquals(List.of("a", "b"), decoded.tags);
  }

  @Test
  void aNullBeanPropertyStaysNullThoughTheDefaultIsNot() {
    Settings settings = new Settings();
    settings.name = null;
    settings.tags = null;
    Struct encoded = SettingsCodecs.CUSTOM.encodeStruct(settings);
    assertEquals(struct("retries", number(3)), encoded);
    assertEquals("default", new Settings().name);
    Settings decoded = SettingsCodecs.CUSTOM.decodeStruct(wire(encoded));
    assertNull(decoded.name);
    assertNull(decoded.tags);
    assertEquals(3, decoded.retries);
    assertDecodingFails("retries", "missing", () -> SettingsCodecs.CUSTOM.decodeStruct(Struct.getDefaultInstance()));
  }

  @Test
  void aBeanPropertyNeedsASetter() {
    CustomProperty<Settings, String> getterOnly = CustomProperty.of("name", CustomCodecs.string(), s -> s.name);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CustomStruct.ofBean(Settings::new, SettingsCodecs.RETRIES, getterOnly));
    assertEquals("custom property name has no setter: a class is decoded through its setters, so pass one to"
        + " CustomProperty.of or CustomProperty.required", e.getMessage());
  }

  // ---- construction ----------------------------------------------------------------------------

  @Test
  void propertyNamesAreUnique() {
    CustomProperty<Limits, String> other = CustomProperty.of("max", CustomCodecs.string(), Limits::unit);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CustomStruct.of(fields -> null, Codecs.MAX, other));
    assertEquals("two custom properties are named max", e.getMessage());
  }

  @Test
  void fieldsGiveOnlyTheStructsOwnProperties() {
    CustomStruct<Limits> struct = CustomStruct.of(fields -> new Limits(fields.get(Codecs.MAX), fields.get(Codecs.UNIT)),
        Codecs.MAX);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> struct.decodeStruct(struct("max", number(1))));
    assertEquals("property unit is not one of the struct's properties (it has [max]): pass it to CustomStruct.of",
        e.getMessage());
  }

  @Test
  void fieldsAreWrittenInNameOrderWhateverTheOrderGiven() {
    CustomProperty<Limits, String> z = CustomProperty.of("z", CustomCodecs.string(), Limits::unit);
    CustomProperty<Limits, String> a = CustomProperty.of("a", CustomCodecs.string(), Limits::unit);
    CustomProperty<Limits, Long> m = CustomProperty.required("m", CustomCodecs.int64(), Limits::max);
    CustomStruct<Limits> struct = CustomStruct.of(fields -> new Limits(fields.get(m), fields.get(z)), z, m, a);
    Struct encoded = struct.encodeStruct(new Limits(1, "u"));
    assertEquals(List.of("a", "m", "z"), List.copyOf(encoded.getFieldsMap().keySet()));
    assertArrayEquals(struct("a", text("u"), "m", number(1), "z", text("u")).toByteArray(), encoded.toByteArray());
  }

  // ---- a recursive record ----------------------------------------------------------------------

  record Node(String label, Node next, List<Node> children) {}

  static final class NodeCodecs {
    static final CustomProperty<Node, String> LABEL = CustomProperty.of("label", CustomCodecs.string(), Node::label);
    static final CustomProperty<Node, Node> NEXT =
        CustomProperty.of("next", CustomCodecs.lazy(() -> NodeCodecs.NODE), Node::next);
    static final CustomProperty<Node, List<Node>> CHILDREN =
        CustomProperty.of("children", CustomCodecs.listOf(CustomCodecs.lazy(() -> NodeCodecs.NODE)), Node::children);
    static final CustomStruct<Node> NODE = CustomStruct.of(
        fields -> new Node(fields.get(LABEL), fields.get(NEXT), fields.get(CHILDREN)), LABEL, NEXT, CHILDREN);
  }

  @Test
  void aRecursiveRecordGoesThroughLazy() {
    Node node = new Node("a", new Node("b", new Node("c", null, null), null),
        Arrays.asList(new Node("d", null, List.of()), null));
    Struct encoded = NodeCodecs.NODE.encodeStruct(node);
    assertEquals(struct(
        "children", list(structValue("children", list(), "label", text("d")), NULL),
        "label", text("a"),
        "next", structValue("label", text("b"), "next", structValue("label", text("c")))), encoded);
    assertEquals(node, NodeCodecs.NODE.decodeStruct(wire(encoded)));

    Struct bad = encoded.toBuilder()
        .putFields("next", structValue("next", structValue("label", number(1)))).build();
    assertDecodingFails("next.next.label", "expected a string, got number 1.0", () -> NodeCodecs.NODE.decodeStruct(bad));
    Struct badChild = encoded.toBuilder()
        .putFields("children", list(NULL, structValue("extra", NULL))).build();
    assertDecodingFails("children[1].extra", "the configuration has no such property (it has [children, label,"
        + " next])", () -> NodeCodecs.NODE.decodeStruct(badChild));
    assertDecodingFails("next", "expected a struct, got null",
        () -> NodeCodecs.NODE.decodeStruct(struct("next", NULL)));
  }
}
