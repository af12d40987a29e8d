package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class LoggingHeadStartTest {

  @Test
  void withTheJdksOwnConfigurationLoggingStartsOnADaemonThreadThatEnds() throws InterruptedException {
    Optional<Thread> started = LoggingHeadStart.begin(new Properties());

    assertTrue(started.isPresent());
    Thread thread = started.get();
    assertEquals(LoggingHeadStart.THREAD_NAME, thread.getName());
    assertTrue(thread.isDaemon());
    thread.join(10_000);
    assertFalse(thread.isAlive());
  }

  @ParameterizedTest
  @FieldSource("dev.preflyte.runtime.entrypoint.LoggingHeadStart#USER_CONFIGURATION")
  void aUsersManagerConfigurationClassOrFileIsLeftToTheMainThread(String property) {
    Properties properties = new Properties();
    properties.setProperty(property, "anything");

    assertEquals(Optional.empty(), LoggingHeadStart.begin(properties));
  }
}
