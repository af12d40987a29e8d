package dev.preflyte.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Name>Task}: the task users define with {@code of(config[, settings])}, its
 * interface, its {@code getCustom()} and its typed local call {@code run}.
 */
final class TaskClassGenerator {

  /**
   * The exception's qualified name, not an import: compilers that do not read javadoc would see an
   * import used only here as unused.
   */
  private static final CodeBlock THROWS = CodeBlock.of(
      "@throws $L if the task fails,\n    classified as Flyte's {@code error.pb} would be\n",
      RuntimeNames.TASK_FAILED.canonicalName());

  private final TaskModel model;
  private final TaskMembers members;
  private final boolean generatedAnnotation;

  TaskClassGenerator(TaskModel model, TaskMembers members, boolean generatedAnnotation) {
    this.model = model;
    this.members = members;
    this.generatedAnnotation = generatedAnnotation;
  }

  JavaFile generate() {
    TypeSpec.Builder task =
        TypeSpec.classBuilder(model.taskClass())
            .addOriginatingElement(model.element())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(RuntimeNames.PREBUILT_TASK, model.type()))
            .addJavadoc(classJavadoc())
            .addField(constant(members.taskType, model.taskType(), "The Flyte task type, from {@code @PrebuiltTask}.\n"))
            .addField(constant(members.defaultImage, model.image(),
                "The image from {@code @PrebuiltTask}; {@code TaskSettings.Builder.image} overrides it.\n"))
            .addField(constant(members.executorName, model.executorName(),
                "The name the executor is registered under, and the task's default name.\n"));
    for (TaskModel.Parameter input : model.inputs()) {
      task.addField(codecField(members.inputCodec(input.name()), input.type()));
    }
    for (TaskModel.Output output : model.outputs()) {
      task.addField(codecField(members.outputCodec(output.name()), output.type()));
    }
    if (!model.dynamic()) {
      task.addField(typedInterface());
    }
    new CustomCode(model, members).fields().forEach(task::addField);
    task.addMethod(constructor());
    factories().forEach(task::addMethod);
    task.addMethod(
        MethodSpec.methodBuilder("getCustom")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(RuntimeNames.STRUCT)
            .addStatement("return $L.encodeStruct(config())", members.custom)
            .build());
    task.addMethod(model.dynamic() ? dynamicRun() : typedRun());
    GeneratedAnnotation.addTo(task, generatedAnnotation);
    return JavaFile.builder(model.taskClass().packageName(), task.build()).skipJavaLangImports(true).build();
  }

  private CodeBlock classJavadoc() {
    String shape = model.dynamic() ? "new $T(...), taskInterface" : "new $T(...)";
    return CodeBlock.builder()
        .add("The Flyte task defined by {@link $T}, generated from it by Preflyte's annotation\nprocessor.\n\n",
            model.type())
        .add("<p>{@code $T.of(" + shape + ")} defines a task;\n", model.taskClass(), model.type())
        .add("{@code TaskSettings} add its name, retries and resources. {@link #run} runs it on this\n")
        .add("machine as Flyte runs it in its container, where {@link $T} runs it from the\n",
            model.executorClass())
        .add("registered template alone: the configuration travels in {@code TaskTemplate.custom}.\n")
        .build();
  }

  private static FieldSpec constant(String name, String value, String javadoc) {
    return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(javadoc)
        .initializer("$S", value)
        .build();
  }

  /** A codec the task class and the executor share; package-private, not part of the task's API. */
  private static FieldSpec codecField(String name, ValueType type) {
    return FieldSpec.builder(ParameterizedTypeName.get(RuntimeNames.LITERAL_CODEC, type.boxed()), name,
            Modifier.STATIC, Modifier.FINAL)
        .initializer("$Z$L", Codecs.codec(type))
        .build();
  }

  /** The interface from {@code execute}'s parameters and return type, with their javadoc. */
  private FieldSpec typedInterface() {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()", RuntimeNames.TASK_INTERFACE).indent().indent();
    for (TaskModel.Parameter input : model.inputs()) {
      code.add(variable("input", input.name(), members.inputCodec(input.name()), input.description()));
    }
    for (TaskModel.Output output : model.outputs()) {
      code.add(variable("output", output.name(), members.outputCodec(output.name()), output.description()));
    }
    code.add("\n.build()").unindent().unindent();
    return FieldSpec.builder(RuntimeNames.TASK_INTERFACE, members.taskInterface, Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL)
        .initializer(code.build())
        .build();
  }

  /** One {@code .input(...)} or {@code .output(...)} call, with the description when documented. */
  private static CodeBlock variable(String side, String name, String codec, String description) {
    return description.isEmpty()
        ? CodeBlock.of("\n.$L($S, $L)", side, name, codec)
        : CodeBlock.of("\n.$L($S, $L,$W$S)", side, name, codec, description);
  }

  private MethodSpec constructor() {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(model.type(), "config");
    if (model.dynamic()) {
      constructor.addParameter(RuntimeNames.TASK_INTERFACE, "taskInterface")
          .addParameter(RuntimeNames.TASK_SETTINGS, "settings")
          .addStatement("super($L, $L, $L, taskInterface, config, settings)",
              members.taskType, members.defaultImage, members.executorName);
    } else {
      constructor.addParameter(RuntimeNames.TASK_SETTINGS, "settings")
          .addStatement("super($L, $L, $L, $L, config, settings)",
              members.taskType, members.defaultImage, members.executorName, members.taskInterface);
    }
    return constructor.build();
  }

  private List<MethodSpec> factories() {
    List<MethodSpec> factories = new ArrayList<>();
    String interfaceParameter = model.dynamic() ? ", taskInterface" : "";
    String interfaceDoc = model.dynamic()
        ? "\n@param taskInterface the inputs and outputs of this instance, such as\n"
            + "    {@code TaskInterface.builder().input(\"limit\", LiteralCodecs.int64()).build()}\n"
        : "";
    MethodSpec.Builder withDefaults = MethodSpec.methodBuilder("of")
        .addJavadoc("The task with configuration {@code config} and default settings: named\n"
            + "{@value #$L}, no retries, no resource requests.\n$L", members.executorName, interfaceDoc)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(model.taskClass())
        .addParameter(model.type(), "config");
    MethodSpec.Builder withSettings = MethodSpec.methodBuilder("of")
        .addJavadoc("The task with configuration {@code config} and Flyte settings {@code settings}.\n$L",
            interfaceDoc)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(model.taskClass())
        .addParameter(model.type(), "config");
    if (model.dynamic()) {
      withDefaults.addParameter(RuntimeNames.TASK_INTERFACE, "taskInterface");
      withSettings.addParameter(RuntimeNames.TASK_INTERFACE, "taskInterface");
    }
    withDefaults.addStatement("return new $T(config$L, $T.defaults())", model.taskClass(), interfaceParameter,
        RuntimeNames.TASK_SETTINGS);
    withSettings.addParameter(RuntimeNames.TASK_SETTINGS, "settings")
        .addStatement("return new $T(config$L, settings)", model.taskClass(), interfaceParameter);
    factories.add(withDefaults.build());
    factories.add(withSettings.build());
    return factories;
  }

  /** {@code run(inputs...)}: the typed local call, returning the output (or outputs record). */
  private MethodSpec typedRun() {
    NameAllocator locals = new NameAllocator();
    MethodSpec.Builder run = MethodSpec.methodBuilder("run").addModifiers(Modifier.PUBLIC);
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("Runs the task on this machine exactly as Flyte runs it in its container: the template is\n")
        .add("serialized and parsed back, the executor found by name, the inputs and outputs converted\n")
        .add("to Flyte literals and checked against the interface. Needs {@code preflyte-launcher} on\n")
        .add("the class path.\n\n");
    List<CodeBlock> puts = new ArrayList<>();
    for (TaskModel.Parameter input : model.inputs()) {
      String parameter = locals.newName(input.name(), input);
      run.addParameter(input.type().declared(), parameter);
      if (!input.description().isEmpty()) {
        doc.add("@param $L $L\n", parameter, input.description());
      }
      puts.add(CodeBlock.of("$Z.put($S, $L, $L)", input.name(), members.inputCodec(input.name()), parameter));
    }
    CodeBlock inputs = CodeBlock.of("$T.create()$L", RuntimeNames.LOCAL_INPUTS, CodeBlock.join(puts, ""));
    TaskModel.Result result = model.result();
    if (result instanceof TaskModel.Result.None) {
      run.addStatement("runLocally($L)", inputs);
    } else {
      String outputs = locals.newName("outputs");
      run.addStatement("$T $L = runLocally($L)", RuntimeNames.LOCAL_OUTPUTS, outputs, inputs);
      if (result instanceof TaskModel.Result.Single single) {
        run.returns(single.declared());
        run.addStatement("return $L.get($S, $L)", outputs, "o0", members.outputCodec("o0"));
        if (!single.description().isEmpty()) {
          doc.add("@return $L\n", single.description());
        }
      } else {
        TaskModel.Result.Outputs record = (TaskModel.Result.Outputs) result;
        run.returns(record.record());
        List<CodeBlock> components = new ArrayList<>();
        for (TaskModel.Output output : record.outputs()) {
          components.add(CodeBlock.of("$L.get($S, $L)", outputs, output.name(), members.outputCodec(output.name())));
        }
        run.addStatement("return new $T($L)", record.record(), CodeBlock.join(components, ",$W"));
        doc.add("@return the outputs\n");
      }
    }
    doc.add(THROWS);
    return run.addJavadoc(doc.build()).build();
  }

  /** {@code run(LocalInputs)}: the local call of a task whose interface is set per instance. */
  private MethodSpec dynamicRun() {
    return MethodSpec.methodBuilder("run")
        .addJavadoc("Runs the task on this machine exactly as Flyte runs it in its container, with inputs\n"
            + "named as this instance's interface declares them. Needs {@code preflyte-launcher} on the\n"
            + "class path.\n\n")
        .addJavadoc(THROWS)
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeNames.LOCAL_OUTPUTS)
        .addParameter(RuntimeNames.LOCAL_INPUTS, "inputs")
        .addStatement("return runLocally(inputs)")
        .build();
  }
}
