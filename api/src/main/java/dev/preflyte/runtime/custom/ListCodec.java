package dev.preflyte.runtime.custom;

import dev.preflyte.idl.protobuf.ListValue;
import dev.preflyte.idl.protobuf.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/** {@code List<T>} as a list; a null element goes through the element codec's null handling. */
final class ListCodec<T> extends BaseCodec<List<T>> {

  private final CustomCodec<T> element;

  ListCodec(CustomCodec<T> element) {
    this.element = Objects.requireNonNull(element, "element");
  }

  @Override
  Value encodeAt(List<T> value, String path) {
    return encodeList(value, path, (item, itemPath) -> encodeNullable(element, item, itemPath));
  }

  @Override
  public List<T> decode(Value value, String path) {
    return decodeList(value, path, (item, itemPath) -> decodeNullable(element, item, itemPath));
  }

  @Override
  public String toString() {
    return "listOf(" + element + ")";
  }

  /** Element {@code i} is encoded by {@code element} with its path {@code path[i]}; nulls included. */
  static <T> Value encodeList(List<T> value, String path, BiFunction<? super T, String, Value> element) {
    ListValue.Builder list = ListValue.newBuilder();
    int index = 0;
    for (T item : value) {
      list.addValues(element.apply(item, Shapes.element(path, index)));
      index++;
    }
    return Value.newBuilder().setListValue(list).build();
  }

  /** An unmodifiable list; element {@code i}, JSON null included, is decoded at path {@code path[i]}. */
  static <T> List<T> decodeList(Value value, String path, CustomDecoder<T> element) {
    if (value.getKindCase() != Value.KindCase.LIST_VALUE) {
      throw Shapes.wrongShape(path, "a list", value);
    }
    List<Value> values = value.getListValue().getValuesList();
    List<T> list = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      list.add(element.decode(values.get(i), Shapes.element(path, i)));
    }
    return Collections.unmodifiableList(list);
  }
}
