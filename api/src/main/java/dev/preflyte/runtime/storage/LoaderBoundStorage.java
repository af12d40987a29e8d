package dev.preflyte.runtime.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * A backend loaded from a folder of its own: every call runs with that folder's class loader as the
 * thread's context class loader, because cloud SDKs find their own plug-ins (HTTP clients, codecs,
 * credential sources) through it.
 */
final class LoaderBoundStorage implements Storage, AutoCloseable {

  private final Storage backend;
  private final ClassLoader loader;

  private LoaderBoundStorage(Storage backend, ClassLoader loader) {
    this.backend = backend;
    this.loader = loader;
  }

  /** Creates the backend with {@code loader} as context class loader, and binds it to it. */
  static Storage create(Supplier<Storage> factory, ClassLoader loader) {
    return new LoaderBoundStorage(within(loader, factory), loader);
  }

  private static <T> T within(ClassLoader loader, Supplier<T> call) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return call.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private void within(Runnable call) {
    within(loader, () -> {
      call.run();
      return null;
    });
  }

  /** The backend itself, for tests and diagnostics. */
  Storage backend() {
    return backend;
  }

  @Override
  public InputStream open(String uri) {
    return within(loader, () -> backend.open(uri));
  }

  @Override
  public byte[] read(String uri) {
    return within(loader, () -> backend.read(uri));
  }

  @Override
  public void writeAtomically(String uri, byte[] bytes) {
    within(() -> backend.writeAtomically(uri, bytes));
  }

  @Override
  public boolean exists(String uri) {
    return within(loader, () -> backend.exists(uri));
  }

  @Override
  public void download(String uri, Path target) {
    within(() -> backend.download(uri, target));
  }

  @Override
  public void upload(Path source, String uri) {
    within(() -> backend.upload(source, uri));
  }

  @Override
  public void downloadDirectory(String uri, Path target) {
    within(() -> backend.downloadDirectory(uri, target));
  }

  @Override
  public void uploadDirectory(Path source, String uri) {
    within(() -> backend.uploadDirectory(source, uri));
  }

  @Override
  public List<String> list(String uri) {
    return within(loader, () -> backend.list(uri));
  }

  @Override
  public void close() throws Exception {
    if (backend instanceof AutoCloseable closeable) {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        closeable.close();
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }
}
