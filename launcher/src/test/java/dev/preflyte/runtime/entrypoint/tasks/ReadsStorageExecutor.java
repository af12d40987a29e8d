package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;
import java.nio.charset.StandardCharsets;

/** Reads the object named by input {@code uri} and returns its text as {@code text}. */
public class ReadsStorageExecutor implements TaskExecutor {

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    String uri = inputs.getLiteralsOrThrow("uri").getScalar().getPrimitive().getStringValue();
    try {
      String text = new String(context.storage().read(uri), StandardCharsets.UTF_8);
      return LiteralMap.newBuilder().putLiterals("text", Literals.string(text)).build();
    } catch (RuntimeException e) {
      // Task code often wraps failures; the storage fault inside must still be seen.
      throw new IllegalStateException("loading the database failed", e);
    }
  }
}
