package dev.preflyte.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The code that writes configuration values into the custom struct and reads them back, through
 * {@code dev.preflyte.runtime.custom.CustomValues}. Nested records get a pair of helper methods in
 * the task class, named here.
 */
final class CustomCode {

  static final ClassName CUSTOM_VALUES = ClassName.get("dev.preflyte.runtime.custom", "CustomValues");
  static final ClassName STRUCT_READER = ClassName.get("dev.preflyte.runtime.custom", "CustomStructReader");

  private final ClassName taskClass;
  private final Map<ClassName, String> helperSuffixes = new HashMap<>();

  /** @param structs the nested configuration records, sorted, each getting helper methods */
  CustomCode(ClassName taskClass, List<ValueType.StructType> structs) {
    this.taskClass = taskClass;
    Map<String, Integer> simpleNames = new HashMap<>();
    for (ValueType.StructType struct : structs) {
      simpleNames.merge(struct.name().simpleName(), 1, Integer::sum);
    }
    for (ValueType.StructType struct : structs) {
      // The simple name when it is unambiguous, else the package-relative names joined.
      String suffix = simpleNames.get(struct.name().simpleName()) == 1
          ? struct.name().simpleName()
          : String.join("", struct.name().simpleNames());
      helperSuffixes.put(struct.name(), Names.free(suffix, Set.copyOf(helperSuffixes.values())));
    }
  }

  String encodeMethod(ValueType.StructType struct) {
    return "encode" + helperSuffixes.get(struct.name());
  }

  String decodeMethod(ValueType.StructType struct) {
    return "decode" + helperSuffixes.get(struct.name());
  }

  /** An expression encoding the non-null value {@code value} into a {@code Value}. */
  CodeBlock encode(ValueType type, CodeBlock value, int depth) {
    if (type instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T.of$L($L)", CUSTOM_VALUES, scalar.kind().custom, value);
    }
    if (type instanceof ValueType.EnumType) {
      return CodeBlock.of("$T.ofEnum($L)", CUSTOM_VALUES, value);
    }
    if (type instanceof ValueType.StructType struct) {
      return CodeBlock.of("$L($L)", encodeMethod(struct), value);
    }
    if (type instanceof ValueType.ListOf list) {
      return CodeBlock.of("$T.ofList($L, $L)", CUSTOM_VALUES, value, elementEncoder(list.element(), depth));
    }
    if (type instanceof ValueType.MapOf map) {
      return CodeBlock.of("$T.ofMap($L, $L)", CUSTOM_VALUES, value, elementEncoder(map.value(), depth));
    }
    ValueType.OptionalOf optional = (ValueType.OptionalOf) type;
    return CodeBlock.of("$T.ofOptional($L, $L)", CUSTOM_VALUES, value, encoder(optional.value(), depth));
  }

  /** A function encoding a non-null value. */
  private CodeBlock encoder(ValueType type, int depth) {
    if (type instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T::of$L", CUSTOM_VALUES, scalar.kind().custom);
    }
    if (type instanceof ValueType.EnumType) {
      return CodeBlock.of("$T::ofEnum", CUSTOM_VALUES);
    }
    if (type instanceof ValueType.StructType struct) {
      return CodeBlock.of("$T::$L", taskClass, encodeMethod(struct));
    }
    String item = "item" + depth;
    return CodeBlock.of("$L -> $L", item, encode(type, CodeBlock.of("$L", item), depth + 1));
  }

  /** A function encoding a list element or map value, which may be null unless it is an Optional. */
  private CodeBlock elementEncoder(ValueType type, int depth) {
    if (type instanceof ValueType.OptionalOf) {
      return encoder(type, depth);
    }
    String item = "item" + depth;
    return CodeBlock.of("$L -> $T.ofNullable($L, $L)", item, CUSTOM_VALUES, item, encoder(type, depth + 1));
  }

  /** A {@code CustomDecoder} for a non-null value of {@code type}. */
  CodeBlock decoder(ValueType type, int depth) {
    if (type instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T::as$L", CUSTOM_VALUES, scalar.kind().custom);
    }
    if (type instanceof ValueType.StructType struct) {
      return CodeBlock.of("$T::$L", taskClass, decodeMethod(struct));
    }
    String value = "value" + depth;
    String path = "path" + depth;
    if (type instanceof ValueType.EnumType enumType) {
      return CodeBlock.of("($L, $L) -> $T.asEnum($L, $L, $T.class)",
          value, path, CUSTOM_VALUES, value, path, enumType.name());
    }
    String method;
    CodeBlock inner;
    if (type instanceof ValueType.ListOf list) {
      method = "asList";
      inner = elementDecoder(list.element(), depth + 1);
    } else if (type instanceof ValueType.MapOf map) {
      method = "asMap";
      inner = elementDecoder(map.value(), depth + 1);
    } else {
      method = "asOptional";
      inner = decoder(((ValueType.OptionalOf) type).value(), depth + 1);
    }
    return CodeBlock.of("($L, $L) -> $T.$L($L, $L, $L)", value, path, CUSTOM_VALUES, method, value, path, inner);
  }

  private CodeBlock elementDecoder(ValueType type, int depth) {
    if (type instanceof ValueType.OptionalOf) {
      return decoder(type, depth);
    }
    return CodeBlock.of("$T.orNull($L)", CUSTOM_VALUES, decoder(type, depth));
  }
}
