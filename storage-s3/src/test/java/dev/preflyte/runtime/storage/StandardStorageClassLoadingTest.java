package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.testing.S3TestServer;
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
 * the AWS SDK nor the S3 backend until an {@code s3://} URI is used.
 */
class StandardStorageClassLoadingTest {

  @TempDir Path temp;

  @Test
  void localFilesLoadNoAwsClass() throws Exception {
    List<String> loaded = loadedClasses(Map.of(), temp.toString());

    assertTrue(loaded.contains(Storages.class.getName()), "the class-load log is read: " + loaded.size());
    assertTrue(loaded.contains(LocalStorage.class.getName()));
    List<String> s3 = loaded.stream()
        .filter(name -> name.startsWith("software.amazon.awssdk.") || name.startsWith("dev.preflyte.runtime.storage.s3."))
        .toList();
    assertEquals(List.of(), s3, "classes loaded for local files only");
  }

  @Test
  void anS3UriLoadsTheSdk() throws Exception {
    S3TestServer server = S3TestServer.shared();
    String uri = "s3://" + server.newBucket() + "/from-child";
    List<String> loaded = loadedClasses(server.environment(), temp.toString(), uri);

    assertTrue(loaded.contains("dev.preflyte.runtime.storage.s3.S3Storage"));
    assertTrue(loaded.contains("software.amazon.awssdk.services.s3.S3Client"));
    assertEquals("local", new String(server.client().getObjectAsBytes(
        get -> get.bucket(uri.substring(5, uri.indexOf('/', 5))).key("from-child")).asByteArray(),
        StandardCharsets.UTF_8));
  }

  /** Runs {@link StandardStorageProgram} with {@code args}; the names of the classes it loaded. */
  private static List<String> loadedClasses(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:stdout",
        "-cp", System.getProperty("java.class.path"),
        StandardStorageProgram.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("FLYTE_AWS_") || name.startsWith("AWS_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the program finished");
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.lines().anyMatch("done"::equals), output);
    List<String> classes = new ArrayList<>();
    for (String line : output.split("\n")) {
      int tag = line.indexOf("[class,load] ");
      if (tag >= 0) {
        String rest = line.substring(tag + "[class,load] ".length());
        int space = rest.indexOf(' ');
        classes.add(space < 0 ? rest : rest.substring(0, space));
      }
    }
    return classes;
  }
}
