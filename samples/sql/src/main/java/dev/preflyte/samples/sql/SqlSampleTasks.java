package dev.preflyte.samples.sql;

import dev.preflyte.annotations.DeclaredTask;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.task.TaskSettings;
import java.time.Duration;
import java.util.Map;

/**
 * Task instances of the SQL task types, declared so {@code preflyte package} registers them: what a
 * user of these task types writes.
 */
public final class SqlSampleTasks {

  /** The music store's longest tracks of one genre: the demo's task. */
  @DeclaredTask(name = "music.longest_tracks")
  public static final Sqlite3QueryTask LONGEST_TRACKS = Sqlite3QueryTask.of(
      new Sqlite3Query("s3://preflyte-samples/music-store.sqlite.zip", Compression.ZIP, """
          -- the longest tracks of a genre, with their album and artist
          SELECT t.track_id, t.name AS track, a.title AS album, ar.name AS artist,
                 t.milliseconds / 1000.0 AS seconds, t.unit_price, t.released
          FROM tracks t
            JOIN albums a ON a.album_id = t.album_id
            JOIN artists ar ON ar.artist_id = a.artist_id
          WHERE t.genre = :genre  /* bound as a parameter, never pasted in */
          ORDER BY t.milliseconds DESC
          LIMIT :limit
          """),
      TaskInterface.builder()
          .input("genre", LiteralCodecs.string(), "the genre, e.g. Rock")
          .input("limit", LiteralCodecs.int64(), "how many tracks")
          .output(Sqlite3Query.OUTPUT, LiteralCodecs.structuredDataset("parquet"), "the tracks, longest first")
          .build(),
      TaskSettings.builder().retries(2).build());

  /** Invoices per country from PostgreSQL; the password comes from the secret music-db/password. */
  @DeclaredTask(name = "music.sales_by_country")
  public static final JdbcQueryTask SALES_BY_COUNTRY = JdbcQueryTask.of(
      new JdbcQuery("jdbc:postgresql://music-db:5432/music", Map.of("user", "reporting"),
          Map.of("password", new SecretProperty("music-db", "password")), """
          SELECT country, count(*) AS invoices, sum(total) AS revenue
          FROM invoices
          WHERE invoiced_at >= :since
          GROUP BY country
          ORDER BY revenue DESC
          """, 10_000, Duration.ofMinutes(10)),
      TaskInterface.builder()
          .input("since", LiteralCodecs.datetime(), "invoices from this instant on")
          .output(JdbcQuery.OUTPUT, LiteralCodecs.structuredDataset("parquet"))
          .build(),
      TaskSettings.builder().retries(2).build());

  private SqlSampleTasks() {}
}
