package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.EnumType;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An enum as {@code enum_type{values}}, its constant names in declaration order; the literal is the
 * name as {@code Primitive.string_value}, as flytekit writes a string-valued Python enum.
 */
final class EnumCodec<E extends Enum<E>> extends FlyteCodec<E> {

  private final Class<E> type;
  private final Map<String, E> byName;

  EnumCodec(Class<E> type) {
    super(literalType(type));
    this.type = type;
    Map<String, E> names = new LinkedHashMap<>();
    for (E constant : type.getEnumConstants()) {
      names.put(constant.name(), constant);
    }
    this.byName = Collections.unmodifiableMap(names);
  }

  private static <E extends Enum<E>> LiteralType literalType(Class<E> type) {
    if (type == null || !type.isEnum()) {
      throw new IllegalArgumentException("enumOf needs an enum class, got " + type);
    }
    E[] constants = type.getEnumConstants();
    if (constants.length == 0) {
      throw new IllegalArgumentException("enum " + type.getName()
          + " has no constants: Flyte's EnumType needs at least one");
    }
    List<String> names = Arrays.stream(constants).map(Enum::name).toList();
    return LiteralType.newBuilder().setEnumType(EnumType.newBuilder().addAllValues(names)).build();
  }

  @Override
  String unionTag() {
    return "DefaultEnumTransformer";
  }

  @Override
  public Literal encode(E value, LiteralContext context) {
    Primitive name = Primitive.newBuilder().setStringValue(requireNonNull(value).name()).build();
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(name)).build();
  }

  @Override
  public E decode(Literal literal, LiteralContext context) {
    Literal resolved = Literals.resolve(literal, context);
    if (resolved.hasScalar()) {
      Scalar scalar = resolved.getScalar();
      if (scalar.hasPrimitive() && scalar.getPrimitive().getValueCase() == Primitive.ValueCase.STRING_VALUE) {
        return byName(scalar.getPrimitive().getStringValue(), LiteralTypes.describe(resolved));
      }
      if (MsgPackBinary.isMsgPack(scalar)) {
        return fromPlain(MsgPackBinary.read(scalar.getBinary()), context);
      }
    }
    throw mismatch(resolved);
  }

  @Override
  Object toPlain(E value, LiteralContext context) {
    return requireNonNull(value).name();
  }

  @Override
  E fromPlain(Object plain, LiteralContext context) {
    if (plain instanceof String name) {
      return byName(name, PlainValues.describe(plain));
    }
    throw mismatchPlain(plain);
  }

  private E byName(String name, String actual) {
    E constant = byName.get(name);
    if (constant == null) {
      throw new LiteralConversionException("expected one of " + byName.keySet() + " (enum "
          + type.getSimpleName() + "), got " + actual);
    }
    return constant;
  }
}
