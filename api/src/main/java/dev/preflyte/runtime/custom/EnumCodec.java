package dev.preflyte.runtime.custom;

import dev.preflyte.idl.protobuf.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An enum by its constant's name. */
final class EnumCodec<E extends Enum<E>> extends BaseCodec<E> {

  private final Class<E> type;

  EnumCodec(Class<E> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  @Override
  Value encodeAt(E value, String path) {
    return ofEnum(value);
  }

  @Override
  public E decode(Value value, String path) {
    return asEnum(value, path, type);
  }

  @Override
  public String toString() {
    return "enumOf(" + type.getName() + ")";
  }

  static Value ofEnum(Enum<?> value) {
    return ScalarCodec.ofString(value.name());
  }

  /** The constant of {@code type} with the encoded name. */
  static <E extends Enum<E>> E asEnum(Value value, String path, Class<E> type) {
    String name = ScalarCodec.asString(value, path);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    throw Shapes.wrongShape(path, "one of " + names + " (" + type.getSimpleName() + ")", value);
  }
}
