package dev.preflyte.runtime.storage.s3;

import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.storage.Storages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Run in a fresh JVM, logging everything, by {@link S3SecretLeakTest}: exercises S3 storage
 * through {@link Storages#standard()} with the process environment, successes and failures alike,
 * printing every failure with its stack trace. {@code args}: a bucket, a scratch directory, a wrong
 * secret key, a port nobody listens on.
 */
public final class S3LeakProbeProgram {

  private S3LeakProbeProgram() {}

  public static void main(String[] args) throws Exception {
    String bucket = args[0];
    Path scratch = Path.of(args[1]);
    String wrongSecret = args[2];
    String closedPort = args[3];
    String base = "s3://" + bucket + "/probe/";
    try (Storages storages = Storages.standard()) {
      storages.writeAtomically(base + "a.txt", "a".getBytes(StandardCharsets.UTF_8));
      storages.read(base + "a.txt");
      storages.exists(base + "a.txt");
      storages.exists(base + "missing");
      Files.writeString(scratch.resolve("up.txt"), "up");
      storages.upload(scratch.resolve("up.txt"), base + "dir/up.txt");
      storages.downloadDirectory(base, scratch.resolve("down"));
      storages.list(base);
      report(() -> storages.read(base + "missing"));
      report(() -> storages.read("s3://no-such-bucket-probe/k"));
    }

    Map<String, String> wrong = new HashMap<>(System.getenv());
    wrong.put("FLYTE_AWS_SECRET_ACCESS_KEY", wrongSecret);
    try (S3Storage denied = S3Storage.fromEnvironment(wrong)) {
      report(() -> denied.read(base + "a.txt"));
      report(() -> denied.writeAtomically(base + "b.txt", new byte[] {1}));
      report(() -> denied.list(base));
    }

    Map<String, String> unreachable = new HashMap<>(System.getenv());
    unreachable.put("FLYTE_AWS_ENDPOINT", "http://127.0.0.1:" + closedPort);
    S3Settings settings = S3Settings.fromEnvironment(unreachable)
        .withRetries(2, Duration.ofSeconds(2), Duration.ofSeconds(2));
    try (S3Storage nowhere = S3Storage.create(settings)) {
      report(() -> nowhere.read(base + "a.txt"));
    }
    System.out.println("done");
  }

  private static void report(Runnable failing) {
    try {
      failing.run();
      System.out.println("UNEXPECTED SUCCESS");
    } catch (StorageException e) {
      e.printStackTrace(System.out);
    }
  }
}
