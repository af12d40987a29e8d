package dev.preflyte.runtime.registry;

import dev.preflyte.conventions.GeneratedNames;
import dev.preflyte.runtime.executor.TaskExecutor;
import java.util.ServiceLoader;
import java.util.SortedSet;

/**
 * Lists the names executors are registered under. Used only to explain an unknown name, never to
 * find an executor: it reads every registration folder on the class path.
 */
final class RegisteredNames {

  private RegisteredNames() {}

  static SortedSet<String> list(ClassLoader loader) {
    SortedSet<String> names = ResourceFolder.list(loader, ExecutorRegistry.RESOURCE_DIRECTORY);
    addProviders(loader, names);
    return names;
  }

  private static void addProviders(ClassLoader loader, SortedSet<String> names) {
    for (ServiceLoader.Provider<TaskExecutor> provider : ExecutorProviders.scan(loader, p -> false).providers()) {
      String name = GeneratedNames.executorNameOf(provider.type().getName());
      if (name != null) {
        names.add(name);
      }
    }
  }
}
