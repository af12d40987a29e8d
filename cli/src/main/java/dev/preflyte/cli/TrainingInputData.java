package dev.preflyte.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Local paths in JSON training inputs: files and folders in a folder of the training inputs folder,
 * such as {@code data/rows.csv}. They are written relative to it, and preflyte-train resolves them
 * wherever the image build mounts the folder for its training run; nothing else of this machine is
 * visible there.
 */
final class TrainingInputData implements TypedInputs.LocalPaths {

  private final Path folder;

  /** @param folder the training inputs folder */
  TrainingInputData(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  /**
   * The folders of the training inputs folder, sorted: what reaches the image build beside the
   * inputs. A link in them that leads out of the training inputs folder is refused, so that
   * nothing else of this machine is copied into the build context.
   */
  List<Path> dataFolders() throws IOException {
    List<Path> folders;
    try (Stream<Path> children = Files.list(folder)) {
      folders = children.filter(child -> Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
    Path real = folder.toRealPath();
    for (Path data : folders) {
      try (Stream<Path> files = Files.walk(data)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (Files.isSymbolicLink(file) && !leadsInto(file, real)) {
            throw new CliException("--training-inputs: " + file + " is a link that leads out of the training inputs"
                + " folder " + folder + ": copy what it names into the folder instead");
          }
        }
      }
    }
    return folders;
  }

  private static boolean leadsInto(Path link, Path realFolder) {
    try {
      return link.toRealPath().startsWith(realFolder);
    } catch (IOException e) {
      return false; // a dangling link: nothing to copy, and refused the same way
    }
  }

  @Override
  public String uri(String input, String path, TypedInputs.Expected expected) {
    Path resolved;
    try {
      resolved = folder.resolve(path).normalize(); // an absolute path, too, may be in the folder
    } catch (InvalidPathException e) {
      resolved = null;
    }
    if (resolved == null || !resolved.startsWith(folder) || resolved.equals(folder)
        || !inDataFolder(folder.relativize(resolved)) || !inside(resolved)) {
      throw new CliException("input '" + input + "' is the local path \"" + path + "\", which the image build's"
          + " training run cannot see: put it in a folder of the training inputs folder " + folder + " (such as "
          + folder.resolve("data") + ") and give its path relative to that folder, such as data/rows.csv");
    }
    boolean found = switch (expected) {
      case FILE -> Files.isRegularFile(resolved);
      case FOLDER -> Files.isDirectory(resolved);
      case FILE_OR_FOLDER -> Files.exists(resolved);
    };
    if (!found) {
      throw new CliException("input '" + input + "' names " + path + ", but " + resolved + " is not "
          + switch (expected) {
            case FILE -> "a file";
            case FOLDER -> "a folder";
            case FILE_OR_FOLDER -> "there";
          } + ": put it there, or correct the path");
    }
    // Relative to the folder, which preflyte-train resolves wherever the image build mounts it.
    return folder.relativize(resolved).toString().replace('\\', '/');
  }

  /**
   * Whether {@code relative} is in a folder that reaches the build (files beside the inputs, and
   * links to folders, do not), or may be once put there.
   */
  private boolean inDataFolder(Path relative) {
    Path top = folder.resolve(relative.getName(0));
    if (relative.getNameCount() == 1) {
      return Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS);
    }
    return !Files.isSymbolicLink(top) && !Files.isRegularFile(top, LinkOption.NOFOLLOW_LINKS);
  }

  /** Whether {@code path}, links followed, is still in the folder (a missing path is checked later). */
  private boolean inside(Path path) {
    try {
      return !Files.exists(path) || path.toRealPath().startsWith(folder.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }
}
