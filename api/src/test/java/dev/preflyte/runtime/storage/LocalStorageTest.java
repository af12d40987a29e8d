package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStorageTest {

  private final LocalStorage storage = new LocalStorage();

  @TempDir Path temp;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> filesIn(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(path -> !path.equals(directory))
          .map(path -> directory.relativize(path).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  @Test
  void plainPathsAndFileUrisRoundTrip() {
    Path plain = temp.resolve("a/b/plain.pb");
    storage.writeAtomically(plain.toString(), bytes("plain"));
    assertArrayEquals(bytes("plain"), storage.read(plain.toString()));

    String uri = temp.resolve("with space/uri.pb").toUri().toString();
    assertTrue(uri.startsWith("file:///") && uri.contains("%20"), uri);
    storage.writeAtomically(uri, bytes("uri"));
    assertArrayEquals(bytes("uri"), storage.read(uri));
    assertTrue(Files.isRegularFile(temp.resolve("with space/uri.pb")));
    assertEquals(temp.resolve("with space/uri.pb"), LocalStorage.toPath(uri));
    assertEquals(Path.of("/x/y"), LocalStorage.toPath("file:/x/y"));
  }

  @Test
  void openStreams() throws IOException {
    Path file = Files.write(temp.resolve("f"), bytes("streamed"));
    try (InputStream in = storage.open(file.toString())) {
      assertArrayEquals(bytes("streamed"), in.readAllBytes());
    }
  }

  @Test
  void existsForFilesDirectoriesAndMissingPaths() throws IOException {
    Files.write(temp.resolve("f"), bytes("x"));
    assertTrue(storage.exists(temp.resolve("f").toString()));
    assertTrue(storage.exists(temp.resolve("f").toUri().toString()));
    assertTrue(storage.exists(temp.toString()));
    assertFalse(storage.exists(temp.resolve("missing").toString()));
  }

  @Test
  void writeAtomicallyReplacesAndLeavesNothingElse() throws IOException {
    Path target = temp.resolve("outputs.pb");
    storage.writeAtomically(target.toString(), bytes("first"));
    storage.writeAtomically(target.toString(), bytes("second"));
    assertArrayEquals(bytes("second"), Files.readAllBytes(target));
    assertEquals(List.of("outputs.pb"), filesIn(temp));
  }

  @Test
  void writtenFilesAreReadableLikeAnyNewFile() throws IOException {
    Path written = temp.resolve("written");
    storage.writeAtomically(written.toString(), bytes("x"));
    Path plain = Files.createFile(temp.resolve("plain"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
  }

  @Test
  void aConcurrentReaderSeesOnlyCompleteContent() throws Exception {
    Path target = temp.resolve("big.pb");
    byte[] older = new byte[3 * 1024 * 1024];
    byte[] newer = new byte[2 * 1024 * 1024 + 7];
    Arrays.fill(older, (byte) 'a');
    Arrays.fill(newer, (byte) 'b');
    storage.writeAtomically(target.toString(), older);

    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<List<String>> reader = CompletableFuture.supplyAsync(() -> {
      List<String> problems = new ArrayList<>();
      int reads = 0;
      while (writing.get() || reads == 0) {
        try {
          byte[] seen = Files.readAllBytes(target);
          reads++;
          if (!Arrays.equals(seen, older) && !Arrays.equals(seen, newer)) {
            note(problems, "read " + seen.length + " bytes that are neither version");
          }
        } catch (NoSuchFileException e) {
          note(problems, "the target vanished during a write");
        } catch (IOException e) {
          note(problems, e.toString());
        }
      }
      return problems;
    });
    try {
      for (int i = 0; i < 40; i++) {
        storage.writeAtomically(target.toString(), i % 2 == 0 ? newer : older);
      }
    } finally {
      writing.set(false);
    }
    assertEquals(List.of(), reader.get());
    assertEquals(List.of("big.pb"), filesIn(temp));
  }

  /** Keeps the first few problems: enough to diagnose, short enough to read. */
  private static void note(List<String> problems, String problem) {
    if (problems.size() < 5) {
      problems.add(problem);
    }
  }

  @Test
  void aWriteUnderAFileFailsAndLeavesNothing() throws IOException {
    Files.write(temp.resolve("file"), bytes("x"));
    String uri = temp.resolve("file/child.pb").toString();
    StorageException e = assertThrows(StorageException.class, () -> storage.writeAtomically(uri, bytes("y")));
    assertTrue(e.getMessage().startsWith("cannot write " + uri + ": "), e.getMessage());
    assertEquals(List.of("file"), filesIn(temp));
    assertArrayEquals(bytes("x"), Files.readAllBytes(temp.resolve("file")));
  }

  @Test
  void aWriteOverADirectoryFailsAfterWritingAndLeavesNoTemporaryFile() throws IOException {
    Path directory = Files.createDirectories(temp.resolve("outputs.pb"));
    Files.write(directory.resolve("inside"), bytes("x"));
    String uri = directory.toString();
    StorageException e = assertThrows(StorageException.class, () -> storage.writeAtomically(uri, bytes("y")));
    assertTrue(e.getMessage().startsWith("cannot write " + uri + ": "), e.getMessage());
    assertEquals(List.of("outputs.pb", "outputs.pb/inside"), filesIn(temp));
  }

  @Test
  void readingAMissingFileNamesIt() {
    String missing = temp.resolve("missing.pb").toString();
    StorageException e = assertThrows(StorageException.class, () -> storage.read(missing));
    assertEquals("cannot read " + missing + ": no such file", e.getMessage());
    e = assertThrows(StorageException.class, () -> storage.open(temp.toString()));
    assertEquals("cannot read " + temp + ": it is a directory, not a file", e.getMessage());
  }

  @Test
  void blankAndInvalidLocationsAreRejected() {
    StorageException e = assertThrows(StorageException.class, () -> storage.read(" "));
    assertEquals("storage location is blank: give a path or a URI", e.getMessage());
    e = assertThrows(StorageException.class, () -> storage.read("file://host/share/x"));
    assertTrue(e.getMessage().startsWith("'file://host/share/x' is not a valid file URI: use file:///absolute/path"),
        e.getMessage());
    e = assertThrows(StorageException.class, () -> storage.read("file:///with space"));
    assertTrue(e.getMessage().startsWith("'file:///with space' is not a valid file URI"), e.getMessage());
  }

  @Test
  void listIsSortedAndRecursive() throws IOException {
    Path root = temp.resolve("root");
    for (String name : List.of("b.txt", "a/z.txt", "a/b/c.txt", "A.txt", "with space.txt")) {
      Files.createDirectories(root.resolve(name).getParent());
      Files.write(root.resolve(name), bytes(name));
    }
    Files.createDirectories(root.resolve("empty"));

    List<String> expected = List.of("A.txt", "a/b/c.txt", "a/z.txt", "b.txt", "with space.txt");
    assertEquals(expected.stream().map(name -> root + "/" + name).toList(), storage.list(root.toString()));
    assertEquals(expected.stream().map(name -> root + "/" + name).toList(), storage.list(root + "/"));

    List<String> uris = storage.list(root.toUri().toString());
    assertEquals(expected.stream().map(name -> root.resolve(name).toUri().toString()).toList(), uris);
    for (String uri : uris) {
      assertTrue(storage.exists(uri), "listed URIs can be passed back in: " + uri);
    }

    assertEquals(List.of(root + "/b.txt"), storage.list(root + "/b.txt"));
    assertEquals(List.of(), storage.list(temp.resolve("missing").toString()));
  }

  @Test
  void fileCopiesCreateParentsAndReplace() throws IOException {
    Path source = Files.write(temp.resolve("source.bin"), bytes("content"));
    Path downloaded = temp.resolve("down/deep/copy.bin");
    storage.download(source.toUri().toString(), downloaded);
    assertArrayEquals(bytes("content"), Files.readAllBytes(downloaded));

    Path uploaded = temp.resolve("up/copy.bin");
    Files.createDirectories(uploaded.getParent());
    Files.write(uploaded, bytes("old"));
    storage.upload(source, uploaded.toString());
    assertArrayEquals(bytes("content"), Files.readAllBytes(uploaded));
    assertEquals(List.of("copy.bin"), filesIn(uploaded.getParent()));
  }

  @Test
  void copyingAMissingFileNamesIt() {
    Path missing = temp.resolve("missing.bin");
    StorageException e = assertThrows(StorageException.class,
        () -> storage.download(missing.toString(), temp.resolve("t")));
    assertEquals("cannot download " + missing + ": no such file " + missing, e.getMessage());
    e = assertThrows(StorageException.class, () -> storage.upload(missing, temp.resolve("t").toString()));
    assertEquals("cannot upload " + missing + " to " + temp.resolve("t") + ": no such file " + missing,
        e.getMessage());
    e = assertThrows(StorageException.class, () -> storage.download(temp.toString(), temp.resolve("t")));
    assertTrue(e.getMessage().endsWith("is a directory, not a file"), e.getMessage());
    assertFalse(Files.exists(temp.resolve("t")));
  }

  @Test
  void directoriesRoundTripWithNestedPaths() throws IOException {
    Path source = temp.resolve("source");
    for (String name : List.of("top.txt", "a/b/c/deep.txt", "a/sibling.txt")) {
      Files.createDirectories(source.resolve(name).getParent());
      Files.write(source.resolve(name), bytes(name));
    }
    Files.createDirectories(source.resolve("empty/dir"));

    Path store = temp.resolve("store");
    storage.uploadDirectory(source, store.toUri().toString());
    Path target = temp.resolve("target");
    storage.downloadDirectory(store.toString(), target);

    assertEquals(filesIn(source), filesIn(target));
    for (String name : List.of("top.txt", "a/b/c/deep.txt", "a/sibling.txt")) {
      assertArrayEquals(bytes(name), Files.readAllBytes(target.resolve(name)));
    }
  }

  @Test
  void directoryCopiesRejectMissingSourcesAndOverlaps() throws IOException {
    Path missing = temp.resolve("missing");
    StorageException e = assertThrows(StorageException.class,
        () -> storage.downloadDirectory(missing.toString(), temp.resolve("t")));
    assertEquals("cannot download " + missing + ": " + missing + " is not a directory", e.getMessage());

    Path source = Files.createDirectories(temp.resolve("source"));
    Files.write(source.resolve("f"), bytes("x"));
    e = assertThrows(StorageException.class,
        () -> storage.uploadDirectory(source, source.resolve("inner").toString()));
    assertTrue(e.getMessage().contains("overlap: copy a directory to a place outside it"), e.getMessage());
    assertEquals(List.of("f"), filesIn(source));
  }
}
