package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sets a distinctive secret through every channel a container has (the task's secrets API, other
 * {@code _FSEC_} variables, the storage credentials, files of the secrets mount laid out as Kubernetes
 * mounts them), runs a task that prints, logs and throws all of them in every way (long lines, no
 * newline, one byte per write, stdout and stderr interleaved, System.exit right after printing),
 * and scans everything the process left for the raw values.
 */
class SecretLeakScanIT {

  @TempDir Path dir;

  /** Distinctive values, so that any occurrence is a leak. */
  private static final Map<String, String> VARIABLES = new LinkedHashMap<>(Map.of(
      "_FSEC_DB_PASSWORD", "Api-Secret-7f3a9c",
      "_FSEC_BILLING_TOKEN", "Env-Only-Token-2b81",
      "FLYTE_AWS_SECRET_ACCESS_KEY", "Aws-Flyte-Key-c0ffee",
      "AWS_SECRET_ACCESS_KEY", "Aws-Sdk-Key-beef42",
      "AZURE_STORAGE_ACCOUNT_KEY", "Azure-Account-Key-91d0",
      "AZURE_STORAGE_CONNECTION_STRING",
      "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Azure-Conn-Key-55aa;EndpointSuffix=core.windows.net"));
  private static final String FILE_SECRET = "File-Mounted-Secret-e7e7";
  private static final String VERSIONED_FILE_SECRET = "Versioned-File-Secret-1d1d";

  private List<String> secrets() {
    List<String> all = new ArrayList<>(VARIABLES.values());
    all.add("Azure-Conn-Key-55aa"); // the connection string's key on its own
    all.add(FILE_SECRET);
    all.add(VERSIONED_FILE_SECRET);
    return all;
  }

  /** The secrets mount as Kubernetes lays it out: keys are links into a timestamped directory. */
  private void mountSecrets() throws IOException {
    Path data = Files.createDirectories(dir.resolve("secrets/api/..2026_12_02_00_00_00.1"));
    Files.writeString(data.resolve("key"), FILE_SECRET + "\n");
    Files.createSymbolicLink(dir.resolve("secrets/api/..data"), data.getFileName());
    Files.createSymbolicLink(dir.resolve("secrets/api/key"), Path.of("..data/key"));
    Path versioned = Files.createDirectories(dir.resolve("secrets/vault/v2"));
    Files.writeString(versioned.resolve("token"), "  " + VERSIONED_FILE_SECRET + "\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"leak", "leak-exit", "leak-throw"})
  void noRawSecretLeavesTheProcess(String mode) throws Exception {
    mountSecrets();
    Files.write(dir.resolve("task.pb"), ExecuteCase.hostileTemplate(Map.of("mode", ExecuteCase.STRING)).toByteArray());
    Files.write(dir.resolve("inputs.pb"),
        LiteralMap.newBuilder().putLiterals("mode", Literals.string(mode)).build().toByteArray());
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path raw = Files.createDirectories(dir.resolve("raw"));
    JavaProcess.Result result = JavaProcess.run(dir, LauncherRuns.environment(dir, tmp, VARIABLES),
        LauncherRuns.command("out/0", raw.toString(), ExecuteCase.HOSTILE));

    assertEquals(0, result.exitCode(), tail(result.stderr()));
    Path out = dir.resolve("out/0");
    if (mode.equals("leak")) {
      assertTrue(Files.exists(out.resolve("outputs.pb")), tail(result.stderr()));
    } else {
      String code = ErrorDocument.parseFrom(Files.readAllBytes(out.resolve("error.pb"))).getError().getCode();
      assertEquals(mode.equals("leak-exit") ? "USER:SystemExit" : "USER:IllegalStateException", code);
    }
    // The task did print: masked lines, and a masked file secret keeps its own line.
    assertTrue(result.stdout().contains("plain ****\n"), "stdout holds the masked lines");
    assertTrue(result.stdout().contains("****\nnext line"), "masking a file secret does not glue lines");
    assertTrue(result.stdout().endsWith("unterminated ****"), "the last, unterminated line is passed on");
    assertTrue(result.stderr().contains("logging the secret ****"), "the task logger is masked too");

    List<String> leaks = new ArrayList<>();
    scan("stdout", result.stdout().getBytes(StandardCharsets.UTF_8), leaks);
    scan("stderr", result.stderr().getBytes(StandardCharsets.UTF_8), leaks);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.startsWith(dir.resolve("secrets"))) { // the mount itself holds them, of course
          scan(dir.relativize(file).toString(), Files.readAllBytes(file), leaks);
        }
      }
    }
    assertEquals(List.of(), leaks, "raw secret values left by the process");
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(), "the work directory (where the task wrote the secrets) is removed");
    }
  }

  private void scan(String where, byte[] content, List<String> leaks) {
    String text = new String(content, StandardCharsets.ISO_8859_1); // byte for byte
    for (String secret : secrets()) {
      if (text.contains(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
        leaks.add(secret + " in " + where);
      }
    }
  }

  private static String tail(String text) {
    return text.length() <= 3000 ? text : "..." + text.substring(text.length() - 3000);
  }
}
