package dev.preflyte.runtime.task;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Runs a task on this machine exactly as the cluster would: serialized template, executor found by
 * name, inputs and outputs checked against the interface. Implemented by {@code preflyte-launcher}
 * and found through {@link ServiceLoader}, so that code which only defines and registers tasks does
 * not depend on it.
 */
public interface LocalTaskRunner {

  /**
   * Runs {@code task} with {@code inputs}.
   *
   * @throws TaskFailedException classified as {@code error.pb} would be on the cluster
   */
  LocalOutputs run(PrebuiltContainerTask<?> task, LocalInputs inputs);

  /**
   * The runner on the class path.
   *
   * @throws IllegalStateException naming the dependency to add when there is none
   */
  static LocalTaskRunner find() {
    Iterator<LocalTaskRunner> runners =
        ServiceLoader.load(LocalTaskRunner.class, LocalTaskRunner.class.getClassLoader()).iterator();
    if (!runners.hasNext()) {
      throw new IllegalStateException("running a task locally needs dev.preflyte:preflyte-launcher on the class"
          + " path: add it as a dependency (test scope is enough)");
    }
    return runners.next();
  }
}
