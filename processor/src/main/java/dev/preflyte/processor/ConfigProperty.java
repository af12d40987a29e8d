package dev.preflyte.processor;

/**
 * One configuration property: a record component or a property of a class.
 *
 * @param name the property name, also its key in the custom struct
 * @param type its value type
 * @param getter the method that reads it (a record's accessor, a class's getter), or null for a
 *     public field
 * @param setter the method that sets it on a class, or null for a public field or a record component
 */
record ConfigProperty(String name, ValueType type, String getter, String setter) {

  /** Whether a class sets it through its public field. */
  boolean isField() {
    return getter == null;
  }
}
