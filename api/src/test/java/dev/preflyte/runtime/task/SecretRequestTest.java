package dev.preflyte.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflyte.idl.core.Secret;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretRequestTest {

  @Test
  void ofMountsHoweverFlytePrefers() {
    SecretRequest request = SecretRequest.of("db", "password");
    assertEquals(new SecretRequest("db", "password", "", Secret.MountType.ANY), request);
    // ANY is the zero value: nothing but group and key on the wire.
    assertEquals(Secret.newBuilder().setGroup("db").setKey("password").build(), request.toProto());
    assertEquals("0a 02 64 62 1a 08 70 61 73 73 77 6f 72 64",
        HexFormat.ofDelimiter(" ").formatHex(request.toProto().toByteArray()));
  }

  @Test
  void versionAndMountGoIntoTheProto() {
    Secret secret = new SecretRequest("api", "token", "v2", Secret.MountType.ENV_VAR).toProto();
    assertEquals("api", secret.getGroup());
    assertEquals("v2", secret.getGroupVersion());
    assertEquals("token", secret.getKey());
    assertEquals(Secret.MountType.ENV_VAR, secret.getMountRequirement());
  }

  @Test
  void blankGroupOrKeyIsRejectedByName() {
    assertEquals("secret group is blank: give the group the secret is stored under",
        assertThrows(IllegalArgumentException.class, () -> SecretRequest.of(" ", "k")).getMessage());
    assertEquals("secret key is blank: give the key of the secret within group 'g'",
        assertThrows(IllegalArgumentException.class, () -> SecretRequest.of("g", "")).getMessage());
  }

  @Test
  void missingPartsAreRejected() {
    assertThrows(NullPointerException.class, () -> SecretRequest.of(null, "k"));
    assertThrows(NullPointerException.class, () -> SecretRequest.of("g", null));
    assertThrows(NullPointerException.class, () -> new SecretRequest("g", "k", null, Secret.MountType.ANY));
    assertThrows(NullPointerException.class, () -> new SecretRequest("g", "k", "", null));
  }

  @Test
  void unrecognizedMountIsRejectedUpFront() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new SecretRequest("g", "k", "", Secret.MountType.UNRECOGNIZED));
    assertEquals("secret mount UNRECOGNIZED is not a mount type: use ANY, ENV_VAR or FILE", error.getMessage());
  }
}
