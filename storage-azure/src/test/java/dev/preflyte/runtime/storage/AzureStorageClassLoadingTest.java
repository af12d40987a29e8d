package dev.preflyte.runtime.storage;

import dev.preflyte.runtime.testing.ClassLoadLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.testing.AzuriteServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves in a fresh JVM, from its class-load log, that {@link Storages#standard()} loads neither
 * the Azure SDK (nor its Reactor, Jackson or MSAL) nor the Azure backend until an {@code abfs://}
 * URI is used.
 */
class AzureStorageClassLoadingTest {

  private static final List<String> AZURE_PACKAGES = List.of(
      "com.azure.", "com.microsoft.aad.", "reactor.", "com.fasterxml.jackson.",
      "dev.preflyte.runtime.storage.azure.");

  @TempDir Path temp;

  @Test
  void localFilesLoadNoAzureClass() throws Exception {
    List<String> loaded = loadedClasses(Map.of(), temp.toString());

    assertTrue(loaded.contains(Storages.class.getName()), "the class-load log is read: " + loaded.size());
    assertTrue(loaded.contains(LocalStorage.class.getName()));
    List<String> azure = loaded.stream()
        .filter(name -> AZURE_PACKAGES.stream().anyMatch(name::startsWith))
        .toList();
    assertEquals(List.of(), azure, "classes loaded for local files only");
  }

  @Test
  void anAbfsUriLoadsTheSdk() throws Exception {
    AzuriteServer azurite = AzuriteServer.shared();
    String uri = azurite.uri(azurite.newContainer(), "from-child");
    List<String> loaded = loadedClasses(azurite.environment(), temp.toString(), uri);

    assertTrue(loaded.contains("dev.preflyte.runtime.storage.azure.AzureStorage"));
    assertTrue(loaded.contains("com.azure.storage.blob.BlobServiceClient"));
    assertTrue(loaded.stream().noneMatch(name -> name.startsWith("io.netty.")), "no Netty");
  }

  /** Runs {@link AzureStandardStorageProgram} with {@code args}; the names of the classes it loaded. */
  private static List<String> loadedClasses(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:stdout",
        "-cp", System.getProperty("java.class.path"),
        AzureStandardStorageProgram.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("AZURE_") || name.startsWith("FLYTE_AZURE_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the program finished");
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.lines().anyMatch("done"::equals), output);
    return ClassLoadLog.classNames(output);
  }
}
