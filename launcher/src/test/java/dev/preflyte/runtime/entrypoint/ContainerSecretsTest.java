package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerSecretsTest {

  @TempDir Path dir;

  @Test
  void everySecretOfTheContainerIsKnownBeforeTheTaskRuns() throws Exception {
    Path data = Files.createDirectories(dir.resolve("db/..2026_01_01.1"));
    Files.writeString(data.resolve("password"), "file-value-1\n");
    Files.createSymbolicLink(dir.resolve("db/..data"), data.getFileName());
    Files.createSymbolicLink(dir.resolve("db/password"), Path.of("..data/password"));
    SecretScrubber scrubber = new SecretScrubber();
    ContainerSecrets.rememberAll(Map.of(
        "_FSEC_API_TOKEN", "env-value-2",
        "FLYTE_AWS_SECRET_ACCESS_KEY", "aws-value-3",
        "AZURE_STORAGE_CONNECTION_STRING", "AccountName=a;AccountKey=azure-key-4;EndpointSuffix=x",
        "FLYTE_SECRETS_DEFAULT_DIR", dir.toString(),
        "PATH", "/usr/bin"), Path.of("/nonexistent"), scrubber);

    assertEquals("**** **** **** **** **** /usr/bin",
        scrubber.scrub("file-value-1 env-value-2 aws-value-3 azure-key-4 AccountName=a;AccountKey=azure-key-4;"
            + "EndpointSuffix=x /usr/bin"));
  }

  @Test
  void theEnvironmentPrefixFollowsFlyteSecretsEnvPrefix() {
    SecretScrubber scrubber = new SecretScrubber();
    ContainerSecrets.rememberAll(Map.of("FLYTE_SECRETS_ENV_PREFIX", "MY_PREFIX_", "MY_PREFIX_TOKEN", "custom-5",
        "_FSEC_OTHER", "other-6"), dir.resolve("none"), scrubber);
    assertEquals("**** other-6", scrubber.scrub("custom-5 other-6"));
  }

  @Test
  void aLinkLoopInTheMountSkipsOnlyItself() throws Exception {
    Files.createDirectories(dir.resolve("a/loop-parent"));
    Files.createSymbolicLink(dir.resolve("a/loop-parent/loop"), dir.resolve("a"));
    Files.createDirectories(dir.resolve("z"));
    Files.writeString(dir.resolve("z/key"), "after-the-loop-7\n");
    SecretScrubber scrubber = new SecretScrubber();
    ContainerSecrets.rememberAll(Map.of("FLYTE_SECRETS_DEFAULT_DIR", dir.toString()), Path.of("/nonexistent"),
        scrubber);
    assertEquals("****", scrubber.scrub("after-the-loop-7"));
  }
}
