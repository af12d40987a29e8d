package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageFoldersTest {

  @TempDir Path temp;

  /** A bucket in memory: {@code mem://name}, copied one object at a time, as a backend would. */
  private static final class Bucket implements Storage {
    final Map<String, byte[]> objects = new TreeMap<>();
    final List<String> uploads = new ArrayList<>();

    StorageFolders.Folder folder(String name) {
      return new StorageFolders.Folder(name, key -> "mem://" + key,
          operation -> objects.keySet().stream().filter(key -> StorageFolders.listed(key, name)).toList(),
          (operation, reason, cause) -> new StorageException("cannot " + operation + " mem://" + name + ": " + reason, cause));
    }

    @Override
    public void download(String uri, Path target) {
      try {
        Files.createDirectories(target.getParent());
        Files.write(target, objects.get(uri.substring("mem://".length())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void upload(Path source, String uri) {
      try {
        objects.put(uri.substring("mem://".length()), Files.readAllBytes(source));
        uploads.add(uri);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public InputStream open(String uri) {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] read(String uri) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void writeAtomically(String uri, byte[] bytes) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean exists(String uri) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void downloadDirectory(String uri, Path target) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void uploadDirectory(Path source, String uri) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> list(String uri) {
      throw new UnsupportedOperationException();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aListingKeepsTheFolderAndTheObjectNamedExactlyButNoMarker() {
    assertTrue(StorageFolders.listed("dir/a", "dir"));
    assertTrue(StorageFolders.listed("dir/a/b", "dir/"));
    assertTrue(StorageFolders.listed("dir", "dir"), "the object named exactly");
    assertTrue(StorageFolders.listed("anything", ""), "a whole bucket");
    assertFalse(StorageFolders.listed("dirt", "dir"), "a sibling sharing the prefix");
    assertFalse(StorageFolders.listed("dir/", "dir"), "a folder marker");
    assertFalse(StorageFolders.listed("dir/sub/", "dir"), "a folder marker");
  }

  @Test
  void listGivesTheUrisSorted() {
    Bucket bucket = new Bucket();
    for (String key : List.of("dir/b", "dir/a/c", "dir", "dirt", "dir/sub/")) {
      bucket.objects.put(key, bytes(key));
    }
    assertEquals(List.of("mem://dir", "mem://dir/a/c", "mem://dir/b"), StorageFolders.list(bucket.folder("dir")));
  }

  @Test
  void aDownloadKeepsTheRelativePathsAndLeavesOutTheObjectNamedLikeTheFolder() throws IOException {
    Bucket bucket = new Bucket();
    for (String key : List.of("dir", "dir/a.txt", "dir/b/c.txt")) {
      bucket.objects.put(key, bytes(key));
    }
    Path target = temp.resolve("down");
    StorageFolders.download(bucket, bucket.folder("dir"), target, "key");
    try (Stream<Path> files = Files.walk(target)) {
      assertEquals(List.of(target.resolve("a.txt"), target.resolve("b/c.txt")),
          files.filter(Files::isRegularFile).sorted().toList());
    }
    assertArrayEquals(bytes("dir/b/c.txt"), Files.readAllBytes(target.resolve("b/c.txt")));
  }

  @Test
  void aNameThatWouldLandOutsideTheTargetIsRefused() {
    Bucket bucket = new Bucket();
    bucket.objects.put("dir/../../escaped", bytes("x"));
    Path target = temp.resolve("down");
    StorageException e = assertThrows(StorageException.class,
        () -> StorageFolders.download(bucket, bucket.folder("dir"), target, "blob"));
    assertEquals("cannot download mem://dir: blob 'dir/../../escaped' would land outside " + target
        + ": refusing to write it", e.getMessage());
    assertFalse(Files.exists(temp.resolve("escaped")));
  }

  @Test
  void anUploadSendsEveryFileInNameOrderUnderTheFolder() throws IOException {
    Path source = temp.resolve("up");
    Files.createDirectories(source.resolve("b"));
    Files.write(source.resolve("b/2.txt"), bytes("2"));
    Files.write(source.resolve("1.txt"), bytes("1"));
    Bucket bucket = new Bucket();
    StorageFolders.upload(bucket, source, bucket.folder("copy"));
    assertEquals(List.of("mem://copy/1.txt", "mem://copy/b/2.txt"), bucket.uploads);
    assertArrayEquals(bytes("2"), bucket.objects.get("copy/b/2.txt"));
  }

  @Test
  void anUploadOfNoDirectoryNamesIt() {
    Path missing = temp.resolve("missing");
    Bucket bucket = new Bucket();
    StorageException e = assertThrows(StorageException.class,
        () -> StorageFolders.upload(bucket, missing, bucket.folder("copy")));
    assertEquals("cannot upload mem://copy: " + missing + " is not a directory", e.getMessage());
    assertEquals(List.of(), bucket.uploads);
  }
}
