package dev.preflyte.runtime.executor;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;

/**
 * Runs a pre-built container task from its serialized template alone.
 *
 * <p>The Java counterpart of flytekit's {@code ShimTaskExecutor.execute_from_model}: it is called the
 * same way on the cluster (by {@code preflyte-execute}) and locally, and the task object built at
 * registration time never reaches it. Everything the executor needs must come from {@code template}
 * (its {@code custom} field holds the task's configuration) and {@code inputs}.
 *
 * <p>Implementations need a public no-argument constructor; they are found by task name, never by
 * scanning (see {@code dev.preflyte.runtime.registry.ExecutorRegistry}).
 */
public interface TaskExecutor {

  /**
   * Executes the task.
   *
   * @param template the task template as registered with Flyte
   * @param inputs one literal per input declared in {@code template.getInterface()}
   * @param context where the task runs: storage, working directory, secrets, identifiers
   * @return one literal per output declared in {@code template.getInterface()}
   * @throws Exception any failure; the entrypoint classifies it into Flyte's error document
   */
  LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context)
      throws Exception;
}
