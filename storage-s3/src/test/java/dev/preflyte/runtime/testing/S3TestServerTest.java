package dev.preflyte.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3TestServerTest {

  private final S3TestServer server = S3TestServer.shared();

  @Test
  void listensOnLoopbackAndIsSharedPerJvm() {
    assertSame(server, S3TestServer.shared());
    assertEquals("127.0.0.1", server.endpoint().getHost());
    assertTrue(server.endpoint().getPort() > 0);
    System.out.println("S3 test server " + server.endpoint() + " started in " + server.startupTime().toMillis() + " ms");
  }

  @Test
  void environmentIsWhatFlyteWouldSet() {
    assertEquals(Map.of(
        "FLYTE_AWS_ENDPOINT", server.endpoint().toString(),
        "FLYTE_AWS_ACCESS_KEY_ID", server.accessKeyId(),
        "FLYTE_AWS_SECRET_ACCESS_KEY", server.secretAccessKey(),
        "AWS_REGION", "us-east-1"), server.environment());
  }

  @Test
  void bucketsAreFreshAndUsable() {
    String first = server.newBucket();
    String second = server.newBucket();
    assertNotEquals(first, second);
    server.client().putObject(put -> put.bucket(first).key("k"),
        software.amazon.awssdk.core.sync.RequestBody.fromString("v"));
    assertEquals(0, server.client().listObjectsV2(list -> list.bucket(second)).keyCount());
  }

  @Test
  void requestsWithoutTheKeyPairAreRefused() {
    try (S3Client anonymous = S3Client.builder()
        .endpointOverride(server.endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .build()) {
      S3Exception e = assertThrows(S3Exception.class, () -> anonymous.listBuckets());
      assertEquals(403, e.statusCode());
    }
  }
}
