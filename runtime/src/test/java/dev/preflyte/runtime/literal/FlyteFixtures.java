package dev.preflyte.runtime.literal;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the Flyte-written test fixtures under {@code src/test/resources/fixtures/flyte}. */
public final class FlyteFixtures {

  private FlyteFixtures() {}

  public static byte[] bytes(String relativePath) {
    String resource = "/fixtures/flyte/" + relativePath;
    try (InputStream in = FlyteFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("test fixture " + resource + " is missing from the test classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
