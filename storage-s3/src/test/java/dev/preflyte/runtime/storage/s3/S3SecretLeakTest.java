package dev.preflyte.runtime.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.testing.S3TestServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Neither the secret key nor a wrong one ever shows in a message, a stack trace or a log line, even
 * with every logger (the runtime's and the AWS SDK's) at TRACE. Runs {@link S3LeakProbeProgram} in
 * a fresh JVM so the logging configuration is its own.
 */
class S3SecretLeakTest {

  @TempDir Path temp;

  @Test
  void noSecretInAnyOutput() throws Exception {
    S3TestServer server = S3TestServer.shared();
    String wrongSecret = "WrongProbeSecret" + System.nanoTime();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
        "-cp", System.getProperty("java.class.path"),
        S3LeakProbeProgram.class.getName(),
        server.newBucket(), temp.toString(), wrongSecret, String.valueOf(closedPort)))
        .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("FLYTE_AWS_") || name.startsWith("AWS_"));
    builder.environment().putAll(server.environment());
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);

    assertTrue(output.lines().anyMatch("done"::equals), output);
    assertFalse(output.contains("UNEXPECTED SUCCESS"), output);
    // The output is worth searching: SDK logging was on, and every failure was printed.
    assertTrue(Pattern.compile("(DEBUG|TRACE) software\\.amazon\\.awssdk").matcher(output).find(), output);
    assertTrue(output.contains("DEBUG dev.preflyte.runtime.storage.s3.S3Storage - S3 storage: "), output);
    assertEquals(3, output.lines()
        .filter(line -> line.startsWith("dev.preflyte.runtime.storage.StorageException: cannot "))
        .filter(line -> line.contains(": access denied"))
        .count(), output);
    assertTrue(output.contains("a.txt: no such key") || output.contains("missing: no such key"), output);
    assertTrue(output.contains(": no such bucket"), output);
    assertTrue(output.contains(": cannot connect to endpoint http://127.0.0.1:" + closedPort), output);

    assertFalse(output.contains(server.secretAccessKey()), "the secret key leaked");
    assertFalse(output.contains(wrongSecret), "the wrong secret key leaked");
  }
}
