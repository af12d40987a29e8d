package dev.preflyte.runtime.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A stream that may spend at most a budget of time blocked in its reads, in all: a read still
 * waiting when the budget runs out is ended by closing the stream underneath (which unblocks a
 * socket read), and every read from then on fails with an IOException naming the URI.
 */
final class DeadlineInputStream extends FilterInputStream {

  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "preflyte-storage-deadline");
    thread.setDaemon(true);
    return thread;
  });

  private final String uri;
  private final String deadline;
  private long budgetNanos;
  private volatile boolean expired;

  DeadlineInputStream(InputStream in, String uri, Duration budget, String deadline) {
    super(in);
    this.uri = uri;
    this.deadline = deadline;
    this.budgetNanos = budget.toNanos();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (expired || budgetNanos <= 0) {
      expire();
      throw expiredError(null);
    }
    long started = System.nanoTime();
    // Closing may block on a stubborn connection: done off the watchdog's only thread.
    ScheduledFuture<?> watchdog = WATCHDOG.schedule(this::expireOnItsOwnThread, budgetNanos, TimeUnit.NANOSECONDS);
    try {
      int n = in.read(b, off, len);
      if (expired) {
        throw expiredError(null); // a closed stream may look ended: never pass that on as the end
      }
      return n;
    } catch (IOException | RuntimeException e) {
      if (expired && !(e instanceof DeadlineExceeded)) {
        throw expiredError(e);
      }
      throw e;
    } finally {
      watchdog.cancel(false);
      budgetNanos -= System.nanoTime() - started;
    }
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  private void expireOnItsOwnThread() {
    Thread closer = new Thread(this::expire, "preflyte-storage-expire");
    closer.setDaemon(true);
    closer.start();
  }

  private void expire() {
    expired = true;
    try {
      in.close();
    } catch (IOException | RuntimeException ignored) {
      // the read it unblocks reports the deadline
    }
  }

  private IOException expiredError(Exception cause) {
    return new DeadlineExceeded("cannot read " + uri + ": the stream waited for data longer than " + deadline
        + ": check the network and the storage endpoint, or raise the deadline", cause);
  }

  /** The read failed because the budget ran out. */
  private static final class DeadlineExceeded extends IOException {
    DeadlineExceeded(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
