package dev.preflyte.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.storage.StorageTimeouts;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * The deadline the storage fault tests give a backend behind a {@link FaultProxy}, and the check
 * that a call ended within it.
 */
public final class StorageDeadline {

  /** Short, so that only the deadline can end a trickle: bytes come faster than the read timeout. */
  public static final Duration DEADLINE = Duration.ofSeconds(4);
  /** How far past the deadline a call may end: the time to notice and unwind. */
  public static final Duration SLACK = Duration.ofSeconds(3);
  private static final String READ_TIMEOUT = "3s";

  private StorageDeadline() {}

  /**
   * {@code environment} with the backend's endpoint variable {@code endpointVariable} sent to {@code
   * proxy}, the {@link #DEADLINE} and a read timeout below it.
   */
  public static Map<String, String> behind(FaultProxy proxy, String endpointVariable, Map<String, String> environment) {
    Map<String, String> through = new HashMap<>(environment);
    through.put(endpointVariable, proxy.endpoint().toString());
    through.put(StorageTimeouts.DEADLINE, DEADLINE.toMillis() + "ms");
    through.put(StorageTimeouts.READ_TIMEOUT, READ_TIMEOUT);
    return through;
  }

  /** Runs {@code call}, which must fail with a StorageException within the deadline; that exception. */
  public static StorageException failsWithinDeadline(Executable call) {
    return failsWithinDeadline("the call", call);
  }

  /** Like {@link #failsWithinDeadline(Executable)}, naming {@code what} (the fault, say) when too slow. */
  public static StorageException failsWithinDeadline(Object what, Executable call) {
    long started = System.nanoTime();
    StorageException e = assertThrows(StorageException.class, call);
    assertEndedWithinDeadline(what, started);
    return e;
  }

  /** Asserts that {@code what}, begun at {@code startedNanos} ({@link System#nanoTime()}), ended within the deadline. */
  public static void assertEndedWithinDeadline(Object what, long startedNanos) {
    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
    assertTrue(took.compareTo(DEADLINE.plus(SLACK)) < 0, what + " took " + took + ", deadline " + DEADLINE);
  }
}
