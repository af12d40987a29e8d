package dev.preflyte.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Name>Task}: the task definition with its builder, and the code that writes the
 * configuration into {@code TaskTemplate.custom} and reads it back.
 */
final class TaskClassGenerator {

  private static final ClassName PREBUILT_TASK = ClassName.get("dev.preflyte.runtime.task", "PrebuiltContainerTask");
  private static final ClassName TASK_INTERFACE = ClassName.get("dev.preflyte.runtime.task", "TaskInterface");
  private static final ClassName STRUCT = ClassName.get("com.google.protobuf", "Struct");
  private static final ClassName VALUE = ClassName.get("com.google.protobuf", "Value");
  private static final ClassName CUSTOM_DECODING_EXCEPTION =
      ClassName.get("dev.preflyte.runtime.custom", "CustomDecodingException");

  private final TaskModel model;
  private final boolean generatedAnnotation;
  private final CustomCode custom;
  private final ClassName builderClass;

  TaskClassGenerator(TaskModel model, boolean generatedAnnotation) {
    this.model = model;
    this.generatedAnnotation = generatedAnnotation;
    this.custom = new CustomCode(model.taskClass(), model.configStructs());
    this.builderClass = model.taskClass().nestedClass("Builder");
  }

  JavaFile generate() {
    TypeSpec.Builder task =
        TypeSpec.classBuilder(model.taskClass())
            .addOriginatingElement(model.element())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(PREBUILT_TASK, model.type()))
            .addJavadoc(
                "The Flyte task defined by {@link $T}, generated from it by Preflyte's annotation\n"
                    + "processor.\n\n<p>Build instances with {@link #builder()}; register the template from\n"
                    + "{@link #toTaskTemplate}. In the task's container {@link $T} runs it from that\n"
                    + "template alone: the configuration travels in {@code TaskTemplate.custom}, written\n"
                    + "by {@link #encodeCustom} and read by {@link #decodeCustom}.\n",
                model.type(),
                model.executorClass())
            .addField(constant("TASK_TYPE", model.taskType(), "The Flyte task type, from {@code @PrebuiltTask}.\n"))
            .addField(constant("DEFAULT_IMAGE", model.image(),
                "The image from {@code @PrebuiltTask}; {@link Builder#image} overrides it per task.\n"))
            .addField(constant("EXECUTOR_NAME", model.executorName(),
                "The name the executor is registered under, and the task's default name.\n"))
            .addMethod(constructor())
            .addMethod(
                MethodSpec.methodBuilder("builder")
                    .addJavadoc("A builder with every configuration property at its default.\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(builderClass)
                    .addStatement("return new $T()", builderClass)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("getCustom")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(STRUCT)
                    .addStatement("return encodeCustom(config())")
                    .build())
            .addMethod(encodeCustom())
            .addMethod(decodeCustom());
    if (!model.dynamic()) {
      task.addMethod(typedInterface());
    }
    for (ValueType.StructType struct : model.configStructs()) {
      task.addMethod(encodeStruct(struct));
      task.addMethod(decodeStruct(struct));
    }
    GeneratedAnnotation.addTo(task, generatedAnnotation);
    task.addType(builder());
    return JavaFile.builder(model.taskClass().packageName(), task.build()).skipJavaLangImports(true).build();
  }

  private static FieldSpec constant(String name, String value, String javadoc) {
    return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(javadoc)
        .initializer("$S", value)
        .build();
  }

