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

  /** The system property that names flytekit's fixtures folder explicitly. */
  public static final String FLYTEKIT_PROPERTY = "preflyte.fixtures.flytekit";

  private static final Path RELATIVE = Paths.get("shared", "fixtures", "flyte");
  private static final Path FLYTEKIT_RELATIVE = Paths.get("shared", "fixtures", "flytekit");

  private static Path root;
  private static String absentReason;
  private static Path flytekitRoot;
  private static String flytekitAbsentReason;

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
    return locate(explicit, candidates, Kind.FLYTE);
  }

  /** As {@link #locate(String, List)} for the data of {@code kind}. */
  static Path locate(String explicit, List<Path> candidates, Kind kind) {
    if (explicit != null && !explicit.isBlank()) {
      Path chosen = Paths.get(explicit).toAbsolutePath().normalize();
      if (!Files.exists(chosen)) {
        throw new IllegalStateException("-D" + kind.property + "=" + explicit + ": " + chosen
            + " does not exist: point it at " + kind.folder + ", or leave it out to skip the tests that need it");
      }
      if (!kind.holdsData(chosen)) {
        throw new IllegalStateException("-D" + kind.property + "=" + explicit + ": " + chosen
            + " holds no " + kind.marker + "/ folder: point it at " + kind.folder);
      }
      return chosen;
    }
    for (Path candidate : candidates) {
      if (kind.holdsData(candidate)) {
        return candidate;
      }
    }
    String where = candidates.isEmpty()
        ? "(nowhere to look)"
        : candidates.get(0) + (candidates.size() == 1 ? ""
            : " (nor at " + candidates.stream().skip(1).map(Path::toString).collect(Collectors.joining(", ")) + ")");
    throw new TestAbortedException(kind.name + " fixtures not found at " + where
        + ": put shared/ beside the repository or give -D" + kind.property + "=DIR");
  }

  /** Which data a locator looks for: Flyte's own, or the types and literals flytekit wrote. */
  enum Kind {
    FLYTE("Flyte's", PROPERTY, "shared/fixtures/flyte", "taskspecs"),
    FLYTEKIT("flytekit's", FLYTEKIT_PROPERTY, "shared/fixtures/flytekit", "types");

    final String name;
    final String property;
    final String folder;
    final String marker;

    Kind(String name, String property, String folder, String marker) {
      this.name = name;
      this.property = property;
      this.folder = folder;
      this.marker = marker;
    }

    boolean holdsData(Path candidate) {
      return Files.isDirectory(candidate.resolve(marker));
    }
  }

  /**
   * The places looked in without {@code -Dpreflyte.fixtures}: {@code buildDefault} if not blank,
   * then {@code shared/fixtures/flyte} beside {@code workingDir} and each folder above it.
   */
  static List<Path> defaultCandidates(String buildDefault, Path workingDir) {
    return defaultCandidates(buildDefault, workingDir, RELATIVE);
  }

  private static List<Path> defaultCandidates(String buildDefault, Path workingDir, Path relative) {
    List<Path> candidates = new ArrayList<>();
    if (buildDefault != null && !buildDefault.isBlank()) {
      candidates.add(Paths.get(buildDefault).toAbsolutePath().normalize());
    }
    for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
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

  /**
   * flytekit's fixtures folder, {@code shared/fixtures/flytekit} (LiteralTypes under {@code types/},
   * Literals under {@code values/}), found like Flyte's: {@code -Dpreflyte.fixtures.flytekit=DIR} if
   * given, else {@code flytekit} beside the build's default Flyte folder, else {@code
   * shared/fixtures/flytekit} beside any folder above the working directory.
   *
   * @throws TestAbortedException when the data is not there and was not asked for explicitly
   */
  public static synchronized Path flytekitRoot() {
    if (flytekitRoot == null && flytekitAbsentReason == null) {
      String flyteDefault = System.getProperty(DEFAULT_PROPERTY);
      String buildDefault = flyteDefault == null || flyteDefault.isBlank() ? null
          : Paths.get(flyteDefault).resolveSibling("flytekit").toString();
      try {
        flytekitRoot = locate(System.getProperty(FLYTEKIT_PROPERTY),
            defaultCandidates(buildDefault, Paths.get(""), FLYTEKIT_RELATIVE), Kind.FLYTEKIT);
      } catch (TestAbortedException e) {
        flytekitAbsentReason = e.getMessage();
      }
    }
    if (flytekitRoot == null) {
      throw new TestAbortedException(flytekitAbsentReason);
    }
    return flytekitRoot;
  }

  /** The bytes of a file under flytekit's fixtures folder, which must exist once the folder does. */
  public static byte[] flytekitBytes(String relative) {
    Path file = flytekitRoot().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "flytekit fixture " + file + " is missing: restore shared/fixtures/flytekit from the project's shared data");
    }
    return read(file);
  }

  /** The condition behind {@link RequiresFlytekitFixtures}, as {@link Condition} for Flyte's data. */
  public static final class FlytekitCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      try {
        return ConditionEvaluationResult.enabled("flytekit's fixtures are at " + flytekitRoot());
      } catch (TestAbortedException e) {
        return ConditionEvaluationResult.disabled(e.getMessage());
      }
    }
  }
}
