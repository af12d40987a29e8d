package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.BlobType;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.runtime.storage.LocalStorage;
import dev.preflyte.runtime.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * On the cluster, the URIs in a task's inputs (files, directories, datasets, schemas, offloaded
 * literals) name remote objects or files in the task's own data directories. A local path anywhere
 * else points at the container itself (the secrets mount, /proc, a device, a FIFO that would hang
 * the task, a link out of the data directories) and is refused before the task runs.
 */
final class InputLocations {

  private static final Pattern REMOTE_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:");
  private static final int MAX_NESTING = 100;
  private static final int MAX_DIRECTORY_ENTRIES = 100_000;

  private final List<Path> givenAllowed;
  private final List<Path> givenForbidden;
  /**
   * The given directories, each also with its links resolved: resolved at the first local URI, since
   * most runs have none (their inputs are scalars or remote), and resolving costs every run about
   * half a millisecond, mostly in the exceptions for folders that do not exist.
   */
  private List<Path> allowed;
  private List<Path> forbidden;

  /**
   * @param allowed the task's data directories (local ones only; remote prefixes need no check)
   * @param forbidden places refused even inside an allowed directory: the secrets mount and the like
   */
  InputLocations(List<Path> allowed, List<Path> forbidden) {
    this.givenAllowed = new ArrayList<>(allowed); // may hold nulls, for prefixes that are not local
    this.givenForbidden = List.copyOf(forbidden);
  }

  /** Whether {@code uri} names a local file (a plain path or {@code file:}), not a remote object. */
  static boolean isLocal(String uri) {
    return uri != null && !uri.isBlank()
        && (uri.regionMatches(true, 0, "file:", 0, 5) || !REMOTE_SCHEME.matcher(uri).find());
  }

  /** The local directory a local {@code uri} names, or null for a remote or blank one. */
  static Path localPath(String uri) {
    if (!isLocal(uri)) {
      return null;
    }
    try {
      return LocalStorage.toPath(uri).toAbsolutePath().normalize();
    } catch (StorageException | IllegalArgumentException e) {
      return null;
    }
  }

  /** @throws InputLocationException naming the first input whose URI points into the container */
  void check(LiteralMap inputs) {
    for (Map.Entry<String, Literal> input : inputs.getLiteralsMap().entrySet()) {
      check(input.getKey(), input.getValue(), 0);
    }
  }

  private void check(String input, Literal literal, int depth) {
    if (depth > MAX_NESTING) {
      return; // the interface check rejects what nests this deep
    }
    switch (literal.getValueCase()) {
      case OFFLOADED_METADATA -> checkUri(input, literal.getOffloadedMetadata().getUri(), false);
      case COLLECTION -> literal.getCollection().getLiteralsList().forEach(item -> check(input, item, depth + 1));
      case MAP -> literal.getMap().getLiteralsMap().values().forEach(item -> check(input, item, depth + 1));
      case SCALAR -> check(input, literal.getScalar(), depth);
      default -> { }
    }
  }

  private void check(String input, Scalar scalar, int depth) {
    switch (scalar.getValueCase()) {
      case BLOB -> checkUri(input, scalar.getBlob().getUri(),
          scalar.getBlob().getMetadata().getType().getDimensionality() == BlobType.BlobDimensionality.MULTIPART);
      case STRUCTURED_DATASET -> checkUri(input, scalar.getStructuredDataset().getUri(), true);
      case SCHEMA -> checkUri(input, scalar.getSchema().getUri(), true);
      case UNION -> check(input, scalar.getUnion().getValue(), depth + 1);
      default -> { }
    }
  }

  private void checkUri(String input, String uri, boolean directoryAllowed) {
    Path path = localPath(uri);
    if (path == null) {
      return;
    }
    if (allowed == null) {
      allowed = realPaths(givenAllowed);
      forbidden = realPaths(givenForbidden);
    }
    Path real = realPath(path);
    if (!inside(real, allowed) || inside(real, forbidden)) {
      throw refused(input, uri, "it is a local path outside the task's data directories " + allowed);
    }
    BasicFileAttributes attributes = attributes(real);
    if (attributes == null) {
      return; // absent: reading it fails as a storage error naming the URI
    }
    if (attributes.isDirectory() && directoryAllowed) {
      checkDirectory(input, uri, real);
    } else if (!attributes.isRegularFile()) {
      throw refused(input, uri, "it is " + kind(attributes) + ", not a regular file");
    }
  }

  /** Every entry of a local directory input must be a file or directory that stays inside. */
  private void checkDirectory(String input, String uri, Path directory) {
    try (Stream<Path> entries = Files.walk(directory)) {
      Iterator<Path> iterator = entries.limit(MAX_DIRECTORY_ENTRIES).iterator();
      while (iterator.hasNext()) {
        Path entry = iterator.next();
        BasicFileAttributes own = attributes(entry);
        if (own != null && own.isSymbolicLink()) {
          Path target = realPath(entry);
          if (!inside(target, allowed) || inside(target, forbidden)) {
            throw refused(input, uri, "its entry " + entry + " links outside the task's data directories");
          }
          own = attributes(target);
        }
        if (own != null && !own.isRegularFile() && !own.isDirectory()) {
          throw refused(input, uri, "its entry " + entry + " is " + kind(own));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Unreadable: downloading it fails as a storage error naming the URI.
    }
  }

  private static InputLocationException refused(String input, String uri, String why) {
    return new InputLocationException("input '" + input + "' points into the container: " + uri + " is refused, "
        + why + "; on the cluster pass remote URIs (s3://, gs://, abfs://) or files under the task's data directories");
  }

  private static String kind(BasicFileAttributes attributes) {
    return attributes.isOther() ? "a device, FIFO or socket" : attributes.isSymbolicLink() ? "a link" : "a directory";
  }

  private static BasicFileAttributes attributes(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean inside(Path path, List<Path> roots) {
    for (Path root : roots) {
      if (path.startsWith(root)) {
        return true;
      }
    }
    return false;
  }

  /** The path with every link resolved, as far as it exists; the rest appended as given. */
  private static Path realPath(Path path) {
    Path existing = path;
    Path rest = null;
    while (existing != null) {
      try {
        Path real = existing.toRealPath();
        return rest == null ? real : real.resolve(rest).normalize();
      } catch (IOException e) {
        Path name = existing.getFileName();
        rest = name == null ? rest : rest == null ? name : name.resolve(rest);
        existing = existing.getParent();
      }
    }
    return path;
  }

  private static List<Path> realPaths(List<Path> paths) {
    List<Path> real = new ArrayList<>();
    for (Path path : paths) {
      if (path != null) {
        Path absolute = path.toAbsolutePath().normalize();
        real.add(absolute);
        Path resolved = realPath(absolute);
        if (!resolved.equals(absolute)) {
          real.add(resolved);
        }
      }
    }
    return List.copyOf(real);
  }
}