  private MethodSpec constructor() {
    return MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builderClass, "builder")
        .addStatement(
            "super(builder, TASK_TYPE, DEFAULT_IMAGE, EXECUTOR_NAME, $L, builder.toConfig())",
            model.dynamic() ? "builder.dynamicInterface()" : "typedInterface()")
        .build();
  }

  private MethodSpec typedInterface() {
    CodeBlock.Builder code = CodeBlock.builder().add("return $T.builder()", TASK_INTERFACE).indent().indent();
    for (TaskModel.Parameter input : model.inputs()) {
      code.add(variable("input", input.name(), input.type(), input.description()));
    }
    if (model.result() instanceof TaskModel.Result.Single single) {
      code.add(variable("output", "o0", single.type(), single.description()));
    } else if (model.result() instanceof TaskModel.Result.Outputs outputs) {
      for (TaskModel.Output output : outputs.outputs()) {
        code.add(variable("output", output.name(), output.type(), output.description()));
      }
    }
    code.add("\n.build();\n").unindent().unindent();
    return MethodSpec.methodBuilder("typedInterface")
        .addJavadoc("The inputs and outputs, from the parameters and the return type of {@code execute}.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TASK_INTERFACE)
        .addCode(code.build())
        .build();
  }

  /** One {@code .input(...)} or {@code .output(...)} call, with the description when documented. */
  private static CodeBlock variable(String side, String name, ValueType type, String description) {
    return description.isEmpty()
        ? CodeBlock.of("\n.$L($S, $L.literalType())", side, name, Codecs.codec(type))
        : CodeBlock.of("\n.$L($S, $L.literalType(), $S)", side, name, Codecs.codec(type), description);
  }

  private MethodSpec encodeCustom() {
    String config = "config";
    return MethodSpec.methodBuilder("encodeCustom")
        .addJavadoc(
            "Writes {@code $L} as the task's custom struct, one field per configuration property in\n"
                + "name order; null properties are left out, so an all-null configuration is an empty\n"
                + "struct. The encoding is described in {@code dev.preflyte.runtime.custom}.\n",
            config)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(STRUCT)
        .addParameter(model.type(), config)
        .addCode(writeProperties(model.properties(), config, "custom"))
        .addStatement("return custom.build()")
        .build();
  }

  /** Statements filling a {@code Struct.Builder} named {@code fields} from {@code instance}, in name order. */
  private CodeBlock writeProperties(List<ConfigProperty> properties, String instance, String fields) {
    CodeBlock.Builder code = CodeBlock.builder().addStatement("$T.Builder $L = $T.newBuilder()", STRUCT, fields, STRUCT);
    List<ConfigProperty> sorted = new ArrayList<>(properties);
    sorted.sort(Comparator.comparing(ConfigProperty::name));
    for (ConfigProperty property : sorted) {
      CodeBlock read = CodeBlock.of("$L", property.readFrom(instance));
      CodeBlock put = CodeBlock.of("$L.putFields($S, $L)", fields, property.name(), custom.encode(property.type(), read, 0));
      if (property.type().nullable()) {
        code.beginControlFlow("if ($L != null)", read).addStatement(put).endControlFlow();
      } else {
        code.addStatement(put);
      }
    }
    return code.build();
  }

  private MethodSpec decodeCustom() {
    Set<String> taken = propertyNames(model.properties());
    String customName = Names.free("custom", taken);
    taken.add(customName);
    return MethodSpec.methodBuilder("decodeCustom")
        .addJavadoc(
            "Reads the configuration back from a task template's custom struct, as\n"
                + "{@link #encodeCustom} wrote it.\n\n@throws $T naming the property at fault if the\n"
                + "    struct was not written by this version of the task\n",
            CUSTOM_DECODING_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(model.type())
        // Declared (though unchecked) so that the import is used in code: compilers that do not
        // read javadoc, such as ecj by default, would otherwise warn that it is unused.
        .addException(CUSTOM_DECODING_EXCEPTION)
        .addParameter(STRUCT, customName)
        .addCode(readProperties(model.type(), model.record(), model.properties(), CodeBlock.of("$L", customName),
            "\"\"", taken))
        .build();
  }

  /** Statements reading {@code properties} from the struct expression {@code struct} and returning the object. */
  private CodeBlock readProperties(
      ClassName type, boolean isRecord, List<ConfigProperty> properties, CodeBlock struct, String path,
      Set<String> taken) {
    String reader = Names.free("reader", taken);
    taken.add(reader);
    CodeBlock.Builder code = CodeBlock.builder();
    String names = properties.stream().map(ConfigProperty::name).sorted()
        .map(n -> '"' + n + '"').collect(Collectors.joining(", "));
    code.addStatement("$T $L = $T.of($L, $L, $T.of($L))",
        CustomCode.STRUCT_READER, reader, CustomCode.STRUCT_READER, struct, path, Set.class, names);
    if (isRecord) {
      List<String> arguments = new ArrayList<>();
      for (ConfigProperty property : properties) {
        code.addStatement("$T $L = $L", property.type().declared(), property.name(), read(reader, property));
        arguments.add(property.name());
      }
      code.addStatement("return new $T($L)", type, String.join(", ", arguments));
    } else {
      String instance = Names.free("config", taken);
      code.addStatement("$T $L = new $T()", type, instance, type);
      for (ConfigProperty property : properties) {
        code.addStatement(property.writeTo(instance, read(reader, property)));
      }
      code.addStatement("return $L", instance);
    }
    return code.build();
  }

  private CodeBlock read(String reader, ConfigProperty property) {
    return CodeBlock.of("$L.$L($S, $L)", reader, property.type().nullable() ? "get" : "required",
        property.name(), custom.decoder(property.type(), 0));
  }

  private MethodSpec encodeStruct(ValueType.StructType struct) {
    return MethodSpec.methodBuilder(custom.encodeMethod(struct))
        .addJavadoc("Writes a {@link $T} as a nested struct.\n", struct.name())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(VALUE)
        .addParameter(struct.name(), "value")
        .addCode(writeProperties(struct.properties(), "value", "fields"))
        .addStatement("return $T.ofStruct(fields.build())", CustomCode.CUSTOM_VALUES)
        .build();
  }

  private MethodSpec decodeStruct(ValueType.StructType struct) {
    Set<String> taken = propertyNames(struct.properties());
    String value = Names.free("value", taken);
    taken.add(value);
    String path = Names.free("path", taken);
    taken.add(path);
    return MethodSpec.methodBuilder(custom.decodeMethod(struct))
        .addJavadoc("Reads a {@link $T} from a nested struct at property path {@code $L}.\n", struct.name(), path)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(struct.name())
        .addParameter(VALUE, value)
        .addParameter(String.class, path)
        .addCode(readProperties(struct.name(), true, struct.properties(),
            CodeBlock.of("$T.asStruct($L, $L)", CustomCode.CUSTOM_VALUES, value, path), path, taken))
        .build();
  }

  private static Set<String> propertyNames(List<ConfigProperty> properties) {
    return properties.stream().map(ConfigProperty::name).collect(Collectors.toCollection(HashSet::new));
  }

  private TypeSpec builder() {
    ClassName superclass = PREBUILT_TASK.nestedClass(model.dynamic() ? "DynamicBuilder" : "Builder");
    TypeSpec.Builder builder =
        TypeSpec.classBuilder(builderClass)
            .addJavadoc(
                "Collects the configuration of {@link $T} and the settings every task has\n"
                    + "(name, image, retries, resources...).$L\n",
                model.type(),
                model.dynamic()
                    ? "\n\n<p>The task's inputs and outputs are declared here too, with {@code input} and\n"
                        + "{@code output}."
                    : "")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(superclass, builderClass));
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
    if (!model.record() && !model.properties().isEmpty()) {
      String defaults = "defaults";
      constructor.addStatement("$T $L = new $T()", model.type(), defaults, model.type());
      for (ConfigProperty property : model.properties()) {
        constructor.addStatement("this.$L = $L", property.name(), property.readFrom(defaults));
      }
    }
    builder.addMethod(constructor.build());
    for (ConfigProperty property : model.properties()) {
      TypeName type = property.type().declared();
      builder.addField(type, property.name(), Modifier.PRIVATE);
      builder.addMethod(
          MethodSpec.methodBuilder(property.name())
              .addJavadoc("Sets configuration property {@code $L}.\n", property.name())
              .addModifiers(Modifier.PUBLIC)
              .returns(builderClass)
              .addParameter(type, property.name())
              .addStatement("this.$L = $L", property.name(), property.name())
              .addStatement("return this")
              .build());
    }
    builder.addMethod(
        MethodSpec.methodBuilder("self")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(builderClass)
            .addStatement("return this")
            .build());
    builder.addMethod(
        MethodSpec.methodBuilder("build")
            .addJavadoc("Builds the task; the builder may be reused.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(model.taskClass())
            .addStatement("return new $T(this)", model.taskClass())
            .build());
    builder.addMethod(toConfig());
    if (model.dynamic()) {
      builder.addMethod(
          MethodSpec.methodBuilder("dynamicInterface")
              .addModifiers(Modifier.PRIVATE)
              .returns(TASK_INTERFACE)
              .addStatement("return taskInterface()")
              .build());
    }
    return builder.build();
  }

  private MethodSpec toConfig() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("toConfig").addModifiers(Modifier.PRIVATE).returns(model.type());
    if (model.record()) {
      String arguments = model.properties().stream().map(p -> "this." + p.name()).collect(Collectors.joining(", "));
      method.addStatement("return new $T($L)", model.type(), arguments);
    } else {
      method.addStatement("$T config = new $T()", model.type(), model.type());
      for (ConfigProperty property : model.properties()) {
        method.addStatement(property.writeTo("config", CodeBlock.of("this.$L", property.name())));
      }
      method.addStatement("return config");
    }
    return method.build();
  }
}
