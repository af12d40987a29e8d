package dev.preflyte.runtime.custom;

import java.util.Map;
import java.util.Set;

/**
 * The decoded property values of one struct, handed to a record's constructor by {@link
 * CustomStruct#of}.
 */
public final class CustomFields {

  private final Map<CustomProperty<?, ?>, Object> values;
  private final Set<String> names;

  /** @param values every property of the struct, by identity, to its value or null */
  CustomFields(Map<CustomProperty<?, ?>, Object> values, Set<String> names) {
    this.values = values;
    this.names = names;
  }

  /**
   * The decoded value of {@code property}, or {@code null} if it was absent (a required property is
   * never null).
   *
   * @throws IllegalArgumentException if {@code property} is not one the struct was built with
   */
  public <V> V get(CustomProperty<?, V> property) {
    if (!values.containsKey(property)) {
      throw new IllegalArgumentException("property " + property.name() + " is not one of the struct's properties"
          + " (it has " + names + "): pass it to CustomStruct.of");
    }
    @SuppressWarnings("unchecked") // decoded by the property's own codec
    V value = (V) values.get(property);
    return value;
  }
}
