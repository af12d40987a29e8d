package dev.preflyte.runtime.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A remote backend whose every call ends within {@link StorageTimeouts#deadline()}, whatever the
 * endpoint does: one that never answers, or that answers a byte every few seconds (which no socket
 * timeout catches), ends in a {@link StorageException} naming the URI and the deadline. The client
 * libraries' own timeouts and retries still apply inside the deadline.
 *
 * <p>Each call runs on a worker thread while the caller waits at most the deadline; a call still
 * stuck then is interrupted and left to its daemon thread, which cannot outlive the process. A
 * stream from {@link #open} may spend the deadline waiting for bytes in all (time the reader spends
 * between reads does not count); then it is closed and its reads fail.
 */
public final class DeadlineStorage implements Storage, AutoCloseable {

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "preflyte-storage-call");
    thread.setDaemon(true);
    return thread;
  });

  private final Storage backend;
  private final StorageTimeouts timeouts;

  private DeadlineStorage(Storage backend, StorageTimeouts timeouts) {
    this.backend = backend;
    this.timeouts = timeouts;
  }

  /** {@code backend} with every call bounded by {@code timeouts.deadline()}. */
  public static DeadlineStorage bound(Storage backend, StorageTimeouts timeouts) {
    return new DeadlineStorage(backend, timeouts);
  }

  /** The backend inside, for tests and diagnostics. */
  public Storage backend() {
    return backend;
  }

  @Override
  public InputStream open(String uri) {
    long started = System.nanoTime();
    InputStream in = call("read", uri, () -> backend.open(uri));
    Duration left = timeouts.deadline().minusNanos(System.nanoTime() - started);
    return new DeadlineInputStream(in, uri, left, timeouts.describeDeadline());
  }

  @Override
  public byte[] read(String uri) {
    return call("read", uri, () -> backend.read(uri));
  }

  @Override
  public void writeAtomically(String uri, byte[] bytes) {
    run("write", uri, () -> backend.writeAtomically(uri, bytes));
  }

  @Override
  public boolean exists(String uri) {
    return call("check", uri, () -> backend.exists(uri));
  }

  @Override
  public void download(String uri, Path target) {
    run("download", uri, () -> backend.download(uri, target));
  }

  @Override
  public void upload(Path source, String uri) {
    run("upload " + source + " to", uri, () -> backend.upload(source, uri));
  }

  @Override
  public void downloadDirectory(String uri, Path target) {
    run("download", uri, () -> backend.downloadDirectory(uri, target));
  }

  @Override
  public void uploadDirectory(Path source, String uri) {
    run("upload " + source + " to", uri, () -> backend.uploadDirectory(source, uri));
  }

  @Override
  public List<String> list(String uri) {
    return call("list", uri, () -> backend.list(uri));
  }

  @Override
  public void close() throws Exception {
    if (backend instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  private void run(String operation, String uri, Runnable action) {
    call(operation, uri, () -> {
      action.run();
      return null;
    });
  }

  private <T> T call(String operation, String uri, Callable<T> action) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    AtomicReference<Thread> running = new AtomicReference<>();
    Future<T> result = WORKERS.submit(() -> {
      Thread worker = Thread.currentThread();
      running.set(worker);
      ClassLoader previous = worker.getContextClassLoader();
      worker.setContextClassLoader(loader); // the SDKs look up their plug-ins as the caller would
      try {
        return action.call();
      } finally {
        worker.setContextClassLoader(previous);
        Thread.interrupted(); // an interrupt meant for this call must not reach the next one
      }
    });
    try {
      return result.get(timeouts.deadline().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      Thread worker = running.get();
      if (worker != null) {
        StorageFiles.discardPartialsOf(worker);
      }
      throw new StorageException("cannot " + operation + " " + uri + ": " + timeouts.deadlineReason());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime; // the backend's own StorageException, already naming the URI
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new StorageException("cannot " + operation + " " + uri + ": " + cause, cause);
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new StorageException("cannot " + operation + " " + uri + ": interrupted while waiting for storage");
    } catch (CancellationException e) {
      throw new StorageException("cannot " + operation + " " + uri + ": the call was cancelled", e);
    }
  }
}
