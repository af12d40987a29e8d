package dev.preflyte.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The task class's constants that write its configuration into {@code TaskTemplate.custom} and read
 * it back, composed from {@code dev.preflyte.runtime.custom}'s codecs: one {@code CustomProperty}
 * per property, one {@code CustomStruct} per record, declared before their first use.
 */
final class CustomCode {

  private final TaskModel model;
  private final TaskMembers members;
  private final List<FieldSpec> fields = new ArrayList<>();
  /** Records whose constants are declared, or being declared (a recursive record refers back lazily). */
  private final Set<ClassName> started = new HashSet<>();
  private final Set<ClassName> declared = new HashSet<>();

  CustomCode(TaskModel model, TaskMembers members) {
    this.model = model;
    this.members = members;
  }

  /** The constants in declaration order, ending with the configuration's own {@code CustomStruct}. */
  List<FieldSpec> fields() {
    List<CodeBlock> properties = new ArrayList<>();
    for (ConfigProperty property : model.properties()) {
      declareStructsOf(property.type());
      String constant = members.property(null, property);
      fields.add(property(model.type(), property, constant));
      properties.add(CodeBlock.of("$L", constant));
    }
    fields.add(FieldSpec.builder(ParameterizedTypeName.get(RuntimeNames.CUSTOM_STRUCT, model.type()), members.custom,
            Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("How the configuration is written into {@code TaskTemplate.custom} and read back.\n")
        .initializer(struct(model.type(), model.record(), properties))
        .build());
    return fields;
  }

  private void declareStructsOf(ValueType type) {
    if (type instanceof ValueType.StructType struct && started.add(struct.name())) {
      List<CodeBlock> properties = new ArrayList<>();
      for (ConfigProperty property : struct.properties()) {
        declareStructsOf(property.type());
        String constant = members.property(struct.name(), property);
        fields.add(property(struct.name(), property, constant));
        properties.add(CodeBlock.of("$L", constant));
      }
      fields.add(FieldSpec.builder(ParameterizedTypeName.get(RuntimeNames.CUSTOM_STRUCT, struct.name()),
              members.structCodec(struct), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(struct(struct.name(), true, properties))
          .build());
      declared.add(struct.name());
    } else if (type instanceof ValueType.ListOf list) {
      declareStructsOf(list.element());
    } else if (type instanceof ValueType.MapOf map) {
      declareStructsOf(map.value());
    } else if (type instanceof ValueType.OptionalOf optional) {
      declareStructsOf(optional.value());
    }
  }

  /** {@code CustomProperty.of("name", codec, Type::getter[, Type::setter])}. */
  private FieldSpec property(ClassName owner, ConfigProperty property, String constant) {
    CodeBlock.Builder arguments = CodeBlock.builder().add("$S,$W$L,$W$L", property.name(), codec(property.type()),
        getter(owner, property));
    if (!model.record() && owner.equals(model.type())) {
      arguments.add(",$W$L", setter(owner, property));
    }
    String factory = property.type().nullable() ? "of" : "required";
    return FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeNames.CUSTOM_PROPERTY, owner, property.type().boxed()), constant,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$Z$T.$L($L)", RuntimeNames.CUSTOM_PROPERTY, factory, arguments.build())
        .build();
  }

  private static CodeBlock getter(ClassName owner, ConfigProperty property) {
    return property.isField()
        ? CodeBlock.of("config -> config.$L", property.name())
        : CodeBlock.of("$T::$L", owner, property.getter());
  }

  private static CodeBlock setter(ClassName owner, ConfigProperty property) {
    return property.isField()
        ? CodeBlock.of("(config, value) -> config.$L = value", property.name())
        : CodeBlock.of("$T::$L", owner, property.setter());
  }

  /**
   * {@code CustomStruct.of(fields -> new Type(fields.get(A), ...), A, ...)} for a record, {@code
   * CustomStruct.ofBean(Type::new, A, ...)} for a class.
   */
  private CodeBlock struct(ClassName type, boolean isRecord, List<CodeBlock> constants) {
    CodeBlock list = constants.isEmpty() ? CodeBlock.of("") : CodeBlock.of(",$W$L", CodeBlock.join(constants, ",$W"));
    if (!isRecord) {
      return CodeBlock.of("$Z$T.ofBean($T::new$L)", RuntimeNames.CUSTOM_STRUCT, type, list);
    }
    CodeBlock arguments = CodeBlock.join(
        constants.stream().map(constant -> CodeBlock.of("fields.get($L)", constant)).toList(), ",$W");
    return CodeBlock.of("$Z$T.of(fields -> new $T($L)$L)", RuntimeNames.CUSTOM_STRUCT, type, arguments, list);
  }

  /** The {@code CustomCodec} expression for a configuration value of {@code type}. */
  private CodeBlock codec(ValueType type) {
    if (type instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T.$L()", RuntimeNames.CUSTOM_CODECS, scalar.kind().custom);
    }
    if (type instanceof ValueType.EnumType enumType) {
      return CodeBlock.of("$T.enumOf($T.class)", RuntimeNames.CUSTOM_CODECS, enumType.name());
    }
    if (type instanceof ValueType.ListOf list) {
      return CodeBlock.of("$T.listOf($L)", RuntimeNames.CUSTOM_CODECS, codec(list.element()));
    }
    if (type instanceof ValueType.MapOf map) {
      return CodeBlock.of("$T.mapOf($L)", RuntimeNames.CUSTOM_CODECS, codec(map.value()));
    }
    if (type instanceof ValueType.OptionalOf optional) {
      return CodeBlock.of("$T.optionalOf($L)", RuntimeNames.CUSTOM_CODECS, codec(optional.value()));
    }
    ValueType.StructType struct = (ValueType.StructType) type;
    String constant = members.structCodec(struct);
    // A record that (indirectly) contains itself is still being declared: refer to it on first use.
    return declared.contains(struct.name())
        ? CodeBlock.of("$L", constant)
        : CodeBlock.of("$T.lazy(() -> $T.$L)", RuntimeNames.CUSTOM_CODECS, model.taskClass(), constant);
  }
}
