package dev.preflyte.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.conventions.DeclaredTaskIndex;
import dev.preflyte.runtime.registry.declared.Declarations;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared tasks read from the index alone: names, several class-path entries, broken declarations. */
class DeclaredTasksTest {

  private static final String ALPHA = Declarations.Alpha.class.getName();
  private static final String BETA = Declarations.Beta.class.getName();
  private static final String ALPHA_CANONICAL = Declarations.Alpha.class.getCanonicalName();

  @TempDir Path dir;

  /** A class folder holding only the index of {@code declaringClass}, with {@code lines}. */
  private Path folder(String name, String declaringClass, String... lines) throws IOException {
    Path folder = dir.resolve(name);
    Path index = folder.resolve(DeclaredTaskIndex.indexResource(declaringClass));
    Files.createDirectories(index.getParent());
    Files.writeString(index, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return folder;
  }

  /** A jar without directory entries holding only the index of {@code declaringClass}. */
  private Path jar(String name, String declaringClass, String... lines) throws IOException {
    Path jar = dir.resolve(name + ".jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
      entries.putNextEntry(new JarEntry(DeclaredTaskIndex.indexResource(declaringClass)));
      entries.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      entries.closeEntry();
    }
    return jar;
  }

  private static List<DeclaredTask> load(Path... entries) throws IOException {
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      urls[i] = entries[i].toUri().toURL();
    }
    try (URLClassLoader loader = new URLClassLoader(urls, DeclaredTasksTest.class.getClassLoader())) {
      return DeclaredTasks.load(loader);
    }
  }

  @Test
  void namesAreExplicitElseFromSettingsElseDefault() throws IOException {
    Path classes = folder("classes", ALPHA,
        "field\tBOTH_NAMED\tfrom_annotation",
        "field\tSETTINGS_NAMED\t",
        "field\tWORDS\t",
        "method\tnightly\tnightly_words");
    List<DeclaredTask> tasks = load(classes);
    assertEquals(List.of(ALPHA_CANONICAL + ".WORDS", "from_annotation", "from_settings", "nightly_words"),
        tasks.stream().map(DeclaredTask::name).toList());
    assertEquals(List.of(ALPHA_CANONICAL + ".WORDS", ALPHA_CANONICAL + ".BOTH_NAMED",
        ALPHA_CANONICAL + ".SETTINGS_NAMED", ALPHA_CANONICAL + ".nightly()"),
        tasks.stream().map(DeclaredTask::declaration).toList());
    assertSame(Declarations.Alpha.WORDS, tasks.get(0).task());
    assertEquals(java.util.Map.of("c", "nightly"), tasks.get(3).task().config());
    // The registered template carries the declared name, whatever the task instance calls itself.
    assertEquals("from_annotation", tasks.get(1).toTaskTemplate(RegistrationSettings.local()).getId().getName());
    assertEquals(ALPHA_CANONICAL + ".WORDS",
        tasks.get(0).toTaskTemplate(RegistrationSettings.local()).getId().getName());
  }

  @Test
  void readsIndexesFromFoldersAndJarsWithoutDirectoryEntriesAndLoadsNothingUndeclared() throws IOException {
    int callsBefore = Declarations.Alpha.calls;
    List<DeclaredTask> tasks = load(folder("a", ALPHA, "method\tnightly\t"), jar("b", BETA, "field\tWORDS_AGAIN\t"));
    assertEquals(List.of(ALPHA_CANONICAL + ".nightly", Declarations.Beta.class.getCanonicalName() + ".WORDS_AGAIN"),
        tasks.stream().map(DeclaredTask::name).toList());
    assertEquals(callsBefore + 1, Declarations.Alpha.calls, "the method is called once per load");
    assertFalse(Declarations.undeclaredInitialized, "a class no index names is never initialized");
  }

  @Test
  void noIndexMeansNoTasks() throws IOException {
    assertEquals(List.of(), load(Files.createDirectories(dir.resolve("empty"))));
  }

  @Test
  void oneNameInTwoClassFoldersNamesBothDeclarations() throws IOException {
    Path a = folder("a", ALPHA, "field\tWORDS\tshared");
    Path b = folder("b", BETA, "field\tWORDS_AGAIN\tshared");
    DeclaredTaskException e = assertThrows(DeclaredTaskException.class, () -> load(a, b));
    assertEquals("two declared tasks are named \"shared\": " + ALPHA_CANONICAL + ".WORDS and "
        + Declarations.Beta.class.getCanonicalName() + ".WORDS_AGAIN; give one of them another name with"
        + " @DeclaredTask(name = \"...\")", e.getMessage());
  }

  @Test
  void aSettingsNameThatCollidesWithADefaultNameIsADuplicateToo() throws IOException {
    Path a = folder("a", ALPHA, "field\tWORDS\tfrom_settings", "field\tSETTINGS_NAMED\t");
    DeclaredTaskException e = assertThrows(DeclaredTaskException.class, () -> load(a));
    assertTrue(e.getMessage().startsWith("two declared tasks are named \"from_settings\": "), e.getMessage());
  }

  @Test
  void brokenDeclarationsAreNamed() throws IOException {
    assertError("the declared task com.acme.Gone.TASK cannot be loaded: class com.acme.Gone is not on the class"
        + " path", folder("gone", "com.acme.Gone", "field\tTASK\t"));
    assertError("the declared task " + ALPHA_CANONICAL + ".MISSING does not exist in " + ALPHA,
        folder("missing", ALPHA, "field\tMISSING\t"));
    assertError("the declared task " + ALPHA_CANONICAL + ".NOT_A_TASK holds a java.lang.String, not a",
        folder("string", ALPHA, "field\tNOT_A_TASK\t"));
    assertError("the declared task " + ALPHA_CANONICAL + ".NULL_TASK is null",
        folder("null", ALPHA, "field\tNULL_TASK\t"));
    assertError("the declared task " + ALPHA_CANONICAL + ".failing() failed when called:"
        + " java.lang.IllegalStateException: no configuration today", folder("failing", ALPHA, "method\tfailing\t"));
    assertError("the declared task " + Declarations.Broken.class.getCanonicalName() + ".TASK cannot be loaded:"
        + " class " + Declarations.Broken.class.getName() + " failed to load: java.lang.IllegalArgumentException:"
        + " bad settings", folder("broken", Declarations.Broken.class.getName(), "field\tTASK\t"));
    assertError("the declared task " + ALPHA_CANONICAL + ".WORDS has the name \"bad name\", which is not valid"
        + " for Flyte (it contains ' ')", folder("badname", ALPHA, "field\tWORDS\tbad name"));
    assertError("the declared-task index ", folder("damaged", ALPHA, "constant\tWORDS\t"));
  }

  private void assertError(String prefix, Path entry) {
    DeclaredTaskException e = assertThrows(DeclaredTaskException.class, () -> load(entry));
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }
}
