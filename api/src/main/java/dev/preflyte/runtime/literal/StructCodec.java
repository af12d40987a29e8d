package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TypeAnnotation;
import dev.preflyte.idl.core.TypeStructure;
import dev.preflyte.idl.protobuf.ListValue;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A record or simple class as a Flyte STRUCT, the way flytekit (1.14+) passes a dataclass.
 *
 * <p>Type, as flytekit 1.16 writes it for the dataclass of the same name and fields: {@code simple:
 * STRUCT}; {@code metadata} the JSON schema mashumaro derives (see {@link JsonSchemas}), which
 * propeller compares when both sides of a connection have one and which flytekit's {@code
 * guess_python_type} rebuilds the dataclass from; {@code structure.dataclass_type} mapping each
 * property name to its LiteralType (what propeller uses to resolve {@code dc.field} references); and
 * {@code annotation {"cache-key-metadata": {"serialization-format": "msgpack"}}}. Built once per class.
 *
 * <p>Literal written: {@code Scalar.binary{value: msgpack map of the properties in declaration order,
 * tag: "msgpack"}}. Literals read: that Binary, and a {@code Scalar.generic} protobuf Struct (flytekit
 * before 1.14, or Flyte console input), whose numbers are doubles: integral values within 2^53 are
 * accepted for integer properties, others rejected. Properties missing from the value decode to empty
 * when nullable and are an input mismatch otherwise; a property the class does not have is an input
 * mismatch too (a struct of another dataclass, never silently dropped). A union literal's variant
 * type carries flytekit's schema, which is checked the same way (see {@link #checkDeclared}).
 */
final class StructCodec<T> extends FlyteCodec<T> {

  private static final Map<Class<?>, StructCodec<?>> CACHE = new ConcurrentHashMap<>();

  private final StructModel<T> model;
  private final List<FlyteCodec<Object>> codecs;
  /** The property names in declaration order. */
  private final List<String> names;

  private StructCodec(StructModel<T> model, List<FlyteCodec<Object>> codecs, LiteralType literalType) {
    super(literalType);
    this.model = model;
    this.codecs = codecs;
    this.names = model.properties().stream().map(StructProperty::name).toList();
  }

  /** The codec for {@code type}, built once and cached. */
  static <T> StructCodec<T> forClass(Class<T> type) {
    return forClass(type, new java.util.ArrayDeque<>());
  }

