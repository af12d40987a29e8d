package dev.preflyte.runtime.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.storage.UnusableUriException;
import dev.preflyte.runtime.storage.Storages;
import dev.preflyte.runtime.testing.FaultProxy;
import dev.preflyte.runtime.testing.FaultProxy.Fault;
import dev.preflyte.runtime.testing.S3TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's bad input on s3://, through {@link Storages#standard}: each ends in a {@link
 * StorageException} whose first line names the URI and what to fix, with no credential in it.
 */
class S3StorageBadInputTest {

  @TempDir Path temp;
  private final S3TestServer server = S3TestServer.shared();

  private static String firstLine(Throwable e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }

  @Test
  void anUnknownSchemeNamesTheSupportedOnes() {
    try (Storages storages = Storages.standard(server.environment())) {
      // Deterministic: the entrypoint does not retry it.
      StorageException e = assertThrows(UnusableUriException.class, () -> storages.read("hdfs://nn/data/x.pb"));
      assertTrue(firstLine(e).startsWith("no storage for 'hdfs://' URIs (in hdfs://nn/data/x.pb): supported are "),
          firstLine(e));
      assertTrue(firstLine(e).contains("s3://"), firstLine(e));
    }
  }

  @Test
  void aMalformedBucketNameIsNamed() {
    try (Storages storages = Storages.standard(server.environment())) {
      String uri = "s3://my bucket!/k.pb";
      StorageException e = assertThrows(UnusableUriException.class, () -> storages.read(uri));
      assertEquals("'" + uri + "' has an invalid bucket name 'my bucket!': bucket names are letters, digits,"
          + " '.', '-' and '_'", firstLine(e));
    }
  }

  @Test
  void missingCredentialsAreReportedAsSuchInBoundedTime() {
    // No static keys and nothing else of the AWS chain: no AWS_* variables, no web identity, no
    // profile; off EC2 the instance metadata service does not answer.
    List<String> credentialVariables = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ROLE_ARN",
        "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_PROFILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI");
    assumeTrue(credentialVariables.stream().noneMatch(name -> System.getenv(name) != null)
            && !Files.exists(Path.of(System.getProperty("user.home"), ".aws")),
        "this machine gives AWS credentials of its own");
    Map<String, String> environment = Map.of("FLYTE_AWS_ENDPOINT", server.endpoint().toString(),
        "AWS_REGION", server.region(), "PREFLYTE_STORAGE_DEADLINE", "30s");
    String uri = "s3://" + server.newBucket() + "/inputs.pb";
    try (Storages storages = Storages.standard(environment)) {
      long started = System.nanoTime();
      StorageException e = assertThrows(StorageException.class, () -> storages.read(uri));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);
      assertTrue(firstLine(e).startsWith("cannot read " + uri + ": "), firstLine(e));
      assertTrue(firstLine(e).contains("credentials"), firstLine(e));
      System.out.println("missing AWS credentials reported after " + took.toMillis() + " ms: " + firstLine(e));
    }
  }

  @Test
  void anObjectVanishingMidReadFailsNamingItAndLeavesNoFile() throws IOException {
    String bucket = server.newBucket();
    String uri = "s3://" + bucket + "/vanishing.bin";
    try (FaultProxy proxy = FaultProxy.start(server.endpoint())) {
      Map<String, String> environment = new HashMap<>(server.environment());
      environment.put("FLYTE_AWS_ENDPOINT", proxy.endpoint().toString());
      Storage storage = new S3StorageProvider().create(environment);
      storage.writeAtomically(uri, new byte[200_000]);
      // The connection breaks mid-body, and by the time the download is tried again the object is gone.
      proxy.rule(request -> {
        if (request.method().equals("GET")) {
          server.client().deleteObject(delete -> delete.bucket(bucket).key("vanishing.bin"));
          return Fault.dropMidBody();
        }
        return Fault.pass();
      });
      Path target = temp.resolve("down/vanishing.bin");
      StorageException e = assertThrows(StorageException.class, () -> storage.download(uri, target));
      assertTrue(firstLine(e).startsWith("cannot download " + uri + ": "), firstLine(e));
      assertFalse(e.toString().contains(server.secretAccessKey()));
      try (Stream<Path> left = Files.list(target.getParent())) {
        assertEquals(List.of(), left.toList(), "neither the target nor a .partial");
      }
      proxy.rule(FaultProxy.passAll());
      assertFalse(storage.exists(uri));
    }
  }
}
