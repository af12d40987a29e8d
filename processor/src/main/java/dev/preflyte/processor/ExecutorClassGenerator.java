package dev.preflyte.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Name>Executor}: what {@code preflyte-execute} runs in the container. It reads the
 * configuration from the template, decodes the inputs, calls {@code execute} and encodes the outputs.
 */
final class ExecutorClassGenerator {

  private static final String EXECUTOR_PACKAGE = "dev.preflyte.runtime.executor";
  private static final ClassName TASK_EXECUTOR = ClassName.get(EXECUTOR_PACKAGE, "TaskExecutor");
  private static final ClassName EXECUTION_CONTEXT = ClassName.get(EXECUTOR_PACKAGE, "ExecutionContext");
  private static final ClassName TASK_INPUTS = ClassName.get(EXECUTOR_PACKAGE, "TaskInputs");
  private static final ClassName TASK_OUTPUTS = ClassName.get(EXECUTOR_PACKAGE, "TaskOutputs");
  private static final ClassName TASK_TEMPLATE = ClassName.get("dev.preflyte.idl.core", "TaskTemplate");
  private static final ClassName LITERAL_MAP = ClassName.get("dev.preflyte.idl.core", "LiteralMap");

  private final TaskModel model;
  private final Set<String> codecNames = new HashSet<>();
  private final Map<String, String> inputCodecs = new HashMap<>();
  private final Map<String, String> outputCodecs = new HashMap<>();

  ExecutorClassGenerator(TaskModel model) {
    this.model = model;
  }

  JavaFile generate() {
    TypeSpec.Builder executor =
        TypeSpec.classBuilder(model.executorClass())
            .addOriginatingElement(model.element())
            .addAnnotation(GeneratedAnnotation.SPEC)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(TASK_EXECUTOR)
            .addJavadoc(
                "Runs {@link $T} in the task's container, from the serialized task template alone;"
                    + " generated from {@link $T} by Preflyte's annotation processor.\n\n<p>Registered under"
                    + " the name {@code $L}, which the container's arguments pass to"
                    + " {@code preflyte-execute}. The configuration comes from {@code TaskTemplate.custom}"
                    + " (see {@link $T#decodeCustom}).\n",
                model.type(),
                model.type(),
                model.executorName(),
                model.taskClass());
    for (TaskModel.Parameter input : model.inputs()) {
      String name = codecName("INPUT_" + Names.constant(input.name()));
      inputCodecs.put(input.name(), name);
      executor.addField(codecField(name, input.type()));
    }
    for (TaskModel.Output output : outputs()) {
      String name = codecName("OUTPUT_" + Names.constant(output.name()));
      outputCodecs.put(output.name(), name);
      executor.addField(codecField(name, output.type()));
    }
    executor.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("Creates the executor; the executor registry calls this.\n")
            .addModifiers(Modifier.PUBLIC)
            .build());
    executor.addMethod(executeFromModel());
    return JavaFile.builder(model.executorClass().packageName(), executor.build()).skipJavaLangImports(true).build();
  }

  private List<TaskModel.Output> outputs() {
    if (model.result() instanceof TaskModel.Result.Single single) {
      return List.of(new TaskModel.Output("o0", single.type(), null));
    }
    if (model.result() instanceof TaskModel.Result.Outputs outputs) {
      return outputs.outputs();
    }
    return List.of();
  }

  private String codecName(String preferred) {
    String name = Names.free(preferred, codecNames);
    codecNames.add(name);
    return name;
  }

  private static FieldSpec codecField(String name, ValueType type) {
    return FieldSpec.builder(
            ParameterizedTypeName.get(Codecs.LITERAL_CODEC, type.boxed()),
            name,
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .initializer(Codecs.codec(type))
        .build();
  }

  private MethodSpec executeFromModel() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("executeFromModel")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(LITERAL_MAP)
            .addParameter(TASK_TEMPLATE, "template")
            .addParameter(LITERAL_MAP, "inputs")
            .addParameter(EXECUTION_CONTEXT, "context");
    if (model.executeThrows()) {
      method.addException(Exception.class);
    }
    method.addStatement("$T task = $T.decodeCustom(template.getCustom())", model.type(), model.taskClass());
    CodeBlock wrapInputs = CodeBlock.of("$T.of(inputs, template.getInterface().getInputs(), context)", TASK_INPUTS);
    boolean usesInputs = model.parameters().stream().anyMatch(p -> p.kind() != TaskModel.Parameter.Kind.CONTEXT);
    if (usesInputs) {
      method.addStatement("$T in = $L", TASK_INPUTS, wrapInputs);
    } else {
      method.addComment("Checks that the inputs are exactly the declared ones (none).");
      method.addStatement("$L", wrapInputs);
    }
    List<CodeBlock> arguments = new ArrayList<>();
    for (TaskModel.Parameter parameter : model.parameters()) {
      switch (parameter.kind()) {
        case CONTEXT -> arguments.add(CodeBlock.of("context"));
        case TASK_INPUTS -> arguments.add(CodeBlock.of("in"));
        case INPUT -> arguments.add(CodeBlock.of("in.get($S, $L)", parameter.name(), inputCodecs.get(parameter.name())));
      }
    }
    CodeBlock call = CodeBlock.of("task.execute($L)", CodeBlock.join(arguments, ", "));
    TaskModel.Result result = model.result();
    if (result instanceof TaskModel.Result.Dynamic) {
      method.addStatement("return $L.toLiteralMap(context)", call);
    } else if (result instanceof TaskModel.Result.None) {
      method.addStatement("$L", call);
      method.addStatement("return $T.create().toLiteralMap(context)", TASK_OUTPUTS);
    } else if (result instanceof TaskModel.Result.Single single) {
      method.addStatement("$T o0 = $L", single.declared(), call);
      method.addStatement("return $T.create().put($S, $L, o0).toLiteralMap(context)",
          TASK_OUTPUTS, "o0", outputCodecs.get("o0"));
    } else {
      TaskModel.Result.Outputs outputs = (TaskModel.Result.Outputs) result;
      method.addStatement("$T result = $T.requireNonNull($L, $S)", outputs.record(), Objects.class, call,
          model.type().simpleName() + ".execute returned null: return a " + outputs.record().simpleName());
      CodeBlock.Builder put = CodeBlock.builder().add("return $T.create()", TASK_OUTPUTS).indent().indent();
      for (TaskModel.Output output : outputs.outputs()) {
        put.add("\n.put($S, $L, result.$L)", output.name(), outputCodecs.get(output.name()), output.accessor());
      }
      put.add("\n.toLiteralMap(context);\n").unindent().unindent();
      method.addCode(put.build());
    }
    return method.addJavadoc("Decodes the configuration and the inputs, runs the task and encodes its outputs.\n")
        .build();
  }
}
