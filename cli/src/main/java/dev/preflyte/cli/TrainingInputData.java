package dev.preflyte.cli;

import dev.preflyte.runtime.entrypoint.RelativeDataPaths;
import dev.preflyte.runtime.entrypoint.RelativeDataPaths.DataKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Local paths in training inputs (JSON or {@code .pb}): files and folders in a folder of the
 * training inputs folder, such as {@code data/rows.csv}. They are written relative to it, and
 * preflyte-train resolves them wherever the image build mounts the folder for its training run;
 * nothing else of this machine is visible there.
 */
final class TrainingInputData {

  private final Path folder;

  /** @param folder the training inputs folder */
  TrainingInputData(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  /**
   * The folders of the training inputs folder, sorted: what reaches the image build beside the
   * inputs, as they are. A link in them is refused: the context would get a copy of what it names,
   * wherever that is, or an empty folder.
   */
  List<Path> dataFolders() throws IOException {
    List<Path> folders;
    try (Stream<Path> children = Files.list(folder)) {
      folders = children.filter(child -> Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
    for (Path data : folders) {
      try (Stream<Path> files = Files.walk(data)) {
        Optional<Path> link = files.filter(Files::isSymbolicLink).findFirst();
        if (link.isPresent()) {
          throw new CliException("--training-inputs: " + link.get() + " is a link, and only the training inputs"
              + " folder's own files reach the image build: copy what it names into the folder instead");
        }
      }
    }
    return folders;
  }

  /**
   * The path {@code path} is written as, relative to the folder; a {@link RelativeDataPaths.Rewrite}.
   *
   * @throws CliException naming {@code input}, when the training run could not read it there
   */
  String uri(String input, String path, DataKind expected) {
    Path resolved;
    try {
      Path given = path.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(path)) : Path.of(path);
      resolved = folder.resolve(given).normalize(); // an absolute path, too, may be in the folder
    } catch (IllegalArgumentException e) { // no path, or a file: URI that names none
      resolved = null;
    }
    if (resolved == null || !resolved.startsWith(folder) || resolved.equals(folder)
        || !inDataFolder(folder.relativize(resolved))) {
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
}
