package dev.preflyte.runtime.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import dev.preflyte.runtime.types.FlyteDirectory;
import dev.preflyte.runtime.types.FlyteFile;
import dev.preflyte.runtime.types.StructuredDataset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The JSON schema in a struct's {@code metadata}, as mashumaro writes it for the same dataclass. */
class StructSchemaTest {

  enum Mode { FAST, SAFE }

  record Leaf(long id) {}

  record Shapes(List<Optional<Long>> maybe, Map<String, List<Instant>> times, Optional<List<Leaf>> leaves,
      Map<String, Mode> modes, float ratio, int count, Duration ttl) {}

  /** A bean with the same properties as {@link Leaf}. */
  public static class BeanLeaf {
    private long id;

    public long getId() {
      return id;
    }

    public void setId(long id) {
      this.id = id;
    }
  }

  record WithFiles(FlyteFile file, FlyteDirectory dir, StructuredDataset table) {}

  @Test
  void containersAndOptionalsNestAsMashumarosSchema() {
    assertEquals("{\"additionalProperties\": false, \"properties\": {"
        + "\"count\": {\"type\": \"integer\"}, "
        + "\"leaves\": {\"anyOf\": [{\"items\": " + LEAF + ", \"type\": \"array\"}, {\"type\": \"null\"}]}, "
        + "\"maybe\": {\"items\": {\"anyOf\": [{\"type\": \"integer\"}, {\"type\": \"null\"}]}, \"type\": \"array\"}, "
        + "\"modes\": {\"additionalProperties\": {\"enum\": [\"FAST\", \"SAFE\"]}, \"propertyNames\": {\"type\": \"string\"},"
        + " \"type\": \"object\"}, "
        + "\"ratio\": {\"type\": \"number\"}, "
        + "\"times\": {\"additionalProperties\": {\"items\": {\"format\": \"date-time\", \"type\": \"string\"},"
        + " \"type\": \"array\"}, \"propertyNames\": {\"type\": \"string\"}, \"type\": \"object\"}, "
        + "\"ttl\": {\"format\": \"time-delta\", \"type\": \"number\"}}, "
        + "\"required\": [\"maybe\", \"times\", \"leaves\", \"modes\", \"ratio\", \"count\", \"ttl\"], "
        + "\"title\": \"Shapes\", \"type\": \"object\"}",
        json(LiteralCodecs.struct(Shapes.class).literalType().getMetadata()));
  }

  private static final String LEAF = "{\"additionalProperties\": false, \"properties\": {\"id\": {\"type\":"
      + " \"integer\"}}, \"required\": [\"id\"], \"title\": \"Leaf\", \"type\": \"object\"}";

  @Test
  void aBeanHasTheSchemaOfTheDataclassNamedLikeIt() {
    assertEquals(LEAF.replace("Leaf", "BeanLeaf"), json(LiteralCodecs.struct(BeanLeaf.class).literalType().getMetadata()));
    assertEquals(LEAF, json(LiteralCodecs.struct(Leaf.class).literalType().getMetadata()));
  }

  @Test
  void theSchemaIsBuiltOncePerClass() {
    assertSame(LiteralCodecs.struct(Shapes.class).literalType(), LiteralCodecs.struct(Shapes.class).literalType());
    Struct nested = LiteralCodecs.struct(Shapes.class).literalType().getStructure()
        .getDataclassTypeOrThrow("leaves").getUnionType().getVariants(0).getCollectionType().getMetadata();
    assertSame(LiteralCodecs.struct(Leaf.class).literalType().getMetadata(), nested);
  }

  @Test
  void filesAndDatasetsInsideAStructHaveTheSchemaOfWhatFlytekitSerializes() {
    Struct properties = LiteralCodecs.struct(WithFiles.class).literalType().getMetadata()
        .getFieldsOrThrow("properties").getStructValue();
    // FlyteFile._serialize -> Dict[str, Any]; FlyteDirectory -> Dict[str, str]; StructuredDataset ->
    // Dict[str, Optional[str]], as mashumaro writes the schema of a SerializableType.
    assertEquals("{\"propertyNames\": {\"type\": \"string\"}, \"type\": \"object\"}",
        json(properties.getFieldsOrThrow("file").getStructValue()));
    assertEquals("{\"additionalProperties\": {\"type\": \"string\"}, \"propertyNames\": {\"type\": \"string\"},"
        + " \"type\": \"object\"}", json(properties.getFieldsOrThrow("dir").getStructValue()));
    assertEquals("{\"additionalProperties\": {\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"null\"}]},"
        + " \"propertyNames\": {\"type\": \"string\"}, \"type\": \"object\"}",
        json(properties.getFieldsOrThrow("table").getStructValue()));
  }

  /** JSON with sorted keys, to compare schemas as text regardless of the map's order. */
  static String json(Struct struct) {
    return new TreeMap<>(struct.getFieldsMap()).entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": " + json(e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String json(Value value) {
    switch (value.getKindCase()) {
      case STRUCT_VALUE:
        return json(value.getStructValue());
      case LIST_VALUE:
        return value.getListValue().getValuesList().stream().map(StructSchemaTest::json)
            .collect(Collectors.joining(", ", "[", "]"));
      case STRING_VALUE:
        return "\"" + value.getStringValue() + "\"";
      case BOOL_VALUE:
        return String.valueOf(value.getBoolValue());
      case NUMBER_VALUE:
        return String.valueOf(value.getNumberValue());
      default:
        return "null";
    }
  }
}
