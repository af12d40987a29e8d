package dev.preflyte.idl;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Finds and reads the real Flyte data the compatibility tests use: {@code shared/fixtures/flyte},
 * which lives beside the repository rather than in it. Every test that reads Flyte's own data goes
 * through this class, so whether such a test runs, skips or fails is decided here alone.
 *
 * <p>Order: {@code -Dpreflyte.fixtures=DIR} if given (it must then be right: a wrong folder fails
 * the test, since the user asked for it); else the build's default {@code preflyte.fixtures.default},
 * the repository root's sibling {@code ../shared/fixtures/flyte}; else {@code shared/fixtures/flyte}
 * beside any folder above the working directory, for checkouts nested deeper than that (git
 * worktrees). When none of these holds the data, as in a plain clone, the test is aborted, which
 * JUnit reports as skipped with the places looked in: the data is not part of the repository, so its
 * absence is not a failure of the code.
 */
public final class FlyteFixtures {

  /** The system property that names the fixtures folder explicitly. */
  public static final String PROPERTY = "preflyte.fixtures";

  /** Where the build expects them: the repository root's sibling {@code ../shared/fixtures/flyte}. */
  public static final String DEFAULT_PROPERTY = "preflyte.fixtures.default";

  private static final Path RELATIVE = Paths.get("shared", "fixtures", "flyte");

  private static Path root;
  private static String absentReason;

  private FlyteFixtures() {}

  /**
   * The fixtures folder, holding {@code taskspecs/}, {@code literalmaps/} and {@code packages/}.
   *
   * @throws TestAbortedException when the data is not there and was not asked for explicitly
   * @throws IllegalStateException when {@code -Dpreflyte.fixtures} names a folder without the data
   */
  public static synchronized Path root() {
    if (root == null && absentReason == null) {
      try {
        root = locate(System.getProperty(PROPERTY),
            defaultCandidates(System.getProperty(DEFAULT_PROPERTY), Paths.get("")));
      } catch (TestAbortedException e) {
        absentReason = e.getMessage();
      }
    }
    if (root == null) {
      throw new TestAbortedException(absentReason);
    }
    return root;
  }

  /**
   * Where the data is: {@code explicit} if not blank, which must then hold it, else the first of
   * {@code candidates} that does.
   *
   * @throws IllegalStateException when {@code explicit} is given but holds no {@code taskspecs/}
   * @throws TestAbortedException when no candidate holds the data
   */
  static Path locate(String explicit, List<Path> candidates) {
    if (explicit != null && !explicit.isBlank()) {
      Path chosen = Paths.get(explicit).toAbsolutePath().normalize();
      if (!Files.exists(chosen)) {
        throw new IllegalStateException("-D" + PROPERTY + "=" + explicit + ": " + chosen
            + " does not exist: point it at shared/fixtures/flyte, or leave it out to skip the tests that need it");
      }
      if (!isFixtures(chosen)) {
        throw new IllegalStateException("-D" + PROPERTY + "=" + explicit + ": " + chosen
            + " holds no taskspecs/ folder: point it at shared/fixtures/flyte");
      }
      return chosen;
    }
    for (Path candidate : candidates) {
      if (isFixtures(candidate)) {
        return candidate;
      }
    }
    String where = candidates.isEmpty()
        ? "(nowhere to look)"
        : candidates.get(0) + (candidates.size() == 1 ? ""
            : " (nor at " + candidates.stream().skip(1).map(Path::toString).collect(Collectors.joining(", ")) + ")");
    throw new TestAbortedException("Flyte's fixtures not found at " + where
        + ": put shared/ beside the repository or give -D" + PROPERTY + "=DIR");
  }

  /**
   * The places looked in without {@code -Dpreflyte.fixtures}: {@code buildDefault} if not blank,
   * then {@code shared/fixtures/flyte} beside {@code workingDir} and each folder above it.
   */
  static List<Path> defaultCandidates(String buildDefault, Path workingDir) {
    List<Path> candidates = new ArrayList<>();
    if (buildDefault != null && !buildDefault.isBlank()) {
      candidates.add(Paths.get(buildDefault).toAbsolutePath().normalize());
    }
    for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (!candidates.contains(candidate)) {
        candidates.add(candidate);
      }
    }
    return candidates;
  }

  /** A file under the fixtures folder, which must exist once the folder does. */
  public static Path file(String relative) {
    Path file = root().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "Flyte fixture " + file + " is missing: restore shared/fixtures/flyte from the project's shared data");
    }
    return file;
  }

  /** The bytes of a file under the fixtures folder. */
  public static byte[] bytes(String relative) {
    return read(file(relative));
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

  /** A LiteralMap flytekit wrote, from {@code literalmaps/}. */
  public static LiteralMap literalMap(String name) throws IOException {
    return LiteralMap.parseFrom(bytes("literalmaps/" + name));
  }

  /** The declared type of input or output {@code variable} of a flytekit-serialized TaskSpec. */
  public static LiteralType declaredType(String taskSpecFile, String variable) throws IOException {
    TaskSpec spec = TaskSpec.parseFrom(bytes("taskspecs/" + taskSpecFile));
    var typed = spec.getTemplate().getInterface();
    return typed.getInputs().containsVariables(variable)
        ? typed.getInputs().getVariablesOrThrow(variable).getType()
        : typed.getOutputs().getVariablesOrThrow(variable).getType();
  }

  /**
   * The condition behind {@link RequiresFlyteFixtures}: disabled, with the reason, when the data is
   * absent; an error, as for any test reading it, when {@code -Dpreflyte.fixtures} names a wrong folder.
   */
  public static final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      try {
        return ConditionEvaluationResult.enabled("Flyte's fixtures are at " + root());
      } catch (TestAbortedException e) {
        return ConditionEvaluationResult.disabled(e.getMessage());
      }
    }
  }

  private static boolean isFixtures(Path candidate) {
    return Files.isDirectory(candidate.resolve("taskspecs"));
  }
}
