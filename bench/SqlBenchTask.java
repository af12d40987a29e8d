import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.samples.sql.Compression;
import dev.preflyte.samples.sql.Sqlite3Query;
import dev.preflyte.samples.sql.Sqlite3QueryTask;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark's task.pb and inputs.pb: the SQLite3 task over DATABASE with QUERY, no
 * inputs. {@code java -cp ... bench/SqlBenchTask.java DATABASE QUERY DIR}.
 */
public final class SqlBenchTask {
  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[2]));
    Sqlite3QueryTask task = Sqlite3QueryTask.of(new Sqlite3Query(args[0], Compression.NONE, args[1]),
        TaskInterface.builder().output(Sqlite3Query.OUTPUT, LiteralCodecs.structuredDataset("parquet")).build());
    Files.write(dir.resolve("task.pb"),
        task.toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "bench")).toByteArray());
    Files.write(dir.resolve("inputs.pb"), LiteralMap.getDefaultInstance().toByteArray());
  }
}
