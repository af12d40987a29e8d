package dev.preflyte.runtime.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Storage on the local file system, for plain paths ({@code /data/inputs.pb}) and {@code file://}
 * URIs. Used for local runs and for tests that play Flyte's part.
 */
public final class LocalStorage implements Storage {

  /** Maps a local path or {@code file://} URI to a path. */
  public static Path toPath(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new StorageException("storage location is blank: give a path or a URI");
    }
    if (uri.startsWith("file:")) {
      try {
        return Path.of(URI.create(uri));
      } catch (IllegalArgumentException e) {
        throw new StorageException("'" + uri + "' is not a valid file URI: use file:///absolute/path", e);
      }
    }
    return Path.of(uri);
  }

  @Override
  public InputStream open(String uri) {
    Path path = toPath(uri);
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new StorageException("cannot read " + uri + ": no such file", e);
    } catch (IOException e) {
      throw new StorageException("cannot read " + uri + ": " + e, e);
    }
  }

  @Override
  public byte[] read(String uri) {
    try (InputStream in = open(uri)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new StorageException("cannot read " + uri + ": " + e, e);
    }
  }

  @Override
  public void writeAtomically(String uri, byte[] bytes) {
    Path target = toPath(uri).toAbsolutePath();
    Path temporary = null;
    try {
      Files.createDirectories(target.getParent());
      // A temporary sibling on the same file system, renamed over the target in one step: a reader
      // sees the old file, or no file, or the complete new one.
      temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        out.write(bytes);
      }
      moveAtomically(temporary, target);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new StorageException("cannot write " + uri + ": " + e, e);
    }
  }

  @Override
  public boolean exists(String uri) {
    return Files.exists(toPath(uri));
  }

  @Override
  public void download(String uri, Path target) {
    copyFile(toPath(uri), target, uri);
  }

  @Override
  public void upload(Path source, String uri) {
    copyFile(source, toPath(uri), uri);
  }

  @Override
  public void downloadDirectory(String uri, Path target) {
    copyTree(toPath(uri), target, uri);
  }

  @Override
  public void uploadDirectory(Path source, String uri) {
    copyTree(source, toPath(uri), uri);
  }

  @Override
  public List<String> list(String uri) {
    Path root = toPath(uri);
    if (!Files.isDirectory(root)) {
      return Files.isRegularFile(root) ? List.of(uri) : List.of();
    }
    String base = uri.endsWith("/") ? uri : uri + "/";
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> base + slashSeparated(root.relativize(file)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new StorageException("cannot list " + uri + ": " + e, e);
    }
  }

  private static void copyFile(Path source, Path target, String uri) {
    try {
      if (target.toAbsolutePath().getParent() != null) {
        Files.createDirectories(target.toAbsolutePath().getParent());
      }
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (NoSuchFileException e) {
      throw new StorageException("cannot copy " + source + " to " + target + " for " + uri + ": no such file", e);
    } catch (IOException e) {
      throw new StorageException("cannot copy " + source + " to " + target + " for " + uri + ": " + e, e);
    }
  }

  private static void copyTree(Path source, Path target, String uri) {
    if (!Files.isDirectory(source)) {
      throw new StorageException("cannot copy directory " + source + " for " + uri + ": not a directory");
    }
    List<IOException> failures = new ArrayList<>();
    try {
      Files.walkFileTree(source, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          Files.createDirectories(target.resolve(source.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      failures.add(e);
    }
    if (!failures.isEmpty()) {
      throw new StorageException("cannot copy directory " + source + " to " + target + ": " + failures.get(0), failures.get(0));
    }
  }

  private static void moveAtomically(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + target + " cannot rename atomically", e);
    }
  }

  private static String slashSeparated(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // The write already failed; that failure is the one to report.
      }
    }
  }
}
