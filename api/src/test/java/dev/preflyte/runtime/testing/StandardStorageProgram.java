package dev.preflyte.runtime.testing;

import dev.preflyte.runtime.storage.Storages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Run in a fresh JVM by {@link StandardStorageJvm}: uses {@link Storages#standard()} on local files
 * in {@code args[0]} and, when given, on the remote URI {@code args[1]} (an {@code s3://}, {@code
 * abfs://} or {@code gs://} object), then prints {@code done}. Which classes it loaded shows in the
 * JVM's class-load log.
 */
public final class StandardStorageProgram {

  private StandardStorageProgram() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    byte[] bytes = "local".getBytes(StandardCharsets.UTF_8);
    try (Storages storages = Storages.standard()) {
      storages.writeAtomically(directory.resolve("a/plain.txt").toString(), bytes);
      storages.writeAtomically(directory.resolve("a/uri.txt").toUri().toString(), bytes);
      check(Arrays.equals(bytes, storages.read(directory.resolve("a/plain.txt").toString())), "read");
      check(storages.exists(directory.resolve("a/uri.txt").toUri().toString()), "exists");
      check(storages.list(directory.resolve("a").toString()).size() == 2, "list");
      storages.downloadDirectory(directory.resolve("a").toString(), directory.resolve("b"));
      check(Files.isRegularFile(directory.resolve("b/uri.txt")), "downloadDirectory");
      if (args.length > 1) {
        storages.writeAtomically(args[1], bytes);
        check(Arrays.equals(bytes, storages.read(args[1])), "read of " + args[1]);
      }
    }
    System.out.println("done");
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what + " failed");
    }
  }
}