  @SuppressWarnings("unchecked")
  static <T> StructCodec<T> forClass(Class<T> type, Deque<Class<?>> building) {
    StructCodec<?> cached = CACHE.get(type);
    if (cached != null) {
      return (StructCodec<T>) cached;
    }
    if (building.contains(type)) {
      String cycle = building.stream().map(Class::getSimpleName).collect(Collectors.joining(" -> "));
      throw new IllegalArgumentException(type.getName() + " contains itself (" + cycle + " -> "
          + type.getSimpleName() + "): a Flyte struct type cannot be recursive");
    }
    building.push(type);
    try {
      StructCodec<T> built = build(type, building);
      StructCodec<?> raced = CACHE.putIfAbsent(type, built);
      return raced == null ? built : (StructCodec<T>) raced;
    } finally {
      building.pop();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> StructCodec<T> build(Class<T> type, Deque<Class<?>> building) {
    StructModel<T> model = StructModel.of(type);
    List<FlyteCodec<Object>> codecs = new ArrayList<>();
    TypeStructure.Builder structure = TypeStructure.newBuilder();
    List<String> names = new ArrayList<>();
    List<LiteralType> types = new ArrayList<>();
    for (StructProperty property : model.properties()) {
      FlyteCodec<?> codec;
      try {
        codec = JavaTypeCodecs.forType(property.type(), building);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("property '" + property.name() + "' of " + type.getName() + ": "
            + e.getMessage(), e);
      }
      boolean primitive = property.type() instanceof Class<?> c && c.isPrimitive();
      if (property.nullable() && !primitive && !codec.isNullable()) {
        codec = NullableCodec.of(codec);
      }
      codecs.add((FlyteCodec<Object>) codec);
      structure.putDataclassType(property.name(), codec.literalType());
      names.add(property.name());
      types.add(codec.literalType());
    }
    LiteralType literalType = LiteralType.newBuilder()
        .setSimple(SimpleType.STRUCT)
        .setMetadata(JsonSchemas.ofStruct(type.getSimpleName(), names, types))
        .setStructure(structure)
        .setAnnotation(TypeAnnotation.newBuilder().setAnnotations(Struct.newBuilder()
            .putFields("cache-key-metadata", Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields("serialization-format", Value.newBuilder().setStringValue(MsgPackBinary.TAG).build()))
                .build())))
        .build();
    return new StructCodec<>(model, List.copyOf(codecs), literalType);
  }

  @Override
  String unionTag() {
    return "Object-Dataclass-Transformer";
  }

  @Override
  public Literal encode(T value, LiteralContext context) {
    return MsgPackBinary.literal(toPlain(value, context));
  }

  @Override
  public T decode(Literal literal, LiteralContext context) {
    Literal resolved = Literals.resolve(literal, context);
    if (resolved.hasScalar()) {
      Scalar scalar = resolved.getScalar();
      if (MsgPackBinary.isMsgPack(scalar)) {
        return fromPlain(MsgPackBinary.read(scalar.getBinary()), context);
      }
      if (scalar.hasGeneric()) {
        return fromPlain(plain(scalar.getGeneric()), context);
      }
      if (scalar.hasBinary()) {
        throw new LiteralConversionException("expected STRUCT as msgpack, got " + LiteralTypes.describe(resolved)
            + ": only the tag \"msgpack\" is supported");
      }
    }
    throw mismatch(resolved);
  }

  @Override
  Object toPlain(T value, LiteralContext context) {
    requireNonNull(value);
    Map<String, Object> out = new LinkedHashMap<>();
    List<StructProperty> properties = model.properties();
    for (int i = 0; i < properties.size(); i++) {
      StructProperty property = properties.get(i);
      try {
        out.put(property.name(), codecs.get(i).toPlain(model.get(property, value), context));
      } catch (LiteralConversionException e) {
        throw Mismatch.within(Mismatch.fieldSegment(property.name()), e);
      }
    }
    return out;
  }

  @Override
  T fromPlain(Object plain, LiteralContext context) {
    if (!(plain instanceof Map<?, ?> map)) {
      throw mismatchPlain(plain);
    }
    List<StructProperty> properties = model.properties();
    for (Object key : map.keySet()) {
      if (!names.contains(key)) {
        throw new LiteralConversionException("input mismatch: expected " + describeStruct() + ", got "
            + describeStruct(map) + " with property '" + key + "' that " + model.type().getName()
            + " does not have");
      }
    }
    Object[] values = new Object[properties.size()];
    for (int i = 0; i < properties.size(); i++) {
      StructProperty property = properties.get(i);
      FlyteCodec<Object> codec = codecs.get(i);
      if (!map.containsKey(property.name())) {
        if (!codec.isNullable()) {
          throw new LiteralConversionException("input mismatch: expected " + describeStruct() + ", got "
              + describeStruct(map) + " without property '" + property.name() + "' (" + codec.describeType()
              + ") that " + model.type().getName() + " needs");
        }
        values[i] = codec.absentValue();
        continue;
      }
      try {
        values[i] = codec.fromPlain(map.get(property.name()), context);
      } catch (LiteralConversionException e) {
        throw Mismatch.within(Mismatch.fieldSegment(property.name()), e);
      }
    }
    return model.create(values);
  }

  /**
   * Checks a struct type declared by another party (flytekit's JSON schema in {@code metadata}, as a
   * union literal or an interface carries it) against this class: a property the schema names that
   * the class lacks, or a property the class needs that the schema lacks, is an input mismatch. A
   * type without a schema is accepted, as propeller does.
   */
  void checkDeclared(LiteralType declared) {
    if (!declared.hasMetadata() || !declared.getMetadata().containsFields("properties")) {
      return;
    }
    Struct schema = declared.getMetadata();
    Map<String, Value> declaredProperties = schema.getFieldsOrThrow("properties").getStructValue().getFieldsMap();
    String title = schema.containsFields("title") ? schema.getFieldsOrThrow("title").getStringValue() : "";
    String actual = "STRUCT " + (title.isEmpty() ? "" : title) + declaredProperties.keySet();
    for (String name : declaredProperties.keySet()) {
      if (!names.contains(name)) {
        throw new LiteralConversionException("input mismatch: expected " + describeStruct() + ", got "
            + actual + " whose schema has property '" + name + "' that " + model.type().getName()
            + " does not have");
      }
    }
    List<StructProperty> properties = model.properties();
    for (int i = 0; i < properties.size(); i++) {
      String name = properties.get(i).name();
      if (!declaredProperties.containsKey(name) && !codecs.get(i).isNullable()) {
        throw new LiteralConversionException("input mismatch: expected " + describeStruct() + ", got "
            + actual + " whose schema lacks property '" + name + "' (" + codecs.get(i).describeType()
            + ") that " + model.type().getName() + " needs");
      }
    }
  }

  /** {@code STRUCT Customer[name, address] (com.acme.Customer)}. */
  private String describeStruct() {
    return "STRUCT " + model.type().getSimpleName() + names + " (" + model.type().getName() + ")";
  }

  /** {@code STRUCT[name, address]}: the property names of a value, the first 32 of them. */
  private static String describeStruct(Map<?, ?> value) {
    int shown = 32;
    String names = value.keySet().stream().limit(shown).map(String::valueOf).collect(Collectors.joining(", "));
    return "STRUCT[" + names + (value.size() > shown ? ", ... (" + value.size() + " properties)" : "") + "]";
  }

  /** A protobuf Struct as plain values; every number becomes a Double, as the Struct holds it. */
  static Map<String, Object> plain(Struct struct) {
    Map<String, Object> out = new LinkedHashMap<>();
    struct.getFieldsMap().forEach((k, v) -> out.put(k, plain(v)));
    return out;
  }

  private static Object plain(Value value) {
    switch (value.getKindCase()) {
      case NUMBER_VALUE:
        return value.getNumberValue();
      case STRING_VALUE:
        return value.getStringValue();
      case BOOL_VALUE:
        return value.getBoolValue();
      case STRUCT_VALUE:
        return plain(value.getStructValue());
      case LIST_VALUE:
        ListValue list = value.getListValue();
        List<Object> out = new ArrayList<>(list.getValuesCount());
        list.getValuesList().forEach(v -> out.add(plain(v)));
        return out;
      case NULL_VALUE:
      case KIND_NOT_SET:
      default:
        return null;
    }
  }
}
