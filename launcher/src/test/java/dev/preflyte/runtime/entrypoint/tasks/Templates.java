package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.Container;
import dev.preflyte.idl.core.Identifier;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.ResourceType;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.core.TypedInterface;
import dev.preflyte.idl.core.Variable;
import dev.preflyte.idl.core.VariableMap;
import java.util.Map;

/** Task templates for the test tasks, as Flyte would upload them for {{.taskTemplatePath}}. */
public final class Templates {

  public static final String PACKAGE = "dev.preflyte.runtime.entrypoint.tasks.";

  private static final LiteralType INTEGER = Literals.simple(SimpleType.INTEGER);
  private static final LiteralType STRING = Literals.simple(SimpleType.STRING);

  private Templates() {}

  /** Inputs a, b and output sum, all INTEGER: the interface of Sum and WrongOutputs. */
  public static TaskTemplate sum(String name) {
    return template(name, Map.of("a", INTEGER, "b", INTEGER), Map.of("sum", INTEGER));
  }

  public static TaskTemplate readsStorage() {
    return template(PACKAGE + "ReadsStorage", Map.of("uri", STRING), Map.of("text", STRING));
  }

  /** Inputs small, big (INTEGER lengths), outputs small, big (STRING): the interface of SizedOutputs. */
  public static TaskTemplate sizedOutputs() {
    return template(PACKAGE + "SizedOutputs", Map.of("small", INTEGER, "big", INTEGER), Map.of("small", STRING, "big", STRING));
  }

  public static TaskTemplate noInterface(String name) {
    return template(name, Map.of(), Map.of());
  }

  public static TaskTemplate contextProbe() {
    Map<String, LiteralType> outputs = new java.util.TreeMap<>();
    for (String name : new String[] {"execution", "task", "attempt", "raw", "checkpoint", "previous", "workdir"}) {
      outputs.put(name, STRING);
    }
    return template(PACKAGE + "ContextProbe", Map.of(), outputs);
  }

  public static TaskTemplate template(String name, Map<String, LiteralType> inputs, Map<String, LiteralType> outputs) {
    return TaskTemplate.newBuilder()
        .setId(Identifier.newBuilder().setResourceType(ResourceType.TASK).setProject("flytesnacks")
            .setDomain("development").setName(name).setVersion("v1"))
        .setType("test")
        .setInterface(TypedInterface.newBuilder().setInputs(variables(inputs)).setOutputs(variables(outputs)))
        .setContainer(Container.newBuilder().setImage("preflyte-test:latest"))
        .build();
  }

  private static VariableMap variables(Map<String, LiteralType> types) {
    VariableMap.Builder map = VariableMap.newBuilder();
    types.forEach((name, type) -> map.putVariables(name, Variable.newBuilder().setType(type).build()));
    return map.build();
  }
}
