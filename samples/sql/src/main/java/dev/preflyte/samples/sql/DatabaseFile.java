package dev.preflyte.samples.sql;

import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.storage.FreshNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The SQLite database of one run: fetched once from its URI (any storage the runtime reads) into a
 * folder of the task's working directory, unpacked if it is an archive, checked to be a SQLite 3
 * file, and removed with {@link #close}.
 */
final class DatabaseFile implements AutoCloseable {

  /** Every SQLite 3 database starts with these 16 bytes. */
  private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path folder;
  private final Path database;

  private DatabaseFile(Path folder, Path database) {
    this.folder = folder;
    this.database = database;
  }

  /**
   * Fetches the database at {@code uri}.
   *
   * @throws dev.preflyte.runtime.storage.StorageException if it cannot be read (SYSTEM, retried)
   * @throws InvalidDatabaseException if it is not a SQLite database or an archive of one (USER)
   */
  static DatabaseFile fetch(String uri, Compression compression, ExecutionContext context) throws IOException {
    if (uri == null || uri.isBlank()) {
      throw new InvalidDatabaseException("the task's uri is empty: set it to the database's path or URI"
          + " (a local path, file://, s3://)");
    }
    Path folder = FreshNames.createDirectory(Files.createDirectories(context.workingDirectory()), "sqlite-");
    try {
      Path download = folder.resolve("download");
      context.storage().download(uri, download);
      Path database = download;
      if (compression != null && compression != Compression.NONE) {
        database = folder.resolve("database.sqlite");
        SingleFileArchive.extract(download, compression, database, uri);
        Files.delete(download);
      }
      checkHeader(database, uri, compression);
      return new DatabaseFile(folder, database);
    } catch (IOException | RuntimeException e) {
      delete(folder);
      throw e;
    }
  }

  Path path() {
    return database;
  }

  @Override
  public void close() throws IOException {
    delete(folder);
  }

  private static void checkHeader(Path database, String uri, Compression compression) throws IOException {
    byte[] start;
    try (InputStream in = Files.newInputStream(database)) {
      start = in.readNBytes(HEADER.length);
    }
    if (!Arrays.equals(start, HEADER)) {
      String what = compression == null || compression == Compression.NONE ? uri : "the file in " + uri;
      throw new InvalidDatabaseException(what + " is not a SQLite 3 database (" + (start.length == 0 ? "it is empty"
          : "it does not start with \"SQLite format 3\"") + "): point uri at a SQLite database, or set"
          + " compression if it is an archive");
    }
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
