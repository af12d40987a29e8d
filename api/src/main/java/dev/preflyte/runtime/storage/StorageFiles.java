package dev.preflyte.runtime.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What every remote storage backend does with local files, in one place. */
public final class StorageFiles {

  /** Opens the stream to download. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  /** The {@code .partial} files being written, by the thread writing them. */
  private static final Map<Thread, Set<Path>> PARTIALS = new ConcurrentHashMap<>();

  private StorageFiles() {}

  /** Tries of a download whose body breaks off; opening it is retried by the client library. */
  static final int DOWNLOAD_ATTEMPTS = 3;

  /**
   * Copies what {@code source} opens to {@code target} through a sibling {@code .partial} file moved
   * into place, so a failed download leaves no file under the target's name. A body that breaks off
   * (a dropped connection) is downloaded again from the start, up to {@value #DOWNLOAD_ATTEMPTS}
   * times in all, after a backoff with jitter. The last failure is thrown as it came, for the backend
   * to translate.
   */
  public static void downloadInto(Path target, Source source) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
    Thread downloader = Thread.currentThread();
    PARTIALS.computeIfAbsent(downloader, thread -> ConcurrentHashMap.newKeySet()).add(temporary);
    try {
      for (int attempt = 1; ; attempt++) {
        InputStream in = source.open();
        try (in) {
          Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
          break;
        } catch (IOException e) {
          if (attempt >= DOWNLOAD_ATTEMPTS || Thread.currentThread().isInterrupted()) {
            throw e;
          }
          Backoff.pause(attempt);
        }
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temporary);
      throw e;
    } finally {
      Set<Path> mine = PARTIALS.get(downloader);
      if (mine != null) {
        mine.remove(temporary);
        PARTIALS.remove(downloader, Set.of());
      }
    }
  }

  /**
   * Deletes the {@code .partial} files {@code downloader} is still writing: a call given up at its
   * deadline leaves its thread blocked on the network, and its half-downloaded files must not stay.
   * Should that thread finish after all, its rename fails and it leaves nothing either.
   */
  public static void discardPartialsOf(Thread downloader) {
    Set<Path> partials = PARTIALS.remove(downloader);
    if (partials != null) {
      partials.forEach(StorageFiles::deleteQuietly);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // The download already failed; that failure is the one to report.
    }
  }

  /** A relative path with {@code /} between its names, as object keys are written. */
  public static String slashSeparated(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }

  /**
   * {@code in}, whose read failures (an IOException, or a {@code failures} the client library
   * throws) come out as an IOException naming {@code uri}.
   */
  public static InputStream namingFailures(InputStream in, String uri, Class<? extends RuntimeException> failures) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException | RuntimeException e) {
          throw failed(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException | RuntimeException e) {
          throw failed(e);
        }
      }

      private IOException failed(Exception e) {
        if (e instanceof RuntimeException runtime && !failures.isInstance(runtime)) {
          throw runtime;
        }
        return new IOException("cannot read " + uri + ": " + e.getMessage(), e);
      }
    };
  }
}
