package dev.preflyte.runtime.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * What every remote storage backend does with a folder (every object under a name prefix), in one
 * place: listing it, copying it into a local directory and copying a local directory into it. The
 * backend lists the folder and words its failures through a {@link Folder}, and copies each object
 * with its own {@link Storage#download} and {@link Storage#upload}.
 */
public final class StorageFolders {

  /**
   * One backend's view of the folder a URI names.
   *
   * @param name the object name or name prefix the URI gives, possibly empty (a whole bucket or
   *     container)
   * @param uriOf the URI of an object name in the folder's bucket or container
   * @param names the names of the objects in the folder, plus the object the URI names exactly (as
   *     {@code list} of a local file gives that file), each kept by {@link #listed(String, String)};
   *     given the operation, which a failure of the listing names
   * @param failure the backend's own failure to do an operation to the folder's URI, for a reason
   */
  public record Folder(String name, UnaryOperator<String> uriOf, Function<String, List<String>> names,
      Failure failure) {}

  /** A backend's failure to {@code operation} a folder's URI, for {@code reason}, worded its way. */
  @FunctionalInterface
  public interface Failure {
    StorageException of(String operation, String reason, Throwable cause);
  }

  private StorageFolders() {}

  /**
   * Whether a listing of {@code requested} keeps the object {@code name}: one inside the folder, or
   * the object named exactly; never a zero-byte folder marker ending in {@code /}, which some tools
   * create and which is not an object.
   */
  public static boolean listed(String name, String requested) {
    return (name.startsWith(ObjectUri.folderPrefix(requested)) || name.equals(requested)) && !name.endsWith("/");
  }

  /** The URIs of every object in {@code folder}, sorted. */
  public static List<String> list(Folder folder) {
    List<String> uris = new ArrayList<>();
    for (String name : folder.names().apply("list")) {
      uris.add(folder.uriOf().apply(name));
    }
    uris.sort(null);
    return uris;
  }

  /**
   * Copies every object in {@code folder} into {@code target} through {@code storage}, the folder's
   * backend, keeping the names below the folder as relative paths; a name that would land outside
   * {@code target} is refused.
   *
   * @param objectNoun what the backend calls an object in messages: key, blob, object
   */
  public static void download(Storage storage, Folder folder, Path target, String objectNoun) {
    String prefix = ObjectUri.folderPrefix(folder.name());
    Path root = target.toAbsolutePath().normalize();
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw folder.failure().of("download", "cannot create directory " + root + ": " + e, e);
    }
    for (String name : folder.names().apply("download")) {
      if (!name.startsWith(prefix)) {
        continue; // the object named exactly by a folder URI has no place inside the folder
      }
      Path file = root.resolve(name.substring(prefix.length())).normalize();
      if (!file.startsWith(root) || file.equals(root)) {
        throw folder.failure().of("download",
            objectNoun + " '" + name + "' would land outside " + root + ": refusing to write it", null);
      }
      storage.download(folder.uriOf().apply(name), file);
    }
  }

  /**
   * Copies every file under the local directory {@code source} into {@code folder} through {@code
   * storage}, the folder's backend, in name order.
   */
  public static void upload(Storage storage, Path source, Folder folder) {
    if (!Files.isDirectory(source)) {
      throw folder.failure().of("upload", source + " is not a directory", null);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw folder.failure().of("upload", "cannot walk " + source + ": " + e, e);
    }
    String prefix = ObjectUri.folderPrefix(folder.name());
    for (Path file : files) {
      storage.upload(file, folder.uriOf().apply(prefix + StorageFiles.slashSeparated(source.relativize(file))));
    }
  }
}
