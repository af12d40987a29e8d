package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageEnvironmentTest {

  private static URI endpoint(String value) {
    return StorageEnvironment.httpEndpoint(Map.of("ENDPOINT", value), "ENDPOINT", "http://minio:9000",
        uri -> uri.getRawUserInfo() != null, "must not hold credentials: give the host only");
  }

  @Test
  void aBlankValueCountsAsUnset() {
    Map<String, String> environment = Map.of("SET", " v ", "BLANK", " \t");
    assertEquals(" v ", StorageEnvironment.nonBlank(environment, "SET"));
    assertNull(StorageEnvironment.nonBlank(environment, "BLANK"));
    assertNull(StorageEnvironment.nonBlank(environment, "UNSET"));
    assertNull(endpoint("  "));
  }

  @Test
  void anEndpointIsAnHttpUrlWithAHost() {
    assertEquals(URI.create("http://127.0.0.1:9000"), endpoint(" http://127.0.0.1:9000 "));
    assertEquals(URI.create("https://s3.example.com/base"), endpoint("https://s3.example.com/base"));
    for (String wrong : new String[] {"ftp://host", "minio:9000", "http:///path"}) {
      StorageException e = assertThrows(StorageException.class, () -> endpoint(wrong));
      assertEquals("ENDPOINT '" + wrong + "' is not an http(s) URL with a host: use e.g. http://minio:9000",
          e.getMessage());
    }
  }

  @Test
  void aValueThatMayHoldAPasswordIsNeverEchoed() {
    StorageException secrets = assertThrows(StorageException.class, () -> endpoint("ftp://user:Pa55word@host"));
    assertEquals("ENDPOINT must not hold credentials: give the host only", secrets.getMessage());
    StorageException malformed = assertThrows(StorageException.class, () -> endpoint("http://user:Pa55 word@host"));
    assertEquals("ENDPOINT is not a URL: use e.g. http://minio:9000", malformed.getMessage());
    assertFalse(malformed.getMessage().contains("Pa55"));
  }
}
