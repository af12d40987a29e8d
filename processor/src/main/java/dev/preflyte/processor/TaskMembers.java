package dev.preflyte.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the generated task class's constants, which the task class and its executor both
 * use. They are allocated once per task so that they never clash with one another, with Java's
 * keywords or with the inputs' names (the typed {@code run} method's parameters).
 */
final class TaskMembers {

  final String taskType;
  final String defaultImage;
  final String executorName;
  final String taskInterface;
  final String custom;
  private final Map<String, String> inputCodecs = new LinkedHashMap<>();
  private final Map<String, String> outputCodecs = new LinkedHashMap<>();
  private final Map<ClassName, String> structCodecs = new LinkedHashMap<>();
  private final Map<List<Object>, String> properties = new LinkedHashMap<>();

  TaskMembers(TaskModel model) {
    NameAllocator names = new NameAllocator();
    for (TaskModel.Parameter input : model.inputs()) {
      names.newName(input.name(), List.of("parameter", input.name()));
    }
    taskType = names.newName("TASK_TYPE");
    defaultImage = names.newName("DEFAULT_IMAGE");
    executorName = names.newName("EXECUTOR_NAME");
    taskInterface = names.newName("INTERFACE");
    custom = names.newName("CUSTOM");
    for (TaskModel.Parameter input : model.inputs()) {
      inputCodecs.put(input.name(), names.newName("INPUT_" + Names.constant(input.name())));
    }
    for (TaskModel.Output output : model.outputs()) {
      outputCodecs.put(output.name(), names.newName("OUTPUT_" + Names.constant(output.name())));
    }
    for (ConfigProperty property : model.properties()) {
      properties.put(key(null, property), names.newName(Names.constant(property.name())));
    }
    Map<String, Integer> simpleNames = new LinkedHashMap<>();
    model.configStructs().forEach(struct -> simpleNames.merge(struct.name().simpleName(), 1, Integer::sum));
    for (ValueType.StructType struct : model.configStructs()) {
      // The simple name when no other nested record has it, else the names from the outermost type.
      String prefix = Names.constant(simpleNames.get(struct.name().simpleName()) == 1
          ? struct.name().simpleName()
          : String.join("", struct.name().simpleNames()));
      structCodecs.put(struct.name(), names.newName(prefix + "_STRUCT"));
      for (ConfigProperty property : struct.properties()) {
        String constant = prefix + "_" + Names.constant(property.name());
        properties.put(key(struct.name(), property), names.newName(constant));
      }
    }
  }

  String inputCodec(String input) {
    return inputCodecs.get(input);
  }

  String outputCodec(String output) {
    return outputCodecs.get(output);
  }

  String structCodec(ValueType.StructType struct) {
    return structCodecs.get(struct.name());
  }

  /** The constant of a property of the configuration ({@code owner} null) or of a nested record. */
  String property(ClassName owner, ConfigProperty property) {
    return properties.get(key(owner, property));
  }

  private static List<Object> key(ClassName owner, ConfigProperty property) {
    List<Object> key = new ArrayList<>();
    key.add(owner == null ? "" : owner.canonicalName());
    key.add(property.name());
    return key;
  }
}
