package dev.preflyte.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * One configuration property: a record component or a field of a class.
 *
 * @param name the property name, also its key in the custom struct
 * @param type its value type
 * @param read how the generated code reads it from an instance ({@code %s} is the instance)
 * @param write how the generated code sets it on a class instance ({@code %1$s} instance,
 *     {@code %2$s} value), or null for record components
 */
record ConfigProperty(String name, ValueType type, String read, String write) {

  String readFrom(String instance) {
    return String.format(read, instance);
  }

  /** The statement setting this property of {@code instance} to {@code value}. */
  CodeBlock writeTo(String instance, CodeBlock value) {
    String marker = "\u0000";
    String statement = String.format(write, instance, marker).replace("$", "$$").replace(marker, "$L");
    return CodeBlock.of(statement, value);
  }
}
