package dev.preflyte.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Azurite, Microsoft's Azure Storage emulator, on loopback for tests: its Blob service, in memory,
 * checking shared-key signatures for one account whose key is random per test JVM (so tests can
 * search output for it to prove it never leaks). Started once per test JVM, on first use, and
 * stopped when the test JVM exits.
 *
 * <p>Azurite is an npm package. It is installed with {@code npm install --prefix <dir>
 * azurite@<version>} into {@code preflyte.azurite.dir} (the build passes {@code
 * target/azurite}) when not there yet, and the version is {@code preflyte.azurite.version} (from
 * the parent pom). It runs under {@code sh}, which stops it when its standard input (a pipe from
 * the test JVM) closes, and ends when it does, so it also ends should the test JVM be killed outright; a shutdown hook
 * closes that pipe and waits for it.
 *
 * <pre>{@code
 * AzuriteServer azurite = AzuriteServer.shared();
 * String container = azurite.newContainer();           // a fresh, empty container
 * Map<String, String> env = azurite.environment();     // FLYTE_AZURE_BLOB_ENDPOINT, AZURE_STORAGE_ACCOUNT_KEY
 * String uri = "abfs://" + container + "@" + azurite.account() + ".dfs.core.windows.net/a.pb";
 * }</pre>
 */
public final class AzuriteServer {

  public static final String DIR_PROPERTY = "preflyte.azurite.dir";
  public static final String VERSION_PROPERTY = "preflyte.azurite.version";
  private static final String ACCOUNT = "preflytetest";
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
  private static final AtomicInteger CONTAINERS = new AtomicInteger();
  private static AzuriteServer shared;
  private static RuntimeException startFailure;

  private final Process process;
  private final int port;
  private final String accountKey;
  private final Duration startupTime;

  private AzuriteServer(Process process, int port, String accountKey, Duration startupTime) {
    this.process = process;
    this.port = port;
    this.accountKey = accountKey;
    this.startupTime = startupTime;
  }

  /** The server of this test JVM, started on first call. */
  public static synchronized AzuriteServer shared() {
    if (startFailure != null) {
      throw new IllegalStateException("Azurite did not start earlier in this JVM", startFailure);
    }
    if (shared == null) {
      try {
        shared = start();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "azurite-stop"));
    }
    return shared;
  }

  private static AzuriteServer start() {
    long begin = System.nanoTime();
    Path dir = Path.of(System.getProperty(DIR_PROPERTY, "target/azurite")).toAbsolutePath();
    String version = System.getProperty(VERSION_PROPERTY, "3.37.0");
    Path bin = dir.resolve("node_modules/.bin/azurite-blob");
    try {
      if (!Files.isExecutable(bin) || !Files.exists(dir.resolve("node_modules/azurite-" + version + ".installed"))) {
        install(dir, version);
        Files.writeString(dir.resolve("node_modules/azurite-" + version + ".installed"), version);
      }
      byte[] key = new byte[64];
      new SecureRandom().nextBytes(key);
      String accountKey = Base64.getEncoder().encodeToString(key);
      int port = freePort();
      Path log = dir.resolve("azurite-" + port + ".log");
      // sh stops Azurite once its standard input (our pipe) closes: no server outlives the tests.
      ProcessBuilder builder = new ProcessBuilder("sh", "-c",
          "exec 3<&0; \"$0\" --silent --inMemoryPersistence --skipApiVersionCheck --blobHost 127.0.0.1 --blobPort \"$1\""
              + " </dev/null & pid=$!; (cat <&3 >/dev/null; kill $pid 2>/dev/null) & wait $pid",
          bin.toString(), Integer.toString(port))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("AZURITE_ACCOUNTS", ACCOUNT + ":" + accountKey);
      Process process = builder.start();
      waitForPort(process, port, log);
      return new AzuriteServer(process, port, accountKey, Duration.ofNanos(System.nanoTime() - begin));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Azurite from " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Azurite", e);
    }
  }

  private static void install(Path dir, String version) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path log = dir.resolve("npm-install.log");
    Process npm = new ProcessBuilder("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund",
        "--no-save", "--loglevel=error", "azurite@" + version)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    npm.getOutputStream().close();
    if (!npm.waitFor(5, TimeUnit.MINUTES)) {
      npm.destroyForcibly();
      throw new IllegalStateException("npm install azurite@" + version + " took over 5 minutes; see " + log);
    }
    if (npm.exitValue() != 0) {
      throw new IllegalStateException("npm install azurite@" + version + " failed (exit " + npm.exitValue()
          + "): " + Files.readString(log));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void waitForPort(Process process, int port, Path log) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Azurite exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    throw new IllegalStateException("Azurite did not listen on port " + port + " within " + STARTUP_LIMIT
        + ": " + Files.readString(log));
  }

  /** Stops the server: closes its pipe, then kills what is left after a few seconds. */
  void stop() {
    List<ProcessHandle> children = process.descendants().toList();
    try {
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  /** The process id of the shell that runs Azurite. */
  public long pid() {
    return process.pid();
  }

  /** {@code http://127.0.0.1:<port>}: the base URL; the account's blobs are under {@code /<account>}. */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** The one account Azurite serves. */
  public String account() {
    return ACCOUNT;
  }

  /** The account's key: random per test JVM. */
  public String accountKey() {
    return accountKey;
  }

  public Duration startupTime() {
    return startupTime;
  }

  /** The environment a task using this server gets. */
  public Map<String, String> environment() {
    return Map.of("FLYTE_AZURE_BLOB_ENDPOINT", endpoint(), "AZURE_STORAGE_ACCOUNT_KEY", accountKey);
  }

  /** A connection string for this server's account. */
  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + accountKey
        + ";BlobEndpoint=" + endpoint() + "/" + ACCOUNT + ";";
  }

  /** The URI of {@code path} in {@code container}. */
  public String uri(String container, String path) {
    return "abfs://" + container + "@" + ACCOUNT + ".dfs.core.windows.net/" + path;
  }

  /** Creates a fresh, empty container and returns its name. */
  public String newContainer() {
    String name = "c" + ProcessHandle.current().pid() + "-" + CONTAINERS.incrementAndGet();
    com.azure.storage.blob.BlobServiceClient client = new com.azure.storage.blob.BlobServiceClientBuilder()
        .connectionString(connectionString())
        .httpClient(new com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder().build())
        .buildClient();
    client.createBlobContainer(name);
    return name;
  }
}
