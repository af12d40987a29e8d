package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshNamesTest {

  @TempDir Path dir;

  @Test
  void namesAreSixteenHexDigitsAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String name = FreshNames.next();
      assertTrue(name.matches("[0-9a-f]{16}"), name);
      assertTrue(seen.add(name), "repeated " + name);
    }
  }

  @Test
  void aDirectoryIsNewEmptyAndOnlyItsOwnersToEnter() throws IOException {
    Path first = FreshNames.createDirectory(dir, "preflyte-work-");
    Path second = FreshNames.createDirectory(dir, "preflyte-work-");

    assertTrue(first.getFileName().toString().matches("preflyte-work-[0-9a-f]{16}"), first.toString());
    assertTrue(!first.equals(second) && Files.isDirectory(first) && Files.isDirectory(second));
    try (var entries = Files.list(first)) {
      assertEquals(0, entries.count());
    }
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first)));
  }

  @Test
  void aFileIsNewAndEmptyWithTheGivenPrefixAndSuffix() throws IOException {
    Path file = FreshNames.createFile(dir, ".outputs.pb.", ".partial");

    assertTrue(file.getFileName().toString().matches("\\.outputs\\.pb\\.[0-9a-f]{16}\\.partial"), file.toString());
    assertEquals(0, Files.size(file));
    assertEquals(dir, file.getParent());
  }

  @Test
  void aMissingParentFailsNamingNoOtherPlace() {
    Path missing = dir.resolve("missing");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> FreshNames.createDirectory(missing, "x-"));
    assertTrue(e.getFile().startsWith(missing.toString()), e.getFile());
  }
}
