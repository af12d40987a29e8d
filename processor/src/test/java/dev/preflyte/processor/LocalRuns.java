package dev.preflyte.processor;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Callable;

/**
 * Calls a generated task's typed {@code run} with the compiled classes as the context class loader,
 * where the runtime's registry looks executors up, as it would in a user's application.
 */
final class LocalRuns {

  private LocalRuns() {}

  static <T> T withLoader(ClassLoader loader, Callable<T> call) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return call.call();
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
