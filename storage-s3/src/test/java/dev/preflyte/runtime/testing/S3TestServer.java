package dev.preflyte.runtime.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server on loopback for tests: <a href="https://github.com/gaul/s3proxy">S3Proxy</a>
 * with an in-memory store, checking AWS signatures (V2 and V4) against one key pair, in a JVM of
 * its own. Started once per test JVM, on first use, and stopped when the test JVM exits.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * S3TestServer s3 = S3TestServer.shared();
 * String bucket = s3.newBucket();                      // a fresh, empty bucket
 * Map<String, String> env = s3.environment();          // FLYTE_AWS_ENDPOINT, keys, AWS_REGION
 * Storage storage = Storages.standard(env);            // or pass env to a child process
 * storage.writeAtomically("s3://" + bucket + "/a.pb", bytes);
 * }</pre>
 *
 * <ul>
 *   <li>{@link #endpoint()}: {@code http://127.0.0.1:<port>}, a free port chosen by the server.
 *   <li>{@link #accessKeyId()}, {@link #secretAccessKey()}: the only accepted key pair; the secret
 *       is random per test JVM, so tests can search output for it to prove it never leaks.
 *   <li>{@link #region()}: {@code us-east-1}.
 *   <li>{@link #environment()}: the variables Flyte sets for a task using this server.
 *   <li>{@link #newBucket()}, {@link #createBucket(String)}: create buckets.
 *   <li>{@link #client()}: an SDK client for setting up or inspecting objects directly.
 *   <li>{@link #startupTime()}: how long starting the server took.
 * </ul>
 *
 * <p>The server stops when the test JVM exits: a shutdown hook stops it, and should the test JVM
 * be killed outright, the server halts itself once its standard input (a pipe from the test JVM)
 * closes. Objects live in memory only and vanish with it.
 *
 * <p>The server's jar is copied by the build to {@code target/s3-test-server/s3proxy.jar}
 * (maven-dependency-plugin) and passed to the tests as system property {@code
 * preflyte.s3proxy.jar}; when the property is unset (a run from an IDE) that path is derived from
 * where the test classes are.
 */
public final class S3TestServer {

  /** System property naming the S3Proxy jar with its dependencies. */
  public static final String JAR_PROPERTY = "preflyte.s3proxy.jar";

  private static final Pattern STARTED_CONNECTOR =
      Pattern.compile("Started .*ServerConnector.*\\{127\\.0\\.0\\.1:(\\d+)}");
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static S3TestServer shared;

  private final Process process;
  private final URI endpoint;
  private final String accessKeyId;
  private final String secretAccessKey;
  private final Duration startupTime;
  private final Deque<String> recentOutput;
  private S3Client client;

  private S3TestServer(Process process, URI endpoint, String accessKeyId, String secretAccessKey,
      Duration startupTime, Deque<String> recentOutput) {
    this.process = process;
    this.endpoint = endpoint;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.startupTime = startupTime;
    this.recentOutput = recentOutput;
  }

  /** The server of this JVM, started on the first call. */
  public static synchronized S3TestServer shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "s3-test-server-stop"));
    }
    return shared;
  }

  /** The server's base URL, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  /** The secret key: random per JVM, so no other text contains it by chance. */
  public String secretAccessKey() {
    return secretAccessKey;
  }

  public String region() {
    return "us-east-1";
  }

  /** How long starting the server took, from launching its JVM to its port listening. */
  public Duration startupTime() {
    return startupTime;
  }

  /**
   * The environment a Flyte task would get for this server: {@code FLYTE_AWS_ENDPOINT}, {@code
   * FLYTE_AWS_ACCESS_KEY_ID}, {@code FLYTE_AWS_SECRET_ACCESS_KEY} and {@code AWS_REGION}.
   */
  public Map<String, String> environment() {
    return Map.of(
        "FLYTE_AWS_ENDPOINT", endpoint.toString(),
        "FLYTE_AWS_ACCESS_KEY_ID", accessKeyId,
        "FLYTE_AWS_SECRET_ACCESS_KEY", secretAccessKey,
        "AWS_REGION", region());
  }

  /** Creates a bucket with a name no other call in this JVM gets, and returns the name. */
  public String newBucket() {
    String name = "test-" + BUCKETS.incrementAndGet() + "-"
        + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    createBucket(name);
    return name;
  }

  /** Creates the bucket {@code name}. */
  public void createBucket(String name) {
    client().createBucket(create -> create.bucket(name));
  }

  /** An SDK client for this server, with its key pair and path-style addressing. Do not close it. */
  public synchronized S3Client client() {
    if (client == null) {
      client = S3Client.builder()
          .endpointOverride(endpoint)
          .forcePathStyle(true)
          .region(Region.of(region()))
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
          .httpClientBuilder(UrlConnectionHttpClient.builder())
          .build();
    }
    return client;
  }

  /** The process id of the server's JVM. */
  public long pid() {
    return process.pid();
  }

  /** The server's last lines of output, for diagnosing a failed test. */
  public String recentOutput() {
    synchronized (recentOutput) {
      return String.join("\n", recentOutput);
    }
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static S3TestServer start() {
    String accessKeyId = "preflyte-test";
    String secretAccessKey = "S3TestSecret" + UUID.randomUUID().toString().replace("-", "");
    Path properties = writeProperties(accessKeyId, secretAccessKey);
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
        "-cp", serverJar() + File.pathSeparator + launcherClassPath(),
        S3ProxyLauncher.class.getName(),
        "--properties", properties.toString());
    long started = System.nanoTime();
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the S3 test server: " + command, e);
    }
    Deque<String> recentOutput = new ArrayDeque<>();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> pump(process, recentOutput, port), "s3-test-server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      int bound = port.get(STARTUP_LIMIT.toSeconds(), TimeUnit.SECONDS);
      Duration startup = Duration.ofNanos(System.nanoTime() - started);
      return new S3TestServer(process, URI.create("http://127.0.0.1:" + bound),
          accessKeyId, secretAccessKey, startup, recentOutput);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      String output;
      synchronized (recentOutput) {
        output = String.join("\n", recentOutput);
      }
      throw new IllegalStateException("the S3 test server did not start within " + STARTUP_LIMIT
          + " (" + e + "); its output:\n" + output, e);
    } finally {
      try {
        Files.deleteIfExists(properties);
      } catch (IOException ignored) {
        // A temporary file; the server has read it or failed.
      }
    }
  }

  /** Reads the server's output: finds the bound port, keeps the last lines. */
  private static void pump(Process process, Deque<String> recentOutput, CompletableFuture<Integer> port) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        synchronized (recentOutput) {
          recentOutput.addLast(line);
          if (recentOutput.size() > 200) {
            recentOutput.removeFirst();
          }
        }
        Matcher started = STARTED_CONNECTOR.matcher(line);
        if (!port.isDone() && started.find()) {
          port.complete(Integer.parseInt(started.group(1)));
        }
      }
    } catch (IOException e) {
      port.completeExceptionally(e);
    }
    port.completeExceptionally(new IllegalStateException("the server exited"));
  }

  private static Path writeProperties(String accessKeyId, String secretAccessKey) {
    String text = String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:0",
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + accessKeyId,
        "s3proxy.credential=" + secretAccessKey,
        // S3 takes x-amz-security-token (temporary credentials from STS, as with IRSA); S3Proxy
        // would refuse it as not implemented. It is still part of the signature it checks.
        "s3proxy.ignore-unknown-headers=true",
        "jclouds.provider=transient",
        "jclouds.identity=unused",
        "jclouds.credential=unused",
        "");
    try {
      Path file = Files.createTempFile("s3-test-server", ".properties");
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the S3 test server's configuration", e);
    }
  }

  private static Path serverJar() {
    String configured = System.getProperty(JAR_PROPERTY);
    Path jar = configured != null
        ? Path.of(configured)
        : Path.of(launcherClassPath()).resolveSibling("s3-test-server").resolve("s3proxy.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the S3 test server's jar " + jar + " is missing: run the"
          + " runtime module's build (mvn -pl runtime -am verify), which copies it there");
    }
    return jar;
  }

  /** The directory or jar holding this class (target/test-classes in a Maven build). */
  private static String launcherClassPath() {
    try {
      return Path.of(S3ProxyLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the test classes", e);
    }
  }
}
