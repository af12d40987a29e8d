package dev.preflyte.samples.sql;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server on loopback for the tests: Debian's {@code postgresql} package (installed
 * with apt-get when absent and the tests run as root), a fresh cluster in a temporary folder
 * ({@code initdb}, password authentication), on a free port, stopped and deleted by {@link #close}.
 * When it cannot be installed the calling tests are skipped with the reason.
 */
final class PostgresServer implements AutoCloseable {

  static final String USER = "preflyte";

  private final Path folder;
  private final Path bin;
  private final int port;
  private final String password;
  private final boolean asPostgresUser;
  private final Thread stopAtExit;

  private PostgresServer(Path folder, Path bin, int port, String password, boolean asPostgresUser) {
    this.folder = folder;
    this.bin = bin;
    this.port = port;
    this.password = password;
    this.asPostgresUser = asPostgresUser;
    this.stopAtExit = new Thread(this::stopQuietly, "stop-postgres");
  }

  static PostgresServer start() throws IOException, InterruptedException {
    Path bin = findBinaries().orElseGet(PostgresServer::install);
    boolean root = "root".equals(System.getProperty("user.name"));
    Path folder = Files.createTempDirectory("preflyte-postgres");
    String password = "pw-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    Files.writeString(folder.resolve("password"), password);
    if (root) {
      run(List.of("chown", "-R", "postgres:postgres", folder.toString()), false);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PostgresServer server = new PostgresServer(folder, bin, port, password, root);
    server.pg(List.of(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-U", USER,
        "--pwfile=" + folder.resolve("password"), "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"));
    server.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-w", "-t", "60",
        "-l", folder.resolve("server.log").toString(), "-o",
        "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=20",
        "start"));
    Runtime.getRuntime().addShutdownHook(server.stopAtExit);
    return server;
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  int port() {
    return port;
  }

  String password() {
    return password;
  }

  @Override
  public void close() throws IOException {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException e) {
      // already shutting down
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private void stopQuietly() {
    try {
      pg(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "fast", "-w",
          "stop"));
    } catch (IOException | InterruptedException | IllegalStateException e) {
      // not running
    }
  }

  private void pg(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    run(full, true);
  }

  private static Optional<Path> findBinaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
          .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
              .replaceAll("\\D", "0"))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Path install() {
    boolean root = "root".equals(System.getProperty("user.name"));
    Assumptions.assumeTrue(root, "PostgreSQL is not installed and the tests do not run as root to install it:"
        + " apt-get install -y postgresql");
    try {
      run(List.of("apt-get", "install", "-y", "-q", "postgresql"), true);
    } catch (IOException | InterruptedException | IllegalStateException e) {
      Assumptions.abort("PostgreSQL could not be installed (apt-get install -y postgresql): " + e.getMessage());
    }
    return findBinaries().orElseThrow(() -> new IllegalStateException(
        "apt-get installed postgresql but no initdb is under /usr/lib/postgresql/*/bin"));
  }

  private static void run(List<String> command, boolean checked) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
    }
    if (checked && process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": "
          + new String(output, StandardCharsets.UTF_8));
    }
  }
}
