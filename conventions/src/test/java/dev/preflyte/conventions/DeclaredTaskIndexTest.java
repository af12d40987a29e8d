package dev.preflyte.conventions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeclaredTaskIndexTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "_x", "com.acme.Tasks.WORDS", "my_module.my-task", "T1.v2"})
  void validNames(String name) {
    assertNull(DeclaredTaskIndex.nameProblem(name));
  }

  @ParameterizedTest
  @CsvSource({
    "'', it is empty",
    "1abc, it does not start with a letter or '_'",
    ".a, it does not start with a letter or '_'",
    "a b, it contains ' '",
    "com.acme.Outer$Inner.X, it contains '$'",
    "a..b, it has an empty part between dots",
    "a., it has an empty part between dots",
  })
  void invalidNames(String name, String problem) {
    assertEquals(problem, DeclaredTaskIndex.nameProblem(name));
  }

  @Test
  void tooLong() {
    assertNull(DeclaredTaskIndex.nameProblem("a".repeat(255)));
    assertEquals("it is longer than 255 characters", DeclaredTaskIndex.nameProblem("a".repeat(256)));
  }

  @Test
  void nameRule() {
    assertEquals("explicit", DeclaredTaskIndex.taskName("explicit", "settings", "com.acme.T", "X"));
    assertEquals("settings", DeclaredTaskIndex.taskName("", "settings", "com.acme.T", "X"));
    assertEquals("com.acme.T.X", DeclaredTaskIndex.taskName("", null, "com.acme.T", "X"));
  }

  @Test
  void linesRoundTrip() {
    DeclaredTaskIndex.Entry field = new DeclaredTaskIndex.Entry(DeclaredTaskIndex.Kind.FIELD, "WORDS", "");
    assertEquals("field\tWORDS\t", field.line());
    assertEquals(field, DeclaredTaskIndex.Entry.parse(field.line()));
    DeclaredTaskIndex.Entry method = DeclaredTaskIndex.Entry.parse("method\tnightly\tnightly_words");
    assertEquals(DeclaredTaskIndex.Kind.METHOD, method.kind());
    assertEquals("com.acme.T.nightly()", method.declaration("com.acme.T"));
    assertEquals("META-INF/preflyte/tasks/com.acme.Outer$T", DeclaredTaskIndex.indexResource("com.acme.Outer$T"));
    assertThrows(IllegalArgumentException.class, () -> DeclaredTaskIndex.Entry.parse("field\tX"));
    assertThrows(IllegalArgumentException.class, () -> DeclaredTaskIndex.Entry.parse("other\tX\t"));
  }
}
