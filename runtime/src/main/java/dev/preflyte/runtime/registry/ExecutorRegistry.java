package dev.preflyte.runtime.registry;

import dev.preflyte.runtime.executor.TaskExecutor;

/**
 * Finds the executor registered under a task's name without scanning the class path and without
 * instantiating any other executor.
 *
 * <p>The processor writes one resource per task, {@code META-INF/preflyte/executors/<name>}, whose
 * content is the executor's binary class name. In a named module, where the runtime cannot see that
 * resource's classes reflectively, executors are also declared with
 * {@code provides dev.preflyte.runtime.executor.TaskExecutor with ...}.
 */
public final class ExecutorRegistry {
  // Skeleton: the registry work fills this in.

  /** The class-path folder holding one registration resource per task. */
  public static final String RESOURCE_DIRECTORY = "META-INF/preflyte/executors/";

  private ExecutorRegistry() {}

  /** Instantiates the executor registered under {@code name} from {@code loader}. */
  public static TaskExecutor find(String name, ClassLoader loader) {
    throw new UnsupportedOperationException("skeleton");
  }
}
