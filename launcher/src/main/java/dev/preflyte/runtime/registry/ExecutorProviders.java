package dev.preflyte.runtime.registry;

import dev.preflyte.runtime.executor.TaskExecutor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Predicate;

/**
 * The executors declared as service providers ({@code provides ... with} in a module, or
 * {@code META-INF/services}), looked at by type only: no provider is instantiated here. A broken
 * declaration (a missing class, a class that is not a TaskExecutor) is skipped and remembered, so one
 * bad jar does not hide the executor that is asked for.
 */
final class ExecutorProviders {

  /** More consecutive failures than this means the lookup itself is stuck, not one bad entry. */
  private static final int MAX_FAILURES = 1000;

  private final List<ServiceLoader.Provider<TaskExecutor>> providers = new ArrayList<>();
  private final List<ServiceConfigurationError> failures = new ArrayList<>();

  private ExecutorProviders() {}

  /** Scans the providers visible to {@code loader} until one is accepted by {@code stopAt}. */
  static ExecutorProviders scan(ClassLoader loader, Predicate<ServiceLoader.Provider<TaskExecutor>> stopAt) {
    ExecutorProviders result = new ExecutorProviders();
    // The stream's iterator continues after a failing entry; the stream's own operations would not.
    Iterator<ServiceLoader.Provider<TaskExecutor>> iterator =
        ServiceLoader.load(TaskExecutor.class, loader).stream().iterator();
    int failuresInARow = 0;
    while (failuresInARow < MAX_FAILURES) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        ServiceLoader.Provider<TaskExecutor> provider = iterator.next();
        failuresInARow = 0;
        result.providers.add(provider);
        if (stopAt.test(provider)) {
          break;
        }
      } catch (ServiceConfigurationError e) {
        result.failures.add(e);
        failuresInARow++;
      }
    }
    return result;
  }

  /** The first provider scanned whose type {@code matches}. */
  Optional<ServiceLoader.Provider<TaskExecutor>> first(Predicate<Class<?>> matches) {
    return providers.stream().filter(provider -> matches.test(provider.type())).findFirst();
  }

  List<ServiceLoader.Provider<TaskExecutor>> providers() {
    return providers;
  }

  /** The broken declarations met on the way, for error messages. */
  List<ServiceConfigurationError> failures() {
    return failures;
  }
}
