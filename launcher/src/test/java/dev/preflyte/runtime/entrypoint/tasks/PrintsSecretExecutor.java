package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;

/** Prints secret db/password to stdout and stderr, the careless way, and succeeds. */
public class PrintsSecretExecutor implements TaskExecutor {

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    String password = context.secrets().get("db", "password");
    System.out.println("connecting to jdbc:postgresql://db/app?password=" + password);
    System.err.print("retrying with " + password.substring(0, 3));
    System.err.print(password.substring(3));
    System.err.println();
    System.err.print("unterminated " + password);
    System.err.flush();
    return LiteralMap.getDefaultInstance();
  }
}
