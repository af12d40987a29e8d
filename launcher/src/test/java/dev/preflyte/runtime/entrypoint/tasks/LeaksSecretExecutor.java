package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;

/** Reads secret db/password, logs it and fails with a message that contains it. */
public class LeaksSecretExecutor implements TaskExecutor {

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    String password = context.secrets().get("db", "password");
    context.logger().warn("connecting with password {}", password);
    throw new IllegalArgumentException("login failed for password " + password,
        new RuntimeException("driver said: bad password '" + password + "'"));
  }
}
