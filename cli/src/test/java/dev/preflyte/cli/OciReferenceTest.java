package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Image references as the OCI distribution spec spells them. */
class OciReferenceTest {

  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  @Test
  void referencesAreSplitIntoRepositoryTagAndDigest() {
    assertEquals(new OciReference("eclipse-temurin", Optional.of("25-jre"), Optional.empty()),
        OciReference.parse("eclipse-temurin:25-jre", "--base"));
    OciReference pinned = OciReference.parse("registry.example:5000/acme/tasks:1.0@" + DIGEST, "--base");
    assertEquals("registry.example:5000/acme/tasks", pinned.repository());
    assertEquals(Optional.of("1.0"), pinned.tag());
    assertTrue(pinned.pinned());
    assertEquals("tasks", pinned.shortName());
    assertEquals("registry.example:5000/acme/tasks:1.0@" + DIGEST, pinned.toString());
    assertFalse(OciReference.parse("localhost/a_b__c-d", "x").pinned());
    assertEquals("ghcr.io/acme/sql@" + DIGEST, OciReference.parse("ghcr.io/acme/sql@" + DIGEST, "x").toString());
  }

  @Test
  void whatIsNoReferenceIsRefusedNamingTheOptionAndTheValue() {
    for (String bad : new String[] {"Eclipse-Temurin:25", "temurin::25", "a/-b", "temurin:25 jre", "http://ghcr.io/a",
        "temurin@sha256:abc", "temurin:" + "x".repeat(129), "a//b"}) {
      CliException error = assertThrows(CliException.class, () -> OciReference.parse(bad, "--base"), bad);
      assertTrue(error.getMessage().startsWith("--base \"" + bad + "\" "), error.getMessage());
      assertEquals(1, error.getMessage().lines().count());
    }
    CliException digest = assertThrows(CliException.class,
        () -> OciReference.parse("temurin@sha256:" + "g".repeat(64), "--base"));
    assertTrue(digest.getMessage().contains("digest"), digest.getMessage());
    assertTrue(assertThrows(CliException.class, () -> OciReference.parse(" ", "--base")).getMessage()
        .startsWith("--base is empty"));
  }
}
