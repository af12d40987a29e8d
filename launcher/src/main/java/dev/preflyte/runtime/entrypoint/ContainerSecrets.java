package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.executor.EnvironmentSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Finds every value that is a secret in this container before the task can print anything, so the
 * scrubber masks it from the first byte: the secrets Flyte injects (environment variables with
 * flytekit's prefix, files of the secrets mount) and the storage credentials the runtime reads.
 * Values the task reads through its secrets API are added as it reads them.
 */
final class ContainerSecrets {

  /** Credentials the storage backends and their SDKs read from the environment. */
  static final List<String> CREDENTIAL_VARIABLES = List.of(
      "FLYTE_AWS_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
      "AZURE_STORAGE_ACCOUNT_KEY", "AZURE_STORAGE_KEY", "AZURE_STORAGE_CONNECTION_STRING",
      "AZURE_STORAGE_SAS_TOKEN", "AZURE_CLIENT_SECRET", "FLYTE_CREDENTIALS_CLIENT_SECRET");
  /** The parts of an Azure connection string that are secret on their own. */
  private static final List<String> CONNECTION_STRING_SECRETS = List.of("AccountKey", "SharedAccessSignature");
  /** Bounds for the walk of the secrets mount: Kubernetes mounts a few small files per secret. */
  private static final int MAX_DEPTH = 6;
  private static final int MAX_FILES = 4096;
  private static final long MAX_FILE_BYTES = 1024 * 1024;

  private ContainerSecrets() {}

  /** Teaches {@code scrubber} every secret of the container {@code environment} describes. */
  static void rememberAll(Map<String, String> environment, Path defaultDirectory, SecretScrubber scrubber) {
    String prefix = setting(environment, "FLYTE_SECRETS_ENV_PREFIX", EnvironmentSecrets.DEFAULT_ENV_PREFIX);
    environment.forEach((name, value) -> {
      if (!prefix.isEmpty() && name.startsWith(prefix)) {
        scrubber.remember(value);
      }
    });
    for (String name : CREDENTIAL_VARIABLES) {
      String value = environment.get(name);
      scrubber.remember(value);
      if (value != null && name.endsWith("CONNECTION_STRING")) {
        rememberConnectionStringParts(value, scrubber);
      }
    }
    String directory = environment.get("FLYTE_SECRETS_DEFAULT_DIR");
    rememberFiles(directory == null || directory.isBlank() ? defaultDirectory : Path.of(directory.strip()), scrubber);
  }

  private static void rememberConnectionStringParts(String connectionString, SecretScrubber scrubber) {
    for (String part : connectionString.split(";")) {
      int equals = part.indexOf('=');
      if (equals > 0 && CONNECTION_STRING_SECRETS.contains(part.substring(0, equals).strip())) {
        scrubber.remember(part.substring(equals + 1));
      }
    }
  }

  /**
   * Every regular file below {@code directory}, following the links Kubernetes mounts secrets with;
   * an unreadable entry or a link loop skips that entry only.
   */
  private static void rememberFiles(Path directory, SecretScrubber scrubber) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try {
      Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
        private int files;

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile()) {
            rememberFile(file, scrubber);
          }
          return ++files < MAX_FILES ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // An unreadable mount: the task cannot read it either.
    }
  }

  private static void rememberFile(Path file, SecretScrubber scrubber) {
    try {
      if (Files.size(file) <= MAX_FILE_BYTES) {
        scrubber.remember(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      }
    } catch (IOException | UncheckedIOException e) {
      // Not readable by this process, so not something the task can print.
    }
  }

  private static String setting(Map<String, String> environment, String name, String fallback) {
    String value = environment.get(name);
    return value == null ? fallback : value.strip();
  }
}
