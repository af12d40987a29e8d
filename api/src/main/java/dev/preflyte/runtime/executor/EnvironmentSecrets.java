package dev.preflyte.runtime.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Secrets as Flyte mounts them and flytekit's {@code SecretsManager} reads them.
 *
 * <ol>
 *   <li>The environment variable {@code <prefix><GROUP>[_<GROUP_VERSION>]_<KEY>}, upper case; the
 *       prefix is {@code _FSEC_} unless {@code FLYTE_SECRETS_ENV_PREFIX} says otherwise.
 *   <li>The file {@code <dir>/<group>/[<group_version>/]<file prefix><key>}, lower case; the directory
 *       is {@code /etc/secrets} unless {@code FLYTE_SECRETS_DEFAULT_DIR} says otherwise, the file
 *       prefix empty unless {@code FLYTE_SECRETS_FILE_PREFIX} sets one.
 * </ol>
 *
 * <p>As in flytekit, leading and trailing white space (a file's final newline) is stripped from the
 * value, and an empty group version is left out of both names.
 */
public final class EnvironmentSecrets implements Secrets {

  public static final String DEFAULT_ENV_PREFIX = "_FSEC_";
  public static final Path DEFAULT_DIRECTORY = Path.of("/etc/secrets");

  private final Map<String, String> environment;
  private final String envPrefix;
  private final Path directory;
  private final String filePrefix;
  private final Consumer<String> onReveal;

  /**
   * @param environment the process environment (injectable for tests)
   * @param defaultDirectory the directory used when {@code FLYTE_SECRETS_DEFAULT_DIR} is not set
   * @param onReveal called with every value handed out, so that it can be scrubbed from messages
   */
  public EnvironmentSecrets(Map<String, String> environment, Path defaultDirectory, Consumer<String> onReveal) {
    this.environment = Map.copyOf(environment);
    this.envPrefix = setting("FLYTE_SECRETS_ENV_PREFIX", DEFAULT_ENV_PREFIX);
    String dir = setting("FLYTE_SECRETS_DEFAULT_DIR", null);
    this.directory = dir != null ? Path.of(dir) : Objects.requireNonNull(defaultDirectory, "defaultDirectory");
    this.filePrefix = setting("FLYTE_SECRETS_FILE_PREFIX", "");
    this.onReveal = Objects.requireNonNull(onReveal, "onReveal");
  }

  /** Secrets of this process's environment and {@code /etc/secrets}. */
  public static EnvironmentSecrets fromSystem(Consumer<String> onReveal) {
    return new EnvironmentSecrets(System.getenv(), DEFAULT_DIRECTORY, onReveal);
  }

  @Override
  public Optional<String> find(String group, String groupVersion, String key) {
    List<String> parts = parts(group, groupVersion, key);
    String value = environment.get(environmentVariable(parts));
    if (value == null) {
      value = readFile(file(parts));
    }
    if (value == null) {
      return Optional.empty();
    }
    String stripped = value.strip();
    onReveal.accept(value);
    onReveal.accept(stripped);
    return Optional.of(stripped);
  }

  @Override
  public String get(String group, String key) {
    return find(group, "", key).orElseThrow(() -> missing(group, "", key));
  }

  /** The value, or a {@link MissingSecretException} naming the places looked in. */
  public String get(String group, String groupVersion, String key) {
    return find(group, groupVersion, key).orElseThrow(() -> missing(group, groupVersion, key));
  }

  /** The environment variable a secret is read from. */
  public String environmentVariable(String group, String groupVersion, String key) {
    return environmentVariable(parts(group, groupVersion, key));
  }

  /** The file a secret is read from when the environment does not have it. */
  public Path file(String group, String groupVersion, String key) {
    return file(parts(group, groupVersion, key));
  }

  private MissingSecretException missing(String group, String groupVersion, String key) {
    List<String> parts = parts(group, groupVersion, key);
    MissingSecretException missing = new MissingSecretException(group, groupVersion == null ? "" : groupVersion, key);
    missing.addSuppressed(new IllegalStateException(
        "looked in environment variable " + environmentVariable(parts) + " and file " + file(parts)));
    return missing;
  }

  private String environmentVariable(List<String> parts) {
    StringBuilder name = new StringBuilder(envPrefix);
    for (int i = 0; i < parts.size(); i++) {
      name.append(i == 0 ? "" : "_").append(parts.get(i).toUpperCase(Locale.ROOT));
    }
    return name.toString();
  }

  private Path file(List<String> parts) {
    Path path = directory;
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i).toLowerCase(Locale.ROOT);
      path = path.resolve(i == parts.size() - 1 ? filePrefix + part : part);
    }
    return path;
  }

  private static List<String> parts(String group, String groupVersion, String key) {
    if (group == null || group.isBlank()) {
      throw new IllegalArgumentException("secret group is blank: name the secret's group");
    }
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("secret key is blank: name the key within group " + group);
    }
    List<String> parts = new ArrayList<>(3);
    parts.add(group);
    if (groupVersion != null && !groupVersion.isEmpty()) {
      parts.add(groupVersion);
    }
    parts.add(key);
    return parts;
  }

  private static String readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read secret file " + file + ": check its permissions", e);
    }
  }

  private String setting(String name, String fallback) {
    String value = environment.get(name);
    return value == null ? fallback : value.strip();
  }
}
