package dev.preflyte.runtime.entrypoint;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.LogManager;

/**
 * Starts java.util.logging on a daemon thread as soon as {@code preflyte-execute} begins, so that
 * its start runs beside the main thread's work instead of in its way.
 *
 * <p>Protobuf's static loggers ({@code UnsafeUtil}, {@code CodedOutputStream}) start logging at a
 * run's first message, on the main thread: the LogManager, the JDK's logging configuration, and a
 * search of every module of the runtime image and every jar for a {@code System.LoggerFinder}.
 * Begun here, most of it overlaps the opening of the class path's jars, which protobuf's first
 * failed class lookup forces on the main thread just before. BENCHMARKS.md has what it buys: most
 * on OpenJDK 17, little on JDK 25, whose AOT cache already spares most of that work. On JDK 21 and
 * later it also fetches the system logger {@code Runtime.exit} consults.
 *
 * <p>Only the JDK's own configuration starts this way. A logging manager, a configuration class or
 * a configuration file of the user's (whose {@code config} classes run when it is read) is user
 * code, which keeps running where it always did: on the main thread, once the output scrubbing is
 * in place.
 */
final class LoggingHeadStart implements Runnable {

  static final String THREAD_NAME = "preflyte-logging-start";

  /** The system properties through which starting java.util.logging runs the user's code. */
  static final List<String> USER_CONFIGURATION = List.of(
      "java.util.logging.manager", "java.util.logging.config.class", "java.util.logging.config.file");

  private LoggingHeadStart() {}

  /** Starts logging on its own daemon thread, unless {@code properties} configure it; returns the thread started. */
  static Optional<Thread> begin(Properties properties) {
    for (String property : USER_CONFIGURATION) {
      if (properties.getProperty(property) != null) {
        return Optional.empty();
      }
    }
    Thread thread = new Thread(new LoggingHeadStart(), THREAD_NAME);
    thread.setDaemon(true); // never holds the JVM up
    thread.start();
    return Optional.of(thread);
  }

  @Override
  public void run() {
    try {
      LogManager.getLogManager();
      if (Runtime.version().feature() >= 21 && noLoggerFinderOfTheUsers()) {
        // JDK 21's Runtime.exit asks this logger whether to log the exit: fetched here, the exit
        // does not spend 0.4 ms setting up the logger finder.
        System.getLogger("java.lang.Runtime").isLoggable(System.Logger.Level.DEBUG);
      }
    } catch (Throwable e) {
      // Not reported here: protobuf's loggers meet the same failure on the main thread, whose
      // failure contract classifies and reports it.
    }
  }

  /** Whether no System.LoggerFinder is provided besides the JDK's: one of the user's is user code, left to the exit. */
  private static boolean noLoggerFinderOfTheUsers() {
    // Provider types are loaded, not initialized: nothing of the user's runs.
    return ServiceLoader.load(System.LoggerFinder.class, ClassLoader.getSystemClassLoader()).stream().findAny().isEmpty();
  }
}
