package dev.preflyte.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Everything the generators need about one {@code @PrebuiltTask} class, checked.
 *
 * @param element the annotated class
 * @param executorName the name the executor is registered under: the class's canonical name
 * @param record whether the class is a record (configuration through its canonical constructor)
 * @param properties the configuration properties, in declaration order
 * @param configStructs the nested configuration records, sorted by name
 * @param parameters the parameters of {@code execute}, in order
 * @param result what {@code execute} returns
 * @param executeThrows whether {@code execute} declares exceptions
 */
record TaskModel(
    TypeElement element,
    ClassName type,
    String executorName,
    String image,
    String taskType,
    ClassName taskClass,
    ClassName executorClass,
    boolean record,
    List<ConfigProperty> properties,
    List<ValueType.StructType> configStructs,
    List<Parameter> parameters,
    Result result,
    boolean executeThrows) {

  /** Whether the interface comes from the task instance's builder rather than from {@code execute}. */
  boolean dynamic() {
    return result instanceof Result.Dynamic;
  }

  /** The declared outputs: {@code o0} for a single value, an {@code @Outputs} record's components, or none. */
  List<Output> outputs() {
    if (result instanceof Result.Single single) {
      return List.of(new Output("o0", single.type(), null, single.description()));
    }
    if (result instanceof Result.Outputs outputs) {
      return outputs.outputs();
    }
    return List.of();
  }

  /** The parameters that are task inputs. */
  List<Parameter> inputs() {
    return parameters.stream().filter(p -> p.kind() == Parameter.Kind.INPUT).toList();
  }

  /** One parameter of {@code execute}; the description comes from its {@code @param} tag ("" if none). */
  record Parameter(String name, Kind kind, ValueType type, String description) {
    enum Kind {
      INPUT,
      CONTEXT,
      TASK_INPUTS
    }
  }

  /** A named output and how to read it from the value {@code execute} returns. */
  record Output(String name, ValueType type, String accessor, String description) {}

  /** What {@code execute} returns. */
  sealed interface Result {
    /** {@code void}: no outputs. */
    record None() implements Result {}

    /** One output, {@code o0}. */
    record Single(ValueType type, TypeName declared, String description) implements Result {}

    /** An {@code @Outputs} record: one output per component. */
    record Outputs(ClassName record, List<Output> outputs) implements Result {}

    /** {@code TaskOutputs}, with the interface declared on the builder. */
    record Dynamic() implements Result {}
  }
}
