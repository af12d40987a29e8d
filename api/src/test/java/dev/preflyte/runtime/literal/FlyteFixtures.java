package dev.preflyte.runtime.literal;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralType;
import java.io.IOException;

/**
 * Flyte-written fixtures for literal tests, read from the shared fixture folder beside the
 * repository (see {@link dev.preflyte.idl.FlyteFixtures} for how it is found).
 */
public final class FlyteFixtures {

  private FlyteFixtures() {}

  public static byte[] bytes(String relativePath) {
    return dev.preflyte.idl.FlyteFixtures.read(dev.preflyte.idl.FlyteFixtures.file(relativePath));
  }

  public static LiteralMap literalMap(String name) throws IOException {
    return LiteralMap.parseFrom(bytes("literalmaps/" + name));
  }

  /** The declared type of input or output {@code variable} of a flytekit-serialized TaskSpec. */
  public static LiteralType declaredType(String taskSpecFile, String variable) throws IOException {
    TaskSpec spec = TaskSpec.parseFrom(bytes("taskspecs/" + taskSpecFile));
    var typed = spec.getTemplate().getInterface();
    return typed.getInputs().containsVariables(variable)
        ? typed.getInputs().getVariablesOrThrow(variable).getType()
        : typed.getOutputs().getVariablesOrThrow(variable).getType();
  }
}
