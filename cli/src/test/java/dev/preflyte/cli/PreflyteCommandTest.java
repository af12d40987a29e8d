package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.MessageLite;
import dev.preflyte.idl.TarArchive;
import dev.preflyte.idl.UnknownFields;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.PreflyteVersion;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.samples.typed.SampleTasks;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands run in-process against the samples' declared tasks: exit codes and output. */
class PreflyteCommandTest {

  private static final String ENGLISH = "dev.preflyte.samples.typed.SampleTasks.ENGLISH_WORDS";
  private static final String CASE_SENSITIVE = "samples.case_sensitive_words";
  private static final String CSV = "samples.csv_stats";
  private static final String TSV = "samples.tsv_stats";

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Preflyte.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void tasksListsDeclaredTasksThenExecutors() {
    Run run = run("tasks");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("task\t" + ENGLISH + "\tword-stats\tghcr.io/preflyte/samples:0.1.0\tdev.preflyte.samples.typed.WordStats",
        lines.get(0));
    assertEquals("task\t" + CASE_SENSITIVE + "\tword-stats\tghcr.io/preflyte/samples:0.1.0"
        + "\tdev.preflyte.samples.typed.WordStats", lines.get(1));
    assertTrue(lines.contains("executor\tdev.preflyte.samples.typed.WordStats"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void describePrintsTheTemplateAsProtobufJson() throws Exception {
    Run run = run("describe", CASE_SENSITIVE, "--project", "flytesnacks", "--domain", "development", "--version", "v1");
    assertEquals(0, run.exit(), run.err());
    TaskTemplate parsed = ModelJson.parse(run.out(), TaskTemplate.getDefaultInstance());
    assertEquals(dev.preflyte.runtime.registry.DeclaredTasks.load(getClass().getClassLoader()).get(1)
        .toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "v1")), parsed);
    assertEquals(CASE_SENSITIVE, parsed.getId().getName());

    Run placeholders = run("describe", ENGLISH);
    assertEquals(0, placeholders.exit(), placeholders.err());
    assertTrue(placeholders.out().contains("\"project\": \"{{ registration.project }}\""), placeholders.out());
  }

  @Test
  void unknownTaskNameSuggestsTheNearest() {
    Run run = run("describe", "samples.case_sensitive_word");
    assertEquals(1, run.exit());
    assertEquals("preflyte: no declared task named \"samples.case_sensitive_word\"; did you mean \""
        + CASE_SENSITIVE + "\"? ('preflyte tasks' lists them)\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void versionAndHelpOnEveryCommand() {
    String version = "preflyte " + PreflyteVersion.get() + "\n";
    for (String[] args : List.of(new String[] {"--version"}, new String[] {"tasks", "--version"},
        new String[] {"show", "--version"}, new String[] {"describe", "--version"},
        new String[] {"package", "--version"})) {
      Run run = run(args);
      assertEquals(0, run.exit(), String.join(" ", args) + ": " + run.err());
      assertEquals(version, run.out(), String.join(" ", args));
    }
    for (String command : List.of("tasks", "describe", "show", "package")) {
      Run run = run(command, "--help");
      assertEquals(0, run.exit(), command);
      assertTrue(run.out().startsWith("Usage: preflyte " + command), run.out());
    }
    Run top = run("--help");
    assertEquals(0, top.exit());
    assertTrue(top.out().contains("package"), top.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "frobnicate", "tasks --bogus", "show", "describe", "package", "show x --as nothing"})
  void usageErrorsExitWithTwo(String args) {
    Run run = run(args.isEmpty() ? new String[0] : args.split(" "));
    assertEquals(2, run.exit(), run.err());
    assertFalse(run.err().isEmpty());
  }

  @Test
  void unreadableClassPathEntryIsOneLine() {
    Path missing = dir.resolve("missing.jar");
    Run run = run("tasks", "--classpath", missing.toString());
    assertEquals(1, run.exit());
    assertEquals("preflyte: class-path entry " + missing + " cannot be read: it does not exist\n", run.err());
  }

  @Test
  void classPathOptionAddsTaskFolders() throws IOException {
    // An extra class folder with an index naming a class the samples hold: its task appears.
    Path folder = dir.resolve("classes");
    Path index = folder.resolve("META-INF/preflyte/tasks/" + Extra.class.getName());
    Files.createDirectories(index.getParent());
    Files.writeString(index, "field\tWORDS\textra_words\n");
    Run run = run("tasks", "--classpath", folder.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("task\textra_words\tword-stats"), run.out());
  }

  /** Declares a task only through the index a test writes. */
  public static final class Extra {
    public static final dev.preflyte.samples.typed.WordStatsTask WORDS = SampleTasks.ENGLISH_WORDS;
  }

  @Test
  void showDetectsEachKindAndPrintsJson() throws IOException {
    TaskTemplate template = SampleTasks.ENGLISH_WORDS.toTaskTemplate(RegistrationSettings.local());
    LiteralMap literals = LiteralMap.newBuilder().putLiterals("text", Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setStringValue("a b c"))).build()).build();
    ErrorDocument error = ErrorDocument.newBuilder().setError(ContainerError.newBuilder()
        .setCode("USER:Boom").setMessage("it broke").setKind(ContainerError.Kind.NON_RECOVERABLE)).build();
    Map<String, MessageLite> files = Map.of(
        "template.pb", template,
        "spec.pb", TaskSpec.newBuilder().setTemplate(template).build(),
        "inputs.pb", literals,
        "error.pb", error,
        "literals-without-flyte-name.pb", literals,
        "error-without-flyte-name.pb", error);
    for (Map.Entry<String, MessageLite> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.write(path, file.getValue().toByteArray());
      Run run = run("show", path.toString());
      assertEquals(0, run.exit(), run.err());
      assertEquals(file.getValue(), ModelJson.parse(run.out(), file.getValue()), file.getKey());
    }
    Run forced = run("show", dir.resolve("inputs.pb").toString(), "--as", "literals");
    assertEquals(0, forced.exit(), forced.err());
    assertTrue(forced.out().contains("\"stringValue\": \"a b c\""), forced.out());

    Run wrong = run("show", dir.resolve("error.pb").toString(), "--as", "template");
    assertEquals(1, wrong.exit());
    assertTrue(wrong.err().startsWith("preflyte: "), wrong.err());

    Run missing = run("show", dir.resolve("nope.pb").toString());
    assertEquals(1, missing.exit());
    assertEquals("preflyte: cannot read " + dir.resolve("nope.pb") + ": it does not exist\n", missing.err());
  }

