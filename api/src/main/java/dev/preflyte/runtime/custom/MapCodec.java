package dev.preflyte.runtime.custom;

import dev.preflyte.conventions.TextRules;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * {@code Map<String, T>} as a struct with its keys sorted, so equal maps encode to equal bytes; a
 * null value goes through the value codec's null handling, a null key is refused.
 */
final class MapCodec<T> extends BaseCodec<Map<String, T>> {

  static final String NULL_KEY =
      "a map with a null key cannot be written into the task's custom: remove the null key";

  private final CustomCodec<T> value;

  MapCodec(CustomCodec<T> value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  @Override
  Value encodeAt(Map<String, T> map, String path) {
    return encodeMap(map, path, (item, itemPath) -> encodeNullable(value, item, itemPath));
  }

  @Override
  public Map<String, T> decode(Value encoded, String path) {
    return decodeMap(encoded, path, (item, itemPath) -> decodeNullable(value, item, itemPath));
  }

  @Override
  public String toString() {
    return "mapOf(" + value + ")";
  }

  /** The value of key {@code k} is encoded by {@code element} with its path {@code path["k"]}. */
  static <T> Value encodeMap(Map<String, T> map, String path, BiFunction<? super T, String, Value> element) {
    // Not map.containsKey(null): immutable maps throw on a null argument.
    List<Map.Entry<String, T>> entries = new ArrayList<>(map.entrySet());
    for (Map.Entry<String, T> entry : entries) {
      if (entry.getKey() == null) {
        throw Shapes.refusal(path, NULL_KEY);
      }
      if (TextRules.problem(entry.getKey()) != null) {
        throw Shapes.refusal(path, "a map key is not text: " + TextRules.problem(entry.getKey()));
      }
    }
    entries.sort(Map.Entry.comparingByKey());
    Struct.Builder struct = Struct.newBuilder();
    for (Map.Entry<String, T> entry : entries) {
      struct.putFields(entry.getKey(), element.apply(entry.getValue(), Shapes.entry(path, entry.getKey())));
    }
    return CustomStruct.structValue(struct.build());
  }

  /** An unmodifiable map in key order; the value of key {@code k} is decoded at {@code path["k"]}. */
  static <T> Map<String, T> decodeMap(Value value, String path, CustomDecoder<T> element) {
    if (value.getKindCase() != Value.KindCase.STRUCT_VALUE) {
      throw Shapes.wrongShape(path, "a struct of map entries", value);
    }
    Map<String, T> map = new LinkedHashMap<>();
    for (Map.Entry<String, Value> entry : new TreeMap<>(value.getStructValue().getFieldsMap()).entrySet()) {
      map.put(entry.getKey(), element.decode(entry.getValue(), Shapes.entry(path, entry.getKey())));
    }
    return Collections.unmodifiableMap(map);
  }
}
