package dev.preflyte.runtime.entrypoint;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The logger task code gets: formats each message, blanks out the secret values the run handed
 * out, then passes it to the SLF4J logger of the same name. The SLF4J logger is created on first use,
 * so a task that does not log never initializes logging.
 */
final class ScrubbingLogger extends AbstractLogger {

  private static final long serialVersionUID = 1L;

  private final transient SecretScrubber scrubber;
  private transient volatile Logger delegate;

  ScrubbingLogger(String name, SecretScrubber scrubber) {
    this.name = name;
    this.scrubber = scrubber;
  }

  private Logger delegate() {
    Logger current = delegate;
    if (current == null) {
      current = LoggerFactory.getLogger(name);
      delegate = current;
    }
    return current;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
    if (throwable != null) {
      StringWriter trace = new StringWriter();
      try (PrintWriter out = new PrintWriter(trace)) {
        throwable.printStackTrace(out);
      }
      message = message + System.lineSeparator() + trace;
    }
    delegate().atLevel(level).log(scrubber.scrub(message));
  }

  @Override
  public boolean isTraceEnabled() {
    return delegate().isTraceEnabled();
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return delegate().isTraceEnabled(marker);
  }

  @Override
  public boolean isDebugEnabled() {
    return delegate().isDebugEnabled();
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return delegate().isDebugEnabled(marker);
  }

  @Override
  public boolean isInfoEnabled() {
    return delegate().isInfoEnabled();
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return delegate().isInfoEnabled(marker);
  }

  @Override
  public boolean isWarnEnabled() {
    return delegate().isWarnEnabled();
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return delegate().isWarnEnabled(marker);
  }

  @Override
  public boolean isErrorEnabled() {
    return delegate().isErrorEnabled();
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return delegate().isErrorEnabled(marker);
  }
}
