package dev.preflyte.runtime.entrypoint.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * A user's System.LoggerFinder, for tests that a run leaves it where the JDK would run it: it appends
 * the name of the thread that instantiates it to the file named by the system property
 * {@value #RECORD_PROPERTY}. Registered only by the tests that want it, in a folder of their own.
 */
public final class RecordingLoggerFinder extends System.LoggerFinder {

  public static final String RECORD_PROPERTY = "preflyte.test.loggerFinderRecord";

  public RecordingLoggerFinder() {
    try {
      Files.writeString(Path.of(System.getProperty(RECORD_PROPERTY)), Thread.currentThread().getName() + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public System.Logger getLogger(String name, Module module) {
    return new Silent(name);
  }

  private record Silent(String getName) implements System.Logger {
    @Override
    public boolean isLoggable(Level level) {
      return false;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {}

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {}
  }
}
