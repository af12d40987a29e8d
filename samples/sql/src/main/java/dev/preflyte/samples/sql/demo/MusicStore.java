package dev.preflyte.samples.sql.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Creates a small music-store SQLite database (artists, albums, tracks) from a fixed seed, so the
 * demo, the tests and the benchmark need no download and always see the same rows.
 */
public final class MusicStore {

  public static final List<String> GENRES =
      List.of("Rock", "Jazz", "Metal", "Blues", "Classical", "Latin", "Pop", "Reggae", "Soundtrack", "Electronica");
  private static final List<String> WORDS = List.of("night", "river", "blue", "fire", "song", "city", "dream",
      "heart", "road", "light", "stone", "rain", "gold", "wild", "moon", "echo", "storm", "silver", "dance", "home");

  private MusicStore() {}

  /** {@code MusicStore FILE [TRACKS]}: writes the database with TRACKS tracks (default 5,000). */
  public static void main(String[] args) throws IOException, SQLException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: MusicStore FILE [TRACKS]");
      System.exit(2);
    }
    int tracks = args.length == 2 ? Integer.parseInt(args[1]) : 5_000;
    create(Path.of(args[0]), tracks);
  }

  /** Writes a new database at {@code file} (replacing it) with {@code trackCount} tracks. */
  public static void create(Path file, int trackCount) throws IOException, SQLException {
    Files.deleteIfExists(file);
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Random random = new Random(11);
    int artists = Math.max(1, trackCount / 30);
    int albums = Math.max(1, trackCount / 10);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      db.setAutoCommit(false);
      try (Statement ddl = db.createStatement()) {
        ddl.execute("CREATE TABLE artists (artist_id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        ddl.execute("CREATE TABLE albums (album_id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
            + " artist_id INTEGER NOT NULL REFERENCES artists, released DATE)");
        ddl.execute("CREATE TABLE tracks (track_id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            + " album_id INTEGER NOT NULL REFERENCES albums, genre TEXT NOT NULL, composer TEXT,"
            + " milliseconds INTEGER NOT NULL, bytes INTEGER, unit_price REAL NOT NULL, explicit BOOLEAN,"
            + " released DATE, cover BLOB)");
      }
      try (PreparedStatement insert = db.prepareStatement("INSERT INTO artists VALUES (?, ?)")) {
        for (int id = 1; id <= artists; id++) {
          insert.setInt(1, id);
          insert.setString(2, "The " + title(random, 2));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      LocalDate[] albumReleased = new LocalDate[albums + 1];
      try (PreparedStatement insert = db.prepareStatement("INSERT INTO albums VALUES (?, ?, ?, ?)")) {
        for (int id = 1; id <= albums; id++) {
          albumReleased[id] = LocalDate.of(1965, 1, 1).plusDays(random.nextInt(60 * 365));
          insert.setInt(1, id);
          insert.setString(2, title(random, 1 + random.nextInt(3)));
          insert.setInt(3, 1 + random.nextInt(artists));
          insert.setString(4, albumReleased[id].toString());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (PreparedStatement insert = db.prepareStatement(
          "INSERT INTO tracks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int id = 1; id <= trackCount; id++) {
          int album = 1 + random.nextInt(albums);
          int milliseconds = 60_000 + random.nextInt(540_000);
          insert.setInt(1, id);
          insert.setString(2, title(random, 1 + random.nextInt(4)));
          insert.setInt(3, album);
          insert.setString(4, GENRES.get(random.nextInt(GENRES.size())));
          if (random.nextInt(4) == 0) {
            insert.setNull(5, Types.VARCHAR); // no composer credited
          } else {
            insert.setString(5, title(random, 2));
          }
          insert.setInt(6, milliseconds);
          insert.setLong(7, milliseconds * 32L);
          insert.setDouble(8, random.nextInt(3) == 0 ? 1.29 : 0.99);
          insert.setBoolean(9, random.nextInt(10) == 0);
          insert.setString(10, albumReleased[album].toString());
          if (random.nextInt(50) == 0) {
            byte[] cover = new byte[8];
            random.nextBytes(cover);
            insert.setBytes(11, cover);
          } else {
            insert.setNull(11, Types.BLOB);
          }
          insert.addBatch();
          if (id % 10_000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      db.commit();
    }
  }

  private static String title(Random random, int words) {
    StringBuilder title = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word = WORDS.get(random.nextInt(WORDS.size()));
      if (i > 0) {
        title.append(' ');
      }
      title.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return title.toString();
  }
}
