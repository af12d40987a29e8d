package dev.preflyte.processor;

import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Storage over local paths and {@code file://} URIs, enough for running generated executors in tests. */
final class LocalStorage implements Storage {

  private static Path path(String uri) {
    return uri.startsWith("file:") ? Paths.get(java.net.URI.create(uri)) : Paths.get(uri);
  }

  @Override
  public InputStream open(String uri) {
    try {
      return Files.newInputStream(path(uri));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[] read(String uri) {
    try {
      return Files.readAllBytes(path(uri));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void writeAtomically(String uri, byte[] bytes) {
    try {
      Path target = path(uri);
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), ".part", "");
      Files.write(temp, bytes);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean exists(String uri) {
    return Files.exists(path(uri));
  }

  @Override
  public void download(String uri, Path target) {
    copy(path(uri), target);
  }

  @Override
  public void upload(Path source, String uri) {
    copy(source, path(uri));
  }

  @Override
  public void downloadDirectory(String uri, Path target) {
    copyTree(path(uri), target);
  }

  @Override
  public void uploadDirectory(Path source, String uri) {
    copyTree(source, path(uri));
  }

  @Override
  public List<String> list(String uri) {
    Path root = path(uri);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path source, Path target) {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new StorageException("cannot copy " + source + " to " + target, e);
    }
  }

  private static void copyTree(Path source, Path target) {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        copy(file, target.resolve(source.relativize(file).toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
