package dev.preflyte.runtime.task;

import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.idl.core.TypedInterface;
import dev.preflyte.idl.core.Variable;
import dev.preflyte.idl.core.VariableMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A task's typed inputs and outputs, in declaration order. Immutable. */
public final class TaskInterface {

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final TaskInterface EMPTY = new TaskInterface(Map.of(), Map.of());

  private final Map<String, Variable> inputs;
  private final Map<String, Variable> outputs;

  private TaskInterface(Map<String, Variable> inputs, Map<String, Variable> outputs) {
    this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  /** No inputs, no outputs. */
  public static TaskInterface empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, Variable> inputs() {
    return inputs;
  }

  public Map<String, Variable> outputs() {
    return outputs;
  }

  /** The interface as Flyte's TypedInterface; empty sides are left out to keep templates small. */
  public TypedInterface toProto() {
    TypedInterface.Builder proto = TypedInterface.newBuilder();
    if (!inputs.isEmpty()) {
      proto.setInputs(VariableMap.newBuilder().putAllVariables(inputs));
    }
    if (!outputs.isEmpty()) {
      proto.setOutputs(VariableMap.newBuilder().putAllVariables(outputs));
    }
    return proto.build();
  }

  /** Collects inputs and outputs; a name may be used once on each side. */
  public static final class Builder {
    private final Map<String, Variable> inputs = new LinkedHashMap<>();
    private final Map<String, Variable> outputs = new LinkedHashMap<>();

    private Builder() {}

    /** Declares input {@code name} of the type {@code codec} converts. */
    public Builder input(String name, LiteralCodec<?> codec) {
      return input(name, codec.literalType(), "");
    }

    /** Declares input {@code name} of the type {@code codec} converts, with a description. */
    public Builder input(String name, LiteralCodec<?> codec, String description) {
      return input(name, codec.literalType(), description);
    }

    /** Declares output {@code name} of the type {@code codec} converts. */
    public Builder output(String name, LiteralCodec<?> codec) {
      return output(name, codec.literalType(), "");
    }

    /** Declares output {@code name} of the type {@code codec} converts, with a description. */
    public Builder output(String name, LiteralCodec<?> codec, String description) {
      return output(name, codec.literalType(), description);
    }

    public Builder input(String name, LiteralType type) {
      return input(name, type, "");
    }

    public Builder input(String name, LiteralType type, String description) {
      add(inputs, "input", name, type, description);
      return this;
    }

    public Builder output(String name, LiteralType type) {
      return output(name, type, "");
    }

    public Builder output(String name, LiteralType type, String description) {
      add(outputs, "output", name, type, description);
      return this;
    }

    public TaskInterface build() {
      return new TaskInterface(inputs, outputs);
    }

    private static void add(
        Map<String, Variable> side, String role, String name, LiteralType type, String description) {
      if (name == null || !VARIABLE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            role + " name '" + name + "' is not valid: use letters, digits and '_', not starting with a digit");
      }
      if (side.containsKey(name)) {
        throw new IllegalArgumentException(role + " '" + name + "' is declared twice");
      }
      if (type == null || type.getTypeCase() == LiteralType.TypeCase.TYPE_NOT_SET) {
        throw new IllegalArgumentException(
            role + " '" + name + "' has no type: give a LiteralType with its type set (simple, blob, ...)");
      }
      Variable.Builder variable = Variable.newBuilder().setType(type);
      if (description != null && !description.isEmpty()) {
        variable.setDescription(description);
      }
      side.put(name, variable.build());
    }
  }
}
