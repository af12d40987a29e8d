package dev.preflyte.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegistrationSettingsTest {

  @Test
  void keepsWhatItIsGiven() {
    RegistrationSettings settings = new RegistrationSettings("p", "d", "v1");
    assertEquals("p", settings.project());
    assertEquals("d", settings.domain());
    assertEquals("v1", settings.version());
  }

  @Test
  void localRunSettings() {
    assertEquals(new RegistrationSettings("local", "development", "local"), RegistrationSettings.local());
  }

  @Test
  void blankPartsAreRejectedByName() {
    assertEquals("registration project is blank: give a project",
        assertThrows(IllegalArgumentException.class, () -> new RegistrationSettings(" ", "d", "v")).getMessage());
    assertEquals("registration domain is blank: give a domain",
        assertThrows(IllegalArgumentException.class, () -> new RegistrationSettings("p", "", "v")).getMessage());
    assertEquals("registration version is blank: give a version",
        assertThrows(IllegalArgumentException.class, () -> new RegistrationSettings("p", "d", "\t")).getMessage());
  }

  @Test
  void missingPartsAreRejectedByName() {
    assertEquals("registration project is missing: give a project",
        assertThrows(IllegalArgumentException.class, () -> new RegistrationSettings(null, "d", "v")).getMessage());
    assertEquals("registration version is missing: give a version",
        assertThrows(IllegalArgumentException.class, () -> new RegistrationSettings("p", "d", null)).getMessage());
  }
}
