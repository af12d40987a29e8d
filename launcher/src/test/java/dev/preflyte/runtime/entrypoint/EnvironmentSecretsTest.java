package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.executor.EnvironmentSecrets;
import dev.preflyte.runtime.executor.MissingSecretException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentSecretsTest {

  @TempDir Path root;
  private final List<String> revealed = new ArrayList<>();

  private EnvironmentSecrets secrets(Map<String, String> env) {
    return new EnvironmentSecrets(env, root, revealed::add);
  }

  @Test
  void environmentVariableIsUpperCaseWithPrefixAndOptionalVersion() {
    EnvironmentSecrets secrets = secrets(Map.of(
        "_FSEC_USER-INFO_USER_SECRET", "from-env",
        "_FSEC_DB_V2_PASSWORD", " versioned\n"));

    assertEquals(Optional.of("from-env"), secrets.find("user-info", "", "user_secret"));
    assertEquals("versioned", secrets.get("db", "v2", "password"), "stripped as flytekit strips");
    assertEquals("_FSEC_DB_V2_PASSWORD", secrets.environmentVariable("db", "v2", "password"));
    assertTrue(revealed.contains("from-env") && revealed.contains("versioned"));
  }

  @Test
  void fileIsLowerCaseUnderTheDirectoryAndLosesItsTrailingNewline() throws IOException {
    Path file = root.resolve("db/v1/password");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "from-file\n");

    assertEquals("from-file", secrets(Map.of()).get("DB", "V1", "Password"));
    assertEquals(file, secrets(Map.of()).file("DB", "V1", "Password"));
  }

  @Test
  void environmentWinsOverFile() throws IOException {
    Files.createDirectories(root.resolve("db"));
    Files.writeString(root.resolve("db/password"), "file");

    assertEquals("env", secrets(Map.of("_FSEC_DB_PASSWORD", "env")).get("db", "password"));
  }

  @Test
  void overridesChangePrefixDirectoryAndFilePrefix() throws IOException {
    Path other = root.resolve("other");
    Files.createDirectories(other.resolve("db"));
    Files.writeString(other.resolve("db/sec_password"), "custom-file");
    Map<String, String> env = Map.of(
        "FLYTE_SECRETS_ENV_PREFIX", "MY_",
        "FLYTE_SECRETS_DEFAULT_DIR", other.toString(),
        "FLYTE_SECRETS_FILE_PREFIX", "sec_",
        "MY_DB_TOKEN", "custom-env");

    assertEquals("custom-env", secrets(env).get("db", "token"));
    assertEquals("custom-file", secrets(env).get("db", "password"));
  }

  @Test
  void missingSecretNamesTheGroupAndKeyNeverAValue() {
    EnvironmentSecrets secrets = secrets(Map.of("_FSEC_DB_OTHER", "unrelated-value"));

    assertEquals(Optional.empty(), secrets.find("db", "", "password"));
    MissingSecretException e = assertThrows(MissingSecretException.class, () -> secrets.get("db", "password"));
    assertTrue(e.getMessage().startsWith("secret db/password is not available"), e.getMessage());
    assertFalse(e.getMessage().contains("unrelated-value"));
    assertTrue(e.getSuppressed()[0].getMessage().contains("_FSEC_DB_PASSWORD"));
    assertTrue(revealed.isEmpty());
  }

  @Test
  void blankGroupOrKeyIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> secrets(Map.of()).find("", "", "k"));
    assertThrows(IllegalArgumentException.class, () -> secrets(Map.of()).find("g", "", " "));
  }
}
