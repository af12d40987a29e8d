package dev.preflyte.runtime.custom;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One property of configuration type {@code C} in the custom struct: its name, its codec, how to
 * read it from a {@code C} and, for a class decoded through setters, how to write it.
 *
 * <p>Immutable. Properties are compared by identity: {@link CustomFields#get} takes the very
 * property the struct was built with.
 *
 * @param <C> the configuration type
 * @param <V> the property's type (boxed for a primitive)
 */
public final class CustomProperty<C, V> {

  private final String name;
  private final CustomCodec<V> codec;
  private final Function<? super C, ? extends V> getter;
  private final BiConsumer<? super C, ? super V> setter;
  private final boolean required;

  private CustomProperty(
      String name,
      CustomCodec<V> codec,
      Function<? super C, ? extends V> getter,
      BiConsumer<? super C, ? super V> setter,
      boolean required) {
    this.name = Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a custom property needs a name");
    }
    this.codec = Objects.requireNonNull(codec, "codec");
    this.getter = Objects.requireNonNull(getter, "getter");
    this.setter = setter;
    this.required = required;
  }

  /** A property that may be null: left out of the struct when null, {@code null} when absent. */
  public static <C, V> CustomProperty<C, V> of(
      String name, CustomCodec<V> codec, Function<? super C, ? extends V> getter) {
    return new CustomProperty<>(name, codec, getter, null, false);
  }

  /** As {@link #of(String, CustomCodec, Function)}, also settable (a class with a no-arg constructor). */
  public static <C, V> CustomProperty<C, V> of(
      String name,
      CustomCodec<V> codec,
      Function<? super C, ? extends V> getter,
      BiConsumer<? super C, ? super V> setter) {
    return new CustomProperty<>(name, codec, getter, Objects.requireNonNull(setter, "setter"), false);
  }

  /** A primitive: always written; decoding fails naming it when it is absent or null. */
  public static <C, V> CustomProperty<C, V> required(
      String name, CustomCodec<V> codec, Function<? super C, ? extends V> getter) {
    return new CustomProperty<>(name, codec, getter, null, true);
  }

  /** As {@link #required(String, CustomCodec, Function)}, also settable. */
  public static <C, V> CustomProperty<C, V> required(
      String name,
      CustomCodec<V> codec,
      Function<? super C, ? extends V> getter,
      BiConsumer<? super C, ? super V> setter) {
    return new CustomProperty<>(name, codec, getter, Objects.requireNonNull(setter, "setter"), true);
  }

  /** The field name in the struct. */
  public String name() {
    return name;
  }

  CustomCodec<V> codec() {
    return codec;
  }

  boolean isRequired() {
    return required;
  }

  boolean isSettable() {
    return setter != null;
  }

  V get(C config) {
    return getter.apply(config);
  }

  void set(C config, V value) {
    setter.accept(config, value);
  }

  @Override
  public String toString() {
    return (required ? "required " : "") + name + ": " + codec;
  }
}
