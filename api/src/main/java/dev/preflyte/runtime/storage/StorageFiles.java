package dev.preflyte.runtime.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** What every remote storage backend does with local files, in one place. */
public final class StorageFiles {

  /** Opens the stream to download. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  private StorageFiles() {}

  /**
   * Copies what {@code source} opens to {@code target} through a sibling {@code .partial} file moved
   * into place, so a failed download leaves no file under the target's name. The failure is thrown as
   * it came, for the backend to translate.
   */
  public static void downloadInto(Path target, Source source) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
    try {
      try (InputStream in = source.open()) {
        Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // The download already failed; that failure is the one to report.
      }
      throw e;
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
