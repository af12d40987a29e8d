package dev.preflyte.samples.sql.demo;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.harness.ContainerPluginHarness.Outcome;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.storage.LocalStorage;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskSettings;
import dev.preflyte.samples.sql.ContainerRuns;
import dev.preflyte.samples.sql.DuckDb;
import dev.preflyte.samples.sql.Sqlite3Query;
import dev.preflyte.samples.sql.Sqlite3QueryTask;
import dev.preflyte.samples.sql.SqlSampleTasks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The demo's middle: makes the music-store database, runs the {@code music.longest_tracks} task
 * through {@code preflyte-execute} as Flyte's container plugin would, with local storage, and prints
 * the result. {@code SqlDemo MODULE_DIR DEMO_DIR}.
 */
public final class SqlDemo {

  private static final int TRACKS = 5_000;
  private static final int SHOWN = 10;

  private SqlDemo() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SqlDemo MODULE_DIR DEMO_DIR");
      System.exit(2);
    }
    Path module = Path.of(args[0]).toAbsolutePath();
    Path demo = Path.of(args[1]).toAbsolutePath();

    section("the database");
    Path database = demo.resolve("music-store.sqlite");
    MusicStore.create(database, TRACKS);
    Path zip = zip(database, demo.resolve("music-store.sqlite.zip"));
    System.out.println("created   " + database + " (" + count(database, "artists") + " artists, "
        + count(database, "albums") + " albums, " + count(database, "tracks") + " tracks)");
    System.out.println("zipped    " + zip + " (" + Files.size(zip) + " bytes): the task's uri");

    section("the task, as registered");
    // The declared task, with its database moved from s3:// to the local zip for this run.
    Sqlite3QueryTask declared = SqlSampleTasks.LONGEST_TRACKS;
    Sqlite3QueryTask task = Sqlite3QueryTask.of(
        new Sqlite3Query(zip.toUri().toString(), declared.config().compression(), declared.config().query()),
        declared.taskInterface(), TaskSettings.builder().name("music.longest_tracks").retries(2).build());
    TaskTemplate template = task.toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "demo"));
    System.out.println("task      " + template.getId().getName() + " (type " + template.getType() + ", image "
        + template.getContainer().getImage() + ")");
    System.out.println("inputs    " + String.join(", ", template.getInterface().getInputs().getVariablesMap().keySet())
        + "; output " + String.join(", ", template.getInterface().getOutputs().getVariablesMap().keySet()));
    System.out.println("query     " + declared.config().query().strip().replace("\n", "\n          "));

    section("the container: preflyte-execute, as Flyte's container plugin starts it");
    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("genre", LiteralCodecs.string().encode("Rock", null))
        .putLiterals("limit", LiteralCodecs.int64().encode(100L, null))
        .build();
    System.out.println("inputs    genre = \"Rock\", limit = 100");
    long started = System.nanoTime();
    Outcome outcome = ContainerRuns.harness(module).run(template, inputs, demo.resolve("run"), 0);
    System.out.println("command   " + String.join(" ", outcome.command()));
    System.out.println("outcome   " + outcome.phase() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    if (outcome.phase() != Outcome.Phase.SUCCEEDED) {
      System.out.println(outcome);
      System.exit(1);
    }

    section("the result");
    String uri = outcome.outputs().getLiteralsOrThrow(Sqlite3Query.OUTPUT).getScalar().getStructuredDataset().getUri();
    Path parquet = LocalStorage.toPath(uri).resolve("00000");
    long rows = (long) DuckDb.query(parquet, "SELECT count(*) FROM $file").get(0).get(0);
    System.out.println("the first " + SHOWN + " of " + rows + " rows, read back by DuckDB:");
    printTable(DuckDb.query(parquet, "SELECT * FROM $file LIMIT " + SHOWN), DuckDb.columnTypes(parquet).keySet());
    System.out.println("parquet   " + parquet + " (" + Files.size(parquet) + " bytes)");
    System.out.println("outputs   " + demo.resolve("run/metadata/n0/0/outputs.pb"));
  }

  private static void section(String title) {
    System.out.println();
    System.out.println("== " + title);
  }

  private static Path zip(Path database, Path target) throws IOException {
    try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry(database.getFileName().toString()));
      Files.copy(database, zip);
      zip.closeEntry();
    }
    return target;
  }

  private static long count(Path database, String table) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
        ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** A plain-text table: no terminal codes, long values cut at 28 characters. */
  private static void printTable(List<List<Object>> rows, Iterable<String> header) throws Exception {
    List<List<String>> cells = new ArrayList<>();
    List<String> names = new ArrayList<>();
    header.forEach(names::add);
    cells.add(names);
    for (List<Object> row : rows) {
      List<String> line = new ArrayList<>();
      for (Object value : row) {
        line.add(shown(value));
      }
      cells.add(line);
    }
    int[] widths = new int[names.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (int r = 0; r < cells.size(); r++) {
      StringBuilder text = new StringBuilder("  ");
      for (int i = 0; i < widths.length; i++) {
        text.append(String.format("%-" + widths[i] + "s", cells.get(r).get(i))).append(i + 1 < widths.length ? "  " : "");
      }
      System.out.println(text.toString().stripTrailing());
      if (r == 0) {
        StringBuilder rule = new StringBuilder("  ");
        for (int i = 0; i < widths.length; i++) {
          rule.append("-".repeat(widths[i])).append(i + 1 < widths.length ? "  " : "");
        }
        System.out.println(rule);
      }
    }
  }

  private static String shown(Object value) throws Exception {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof java.sql.Blob blob) {
      return "0x" + HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
    }
    if (value instanceof byte[] bytes) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
    String text = value.toString();
    return text.length() > 28 ? text.substring(0, 27) + "~" : text;
  }
}
