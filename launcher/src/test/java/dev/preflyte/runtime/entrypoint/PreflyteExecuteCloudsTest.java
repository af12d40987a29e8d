package dev.preflyte.runtime.entrypoint;

import static dev.preflyte.runtime.entrypoint.tasks.Templates.PACKAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.entrypoint.tasks.Templates;
import dev.preflyte.runtime.storage.Storages;
import dev.preflyte.runtime.testing.AzuriteServer;
import dev.preflyte.runtime.testing.GcsStandInServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflyte-execute} in its own JVM with template, inputs and outputs on Azure (Azurite) and
 * on gs:// (the loopback GCS stand-in, not real GCS).
 */
class PreflyteExecuteCloudsTest {

  private static final String MAIN = PreflyteExecute.class.getName();

  @TempDir Path dir;

  private void runsSumAndFailing(Map<String, String> environment, String prefix) throws Exception {
    Map<String, String> env = new HashMap<>(environment);
    env.put("FLYTE_SECRETS_DEFAULT_DIR", dir.resolve("no-secrets").toString());
    try (Storages storage = Storages.standard(environment)) {
      storage.writeAtomically(prefix + "/inputs.pb", LiteralMap.newBuilder()
          .putLiterals("a", Literals.integer(20)).putLiterals("b", Literals.integer(22)).build().toByteArray());
      for (String executor : List.of("Sum", "Failing")) {
        storage.writeAtomically(prefix + "/" + executor + ".pb", Templates.sum(PACKAGE + executor).toByteArray());
        JavaProcess.Result result = JavaProcess.java(dir, env, MAIN, List.of(
            "--inputs", prefix + "/inputs.pb", "--output-prefix", prefix + "/" + executor,
            "--raw-output-data-prefix", prefix + "/raw", "--resolver", TemplateFileResolver.NAME,
            "--", prefix + "/" + executor + ".pb", PACKAGE + executor));
        assertEquals(0, result.exitCode(), result.stderr());
      }
      LiteralMap outputs = LiteralMap.parseFrom(storage.read(prefix + "/Sum/outputs.pb"));
      assertEquals(42, outputs.getLiteralsOrThrow("sum").getScalar().getPrimitive().getInteger());
      assertFalse(storage.exists(prefix + "/Sum/error.pb"));
      ContainerError error = ErrorDocument.parseFrom(storage.read(prefix + "/Failing/error.pb")).getError();
      assertEquals("USER:IllegalStateException", error.getCode());
    }
  }

  @Test
  void runsWithEverythingOnAzure() throws Exception {
    AzuriteServer azurite = AzuriteServer.shared();
    String container = azurite.newContainer();
    runsSumAndFailing(azurite.environment(), azurite.uri(container, "metadata/n0").replaceAll("/$", ""));
  }

  @Test
  void runsWithEverythingOnGcs() throws Exception {
    try (GcsStandInServer gcs = new GcsStandInServer(null)) {
      gcs.createBucket("flyte-metadata");
      runsSumAndFailing(Map.of("STORAGE_EMULATOR_HOST", gcs.endpoint()), "gs://flyte-metadata/metadata/n0");
    }
  }
}
