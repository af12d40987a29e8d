package dev.preflyte.runtime.literal;

import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Storage over the local file system for tests: plain paths and {@code file://} URIs. It counts
 * downloads so tests can check that files are fetched once.
 */
public final class LocalTestStorage implements Storage {

  private final AtomicInteger downloads = new AtomicInteger();
  private final AtomicInteger uploads = new AtomicInteger();

  public int downloads() {
    return downloads.get();
  }

  public int uploads() {
    return uploads.get();
  }

  static Path path(String uri) {
    if (uri.startsWith("file:")) {
      return Path.of(URI.create(uri));
    }
    if (uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new StorageException("unsupported URI scheme in " + uri + ": this storage reads local paths only");
    }
    return Path.of(uri);
  }

  private static String sameStyle(String base, Path file) {
    return base.startsWith("file:") ? file.toUri().toString() : file.toString();
  }

  @Override
  public InputStream open(String uri) {
    try {
      return Files.newInputStream(path(uri));
    } catch (IOException e) {
      throw new StorageException("cannot open " + uri, e);
    }
  }

  @Override
  public byte[] read(String uri) {
    try {
      return Files.readAllBytes(path(uri));
    } catch (IOException e) {
      throw new StorageException("cannot read " + uri, e);
    }
  }

  @Override
  public void writeAtomically(String uri, byte[] bytes) {
    Path target = path(uri);
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".tmp", null);
      Files.write(temp, bytes);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new StorageException("cannot write " + uri, e);
    }
  }

  @Override
  public boolean exists(String uri) {
    return Files.exists(path(uri));
  }

  @Override
  public void download(String uri, Path target) {
    downloads.incrementAndGet();
    copy(path(uri), target, uri);
  }

  @Override
  public void upload(Path source, String uri) {
    uploads.incrementAndGet();
    copy(source, path(uri), uri);
  }

  @Override
  public void downloadDirectory(String uri, Path target) {
    downloads.incrementAndGet();
    copyTree(path(uri), target, uri);
  }

  @Override
  public void uploadDirectory(Path source, String uri) {
    uploads.incrementAndGet();
    copyTree(source, path(uri), uri);
  }

  @Override
  public List<String> list(String uri) {
    Path root = path(uri);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      List<String> out = new ArrayList<>();
      files.filter(Files::isRegularFile).sorted().forEach(f -> out.add(sameStyle(uri, f)));
      return out;
    } catch (IOException e) {
      throw new StorageException("cannot list " + uri, e);
    }
  }

  private static void copy(Path from, Path to, String uri) {
    try {
      Path parent = to.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new StorageException("cannot copy " + uri, e);
    }
  }

  private static void copyTree(Path from, Path to, String uri) {
    if (!Files.isDirectory(from)) {
      throw new StorageException("no directory at " + uri);
    }
    try (Stream<Path> files = Files.walk(from)) {
      files.filter(Files::isRegularFile).forEach(f -> copy(f, to.resolve(from.relativize(f).toString()), uri));
    } catch (IOException | UncheckedIOException e) {
      throw new StorageException("cannot copy tree " + uri, e);
    }
  }
}
