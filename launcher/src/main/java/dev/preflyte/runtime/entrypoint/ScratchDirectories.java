package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.storage.FreshNames;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Creates the private directories a run uses and removes them afterwards. */
public final class ScratchDirectories {

  private ScratchDirectories() {}

  /** A new, empty, owner-only directory under the system's temporary directory. */
  public static Path create(String prefix) throws IOException {
    return FreshNames.createDirectory(Path.of(System.getProperty("java.io.tmpdir")), prefix);
  }

  /** Deletes {@code directory} if it is empty: a default output directory nothing was written to. */
  public static void deleteIfEmpty(Path directory) {
    if (directory == null) {
      return;
    }
    try {
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // Not empty (outputs refer to it) or not deletable: it stays.
    }
  }

  /** Deletes {@code directory} and everything in it; what cannot be deleted stays. */
  public static void deleteQuietly(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try {
      Files.walkFileTree(directory, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // Scratch space in a container that is about to end; a leftover is harmless.
    }
  }
}
