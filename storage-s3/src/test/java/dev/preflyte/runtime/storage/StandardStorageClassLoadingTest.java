package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.testing.FaultProxy;
import dev.preflyte.runtime.testing.S3TestServer;
import dev.preflyte.runtime.testing.StsStandIn;
import dev.preflyte.runtime.testing.StandardStorageJvm;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves in a fresh JVM, from its class-load log, that {@link Storages#standard()} loads neither
 * the AWS SDK nor the S3 backend until an {@code s3://} URI is used, and the SDK's STS module only
 * when a web identity (IRSA) is configured; and that with one, the temporary credentials STS hands
 * out are the ones that sign the S3 requests.
 */
class StandardStorageClassLoadingTest {

  /** Runs without the backend's variables, which the machine running the tests may have set. */
  private static final StandardStorageJvm JVM = new StandardStorageJvm(List.of("FLYTE_AWS_", "AWS_"));

  private static final List<String> AWS_PACKAGES = List.of("software.amazon.awssdk.", "dev.preflyte.runtime.storage.s3.");
  private static final String STS = "software.amazon.awssdk.services.sts.";

  @TempDir Path temp;

  @Test
  void localFilesLoadNoAwsClass() throws Exception {
    JVM.assertLocalFilesLoadNoClassOf(temp, AWS_PACKAGES);
  }

  @Test
  void anS3UriLoadsTheSdk() throws Exception {
    S3TestServer server = S3TestServer.shared();
    String uri = "s3://" + server.newBucket() + "/from-child";
    List<String> loaded = JVM.loadedClasses(server.environment(), temp.toString(), uri);

    assertTrue(loaded.contains("dev.preflyte.runtime.storage.s3.S3Storage"));
    assertTrue(loaded.contains("software.amazon.awssdk.services.s3.S3Client"));
    assertEquals(List.of(), loaded.stream().filter(name -> name.startsWith(STS)).toList(),
        "static keys need no STS");
    assertEquals("local", new String(server.client().getObjectAsBytes(
        get -> get.bucket(uri.substring(5, uri.indexOf('/', 5))).key("from-child")).asByteArray(),
        StandardCharsets.UTF_8));
  }

  @Test
  void aWebIdentitySignsS3RequestsWithTheCredentialsStsGives() throws Exception {
    S3TestServer server = S3TestServer.shared();
    String bucket = server.newBucket();
    String sessionToken = "IrsaSessionToken" + System.nanoTime();
    Path token = Files.writeString(temp.resolve("token"), "eyJ.projected-service-account-token." + System.nanoTime());
    String role = "arn:aws:iam::123456789012:role/flyte-task";
    // S3 accepts only its own key pair, so a request it accepts was signed with what STS handed out.
    try (StsStandIn sts = StsStandIn.start(
            new StsStandIn.Credentials(server.accessKeyId(), server.secretAccessKey(), sessionToken));
        FaultProxy recorder = FaultProxy.start(server.endpoint())) {
      Map<String, String> environment = Map.of(
          "FLYTE_AWS_ENDPOINT", recorder.endpoint().toString(),
          "AWS_REGION", server.region(),
          "AWS_ROLE_ARN", role,
          "AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(),
          "AWS_ENDPOINT_URL_STS", sts.endpoint().toString());
      String uri = "s3://" + bucket + "/irsa/object";

      List<String> loaded = JVM.loadedClasses(environment, temp.resolve("work").toString(), uri);

      assertTrue(loaded.stream().anyMatch(name -> name.startsWith(STS)), "the STS module was used");
      assertEquals(1, sts.calls().size(), "one AssumeRoleWithWebIdentity: " + sts.calls());
      Map<String, String> call = sts.calls().get(0);
      assertEquals("AssumeRoleWithWebIdentity", call.get("Action"));
      assertEquals(role, call.get("RoleArn"));
      assertEquals(Files.readString(token), call.get("WebIdentityToken"));
      List<FaultProxy.Request> s3Requests = recorder.requests();
      assertEquals(2, s3Requests.size(), "the write and the read: " + s3Requests);
      for (FaultProxy.Request request : s3Requests) {
        assertTrue(request.header("authorization").contains("Credential=" + server.accessKeyId() + "/"),
            request.header("authorization"));
        assertEquals(sessionToken, request.header("x-amz-security-token"), "signed with the session's token");
      }
      assertEquals("local", new String(server.client().getObjectAsBytes(
          get -> get.bucket(bucket).key("irsa/object")).asByteArray(), StandardCharsets.UTF_8));
    }
  }
}
