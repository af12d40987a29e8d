package dev.preflyte.runtime.storage;

import java.io.InterruptedIOException;
import java.util.concurrent.ThreadLocalRandom;

/** The wait before a retry: exponential from 200 ms, capped at 5 s, with full jitter. */
public final class Backoff {

  private static final long BASE_MILLIS = 200;
  private static final long CAP_MILLIS = 5_000;

  private Backoff() {}

  /** The longest wait before try {@code attempt + 1}. */
  static long ceilingMillis(int attempt) {
    return Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt - 1, 10));
  }

  /** Waits a random time up to {@link #ceilingMillis}: many tasks retrying at once spread out. */
  public static void pause(int attempt) throws InterruptedIOException {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(ceilingMillis(attempt) + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
