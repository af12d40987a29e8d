package dev.preflyte.runtime.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes the URIs Flyte hands a task: local paths, {@code file://}, and through their own
 * artifacts {@code s3://}, {@code abfs://} / {@code abfss://} and {@code gs://}.
 *
 * <p>Every failure is a {@link StorageException} naming the URI (never a credential), so the
 * entrypoint can report it as a retryable system fault.
 */
public interface Storage {

  /** Opens a stream over the object at {@code uri}. */
  InputStream open(String uri);

  /** Reads the whole object at {@code uri}. */
  byte[] read(String uri);

  /**
   * Writes {@code bytes} to {@code uri} so that a reader sees either the whole object or none: no
   * partially written {@code outputs.pb}, ever.
   */
  void writeAtomically(String uri, byte[] bytes);

  /** Whether an object exists at {@code uri}. */
  boolean exists(String uri);

  /** Copies the object at {@code uri} to the local file {@code target}, creating parent directories. */
  void download(String uri, Path target);

  /** Copies the local file {@code source} to {@code uri}. */
  void upload(Path source, String uri);

  /**
   * Copies every object under the prefix {@code uri} into the local directory {@code target},
   * keeping relative paths.
   */
  void downloadDirectory(String uri, Path target);

  /** Copies every file under the local directory {@code source} to the prefix {@code uri}. */
  void uploadDirectory(Path source, String uri);

  /** The URIs of all objects under the prefix {@code uri}, sorted. */
  List<String> list(String uri);
}