  @Test
  void packageWritesOneTaskSpecPerTaskWithPlaceholdersAndTheSameBytesTwice() throws IOException {
    Path first = dir.resolve("first.tgz");
    Path second = dir.resolve("second.tgz");
    Run run = run("package", "--output", first.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("wrote 4 tasks to " + first + "\n", run.out());
    assertEquals(0, run("package", "--output", second.toString()).exit());
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));

    Map<String, byte[]> entries;
    try (InputStream in = Files.newInputStream(first)) {
      entries = TarArchive.readTarGz(in);
    }
    assertEquals(List.of("0_" + ENGLISH + "_1.pb", "1_" + CASE_SENSITIVE + "_1.pb", "2_" + CSV + "_1.pb",
        "3_" + TSV + "_1.pb"), List.copyOf(entries.keySet()));
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      TaskSpec spec = TaskSpec.parseFrom(entry.getValue());
      assertEquals(List.of(), UnknownFields.find(spec), entry.getKey());
      assertEquals("{{ registration.project }}", spec.getTemplate().getId().getProject());
      assertEquals("{{ registration.domain }}", spec.getTemplate().getId().getDomain());
      assertEquals("{{ registration.version }}", spec.getTemplate().getId().getVersion());
      assertTrue(entry.getKey().contains(spec.getTemplate().getId().getName()), entry.getKey());
    }
    assertEquals("word-stats", TaskSpec.parseFrom(entries.get("1_" + CASE_SENSITIVE + "_1.pb")).getTemplate().getType());
    try (var files = Files.list(dir)) {
      assertEquals(List.of("first.tgz", "second.tgz"), files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary file is left behind");
    }

    Path versioned = dir.resolve("v1.tgz");
    assertEquals(0, run("package", "-o", versioned.toString(), "--project", "flytesnacks", "--domain",
        "development", "--version", "v1").exit());
    try (InputStream in = Files.newInputStream(versioned)) {
      TaskSpec spec = TaskSpec.parseFrom(TarArchive.readTarGz(in).values().iterator().next());
      assertEquals("flytesnacks", spec.getTemplate().getId().getProject());
      assertEquals("v1", spec.getTemplate().getId().getVersion());
    }
  }

  @Test
  void showReadsEveryTaskSpecOfAPackageArchive() throws IOException {
    Path archive = dir.resolve("tasks.tgz");
    assertEquals(0, run("package", "-o", archive.toString()).exit());
    Run run = run("show", archive.toString());
    assertEquals(0, run.exit(), run.err());
    List<String> headings = run.out().lines().filter(line -> line.startsWith("# ")).toList();
    assertEquals(List.of("# 0_" + ENGLISH + "_1.pb", "# 1_" + CASE_SENSITIVE + "_1.pb", "# 2_" + CSV + "_1.pb",
        "# 3_" + TSV + "_1.pb"), headings);
    assertTrue(run.out().contains("\"name\": \"" + CASE_SENSITIVE + "\""), run.out());
  }

  @Test
  void showReadsFlytekitsOwnArchiveAndSkipsWhatIsNotATask() {
    Path fixture = dev.preflyte.idl.FlyteFixtures.file("packages/flyte-package.tgz");
    Run run = run("show", fixture.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("# 0_myapp.workflows.example.say_hello_1.pb\n"), run.out());
    assertTrue(run.out().contains("\"name\": \"myapp.workflows.example.say_hello\""), run.out());
    assertTrue(run.out().contains(".tar.gz: skipped, not a .pb file"), run.out());
  }

  @Test
  void packageToADirectoryOrAMissingFolderIsOneLineAndWritesNothing() throws IOException {
    Run directory = run("package", "--output", dir.toString());
    assertEquals(1, directory.exit());
    assertTrue(directory.err().startsWith("preflyte: --output " + dir + " is a directory"), directory.err());
    assertEquals(1, directory.err().lines().count());

    Path nowhere = dir.resolve("no/such/folder/tasks.tgz");
    Run missing = run("package", "--output", nowhere.toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().startsWith("preflyte: --output " + nowhere + " cannot be written"), missing.err());
    assertEquals("preflyte: --output " + nowhere + " cannot be written: " + nowhere.getParent() + " does not exist\n",
        missing.err());

    Path file = Files.writeString(dir.resolve("plain.txt"), "x");
    Path underAFile = file.resolve("tasks.tgz");
    Run unwritable = run("package", "--output", underAFile.toString());
    assertEquals(1, unwritable.exit());
    assertEquals("preflyte: --output " + underAFile + " cannot be written: " + file + " is not a folder\n",
        unwritable.err());
    try (var files = Files.list(dir)) {
      assertEquals(List.of("plain.txt"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void longEntryNamesUsePaxHeaders() throws IOException {
    String name = "0_" + "a".repeat(150) + "_1.pb";
    byte[] archive = TarGz.bytes(new java.util.LinkedHashMap<>(Map.of(name, new byte[] {1, 2, 3})));
    Map<String, byte[]> read = TarArchive.readTarGz(new java.io.ByteArrayInputStream(archive));
    assertEquals(List.of(name), List.copyOf(read.keySet()));
    assertArrayEquals(new byte[] {1, 2, 3}, read.get(name));
  }
}
