package dev.preflyte.idl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the real Flyte data the compatibility tests read: {@code shared/fixtures/flyte}, which lives
 * beside the repository rather than in it.
 *
 * <p>Order: {@code -Dpreflyte.fixtures=DIR} if given (it must then be right); else the build's
 * default {@code preflyte.fixtures.default}, the repository root's sibling
 * {@code ../shared/fixtures/flyte}; else {@code shared/fixtures/flyte} beside any folder above the
 * working directory, for checkouts nested deeper than that (git worktrees). Absent data fails the
 * test: it never skips it.
 */
public final class FlyteFixtures {

  /** The system property that names the fixtures folder explicitly. */
  public static final String PROPERTY = "preflyte.fixtures";

  /** Where the build expects them: the repository root's sibling {@code ../shared/fixtures/flyte}. */
  public static final String DEFAULT_PROPERTY = "preflyte.fixtures.default";

  private static final Path RELATIVE = Paths.get("shared", "fixtures", "flyte");
  private static Path root;

  private FlyteFixtures() {}

  /** The fixtures folder, holding {@code taskspecs/}, {@code literalmaps/} and {@code packages/}. */
  public static synchronized Path root() {
    if (root == null) {
      root = locate();
    }
    return root;
  }

  /** A file under the fixtures folder, which must exist. */
  public static Path file(String relative) {
    Path file = root().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "Flyte fixture " + file + " is missing: restore shared/fixtures/flyte from the project's shared data");
    }
    return file;
  }

  /** The 88 TaskSpec files, sorted by name. */
  public static List<Path> taskSpecs() {
    try (Stream<Path> files = Files.list(root().resolve("taskspecs"))) {
      return files.filter(path -> path.getFileName().toString().endsWith(".pb")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path locate() {
    String explicit = System.getProperty(PROPERTY);
    if (explicit != null && !explicit.isBlank()) {
      Path chosen = Paths.get(explicit).toAbsolutePath().normalize();
      if (!isFixtures(chosen)) {
        throw new IllegalStateException(
            "-D" + PROPERTY + "=" + explicit + " holds no taskspecs/ folder: point it at shared/fixtures/flyte");
      }
      return chosen;
    }
    List<Path> tried = new ArrayList<>();
    String buildDefault = System.getProperty(DEFAULT_PROPERTY);
    if (buildDefault != null && !buildDefault.isBlank()) {
      Path candidate = Paths.get(buildDefault).toAbsolutePath().normalize();
      if (isFixtures(candidate)) {
        return candidate;
      }
      tried.add(candidate);
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (isFixtures(candidate)) {
        return candidate;
      }
      tried.add(candidate);
    }
    throw new IllegalStateException(
        "Flyte fixtures not found: put shared/fixtures/flyte beside the repository or run with -D"
            + PROPERTY + "=<folder holding taskspecs/>; looked in " + tried);
  }

  private static boolean isFixtures(Path candidate) {
    return Files.isDirectory(candidate.resolve("taskspecs"));
  }
}
