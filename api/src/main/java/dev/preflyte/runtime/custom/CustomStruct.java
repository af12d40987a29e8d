package dev.preflyte.runtime.custom;

import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A configuration type as a struct: one field per property in name order, null properties left out,
 * properties the type does not have rejected when decoding. It is the whole {@code
 * TaskTemplate.custom} ({@link #encodeStruct}, {@link #decodeStruct}) or, as a codec, a nested
 * struct value.
 *
 * <p>Immutable and thread-safe if its properties' getters, setters and constructor are.
 *
 * @param <C> the configuration type
 */
public final class CustomStruct<C> implements CustomCodec<C> {

  static final String MISSING = "missing";

  /** In the order given: the order of decoding. */
  private final List<CustomProperty<C, ?>> properties;
  /** In name order: the order of encoding. */
  private final List<CustomProperty<C, ?>> byName;
  private final Set<String> names;
  private final Function<CustomFields, C> create;
  private final Supplier<C> createBean;

  private CustomStruct(
      Function<CustomFields, C> create, Supplier<C> createBean, List<CustomProperty<C, ?>> properties) {
    this.create = create;
    this.createBean = createBean;
    List<CustomProperty<C, ?>> list = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (CustomProperty<C, ?> property : properties) {
      Objects.requireNonNull(property, "property");
      if (!seen.add(property.name())) {
        throw new IllegalArgumentException("two custom properties are named " + property.name());
      }
      if (createBean != null && !property.isSettable()) {
        throw new IllegalArgumentException("custom property " + property.name() + " has no setter: a class is"
            + " decoded through its setters, so pass one to CustomProperty.of or CustomProperty.required");
      }
      list.add(property);
    }
    this.properties = List.copyOf(list);
    list.sort(Comparator.comparing(CustomProperty::name));
    this.byName = List.copyOf(list);
    this.names = Collections.unmodifiableSet(seen);
  }

  /**
   * A record: decoding decodes every property, in the order given, and calls {@code create} with
   * the values.
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, through Arrays.asList
  public static <C> CustomStruct<C> of(Function<CustomFields, C> create, CustomProperty<C, ?>... properties) {
    return new CustomStruct<>(Objects.requireNonNull(create, "create"), null, Arrays.asList(properties));
  }

  /**
   * A class with a no-arg constructor: decoding creates an instance with {@code create} and sets
   * every property, in the order given. An absent nullable property is set to {@code null}, so a
   * null survives the round trip even where the class's default is not null.
   *
   * @throws IllegalArgumentException naming a property without a setter
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, through Arrays.asList
  public static <C> CustomStruct<C> ofBean(Supplier<C> create, CustomProperty<C, ?>... properties) {
    return new CustomStruct<>(null, Objects.requireNonNull(create, "create"), Arrays.asList(properties));
  }

  /**
   * The struct for {@code value}, such as the top-level {@code TaskTemplate.custom}.
   *
   * @throws IllegalArgumentException if a value has no encoding (a null {@code Optional} in a list,
   *     a map with a null key); the message names it and says what to do instead
   */
  public Struct encodeStruct(C value) {
    return encodeFields(Objects.requireNonNull(value, "value"), "");
  }

  /**
   * Reads a configuration back from {@code custom}, as {@link #encodeStruct} wrote it.
   *
   * @throws CustomDecodingException naming the property at fault (path {@code ""} is the struct
   *     itself) if the struct was not written by this version of the configuration type
   */
  public C decodeStruct(Struct custom) {
    return decodeFields(Objects.requireNonNull(custom, "custom"), "");
  }

  /** A nested struct value. */
  @Override
  public Value encode(C value) {
    return encodeAt(Objects.requireNonNull(value, "value"), "");
  }

  /** A nested struct value at {@code path}; its properties are at {@code path.name}. */
  @Override
  public C decode(Value value, String path) {
    return decodeFields(asStruct(value, path), path);
  }

  /** The property names. */
  @Override
  public String toString() {
    return "CustomStruct" + names;
  }

  Value encodeAt(C value, String path) {
    return structValue(encodeFields(value, path));
  }

  private Struct encodeFields(C value, String path) {
    Struct.Builder fields = Struct.newBuilder();
    for (CustomProperty<C, ?> property : byName) {
      put(fields, property, value, path);
    }
    return fields.build();
  }

  private static <C, V> void put(Struct.Builder fields, CustomProperty<C, V> property, C config, String path) {
    V value = property.get(config);
    String at = Shapes.property(path, property.name());
    if (value == null) {
      if (property.isRequired()) {
        throw Shapes.refusal(at, "a required property is null: it is always written, so its getter must"
            + " return a value");
      }
      return;
    }
    fields.putFields(property.name(), BaseCodec.encode(property.codec(), value, at));
  }

  private C decodeFields(Struct struct, String path) {
    checkProperties(struct, path, names);
    if (createBean != null) {
      C config = Objects.requireNonNull(createBean.get(), "the bean supplier returned null");
      for (CustomProperty<C, ?> property : properties) {
        set(config, property, struct, path);
      }
      return config;
    }
    Map<CustomProperty<?, ?>, Object> values = new IdentityHashMap<>();
    for (CustomProperty<C, ?> property : properties) {
      values.put(property, read(property, struct, path));
    }
    return create.apply(new CustomFields(values, names));
  }

  private static <C, V> void set(C config, CustomProperty<C, V> property, Struct struct, String path) {
    property.set(config, read(property, struct, path));
  }

  private static <V> V read(CustomProperty<?, V> property, Struct struct, String path) {
    Value value = struct.getFieldsMap().get(property.name());
    String at = Shapes.property(path, property.name());
    if (value == null) {
      if (property.isRequired()) {
        throw new CustomDecodingException(at, MISSING);
      }
      return null;
    }
    if (Shapes.isNull(value)) {
      return BaseCodec.decodeNullProperty(property.codec(), value, at);
    }
    return property.codec().decode(value, at);
  }

  /**
   * Rejects the first property, in name order, that {@code struct} has and {@code properties} does
   * not.
   */
  static void checkProperties(Struct struct, String path, Set<String> properties) {
    for (String name : new TreeSet<>(struct.getFieldsMap().keySet())) {
      if (!properties.contains(name)) {
        throw new CustomDecodingException(Shapes.property(path, name),
            "the configuration has no such property (it has " + new TreeSet<>(properties) + ")");
      }
    }
  }

  static Value structValue(Struct value) {
    return Value.newBuilder().setStructValue(value).build();
  }

  static Struct asStruct(Value value, String path) {
    if (value.getKindCase() == Value.KindCase.STRUCT_VALUE) {
      return value.getStructValue();
    }
    throw Shapes.wrongShape(path, "a struct", value);
  }
}
