package dev.preflyte.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.admin.TaskSpec;
import io.grpc.TlsServerCredentials;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FlyteAdmin behind TLS with a self-signed certificate made by the JDK's keytool. */
class TlsTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path dir;

  private static Path caFile;
  private static KeyManagerFactory keys;
  private static AdminStandIn admin;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = dir.resolve("admin.p12");
    caFile = dir.resolve("ca.pem");
    keytool("-genkeypair", "-alias", "admin", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
    keytool("-exportcert", "-rfc", "-alias", "admin", "-keystore", keystore.toString(),
        "-storepass", new String(PASSWORD), "-file", caFile.toString());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    admin = AdminStandIn.start(TlsServerCredentials.newBuilder().keyManager(keys.getKeyManagers()).build());
  }

  @AfterAll
  static void stop() throws Exception {
    admin.close();
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool finished");
    assertEquals(0, process.exitValue(), output);
  }

  private static TaskSpec spec(String name) {
    return EchoTask.named(name, ">").spec("v1");
  }

  @Test
  void registersOverTlsTrustingACustomCa() throws Exception {
    AdminSettings settings = AdminSettings.builder(admin.endpoint()).caCertFile(caFile).build();
    try (AdminClient client = AdminClient.connect(settings)) {
      assertEquals(RegistrationResult.Outcome.REGISTERED,
          client.createTask(spec("tls.a").getTemplate().getId(), spec("tls.a")).outcome());
    }
  }

  @Test
  void clientCredentialsOverTlsWithTheTokenEndpointUnderTheSameCa() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    String secret = "tls-s3cr3t-Pq8Lm2";
    try (TokenEndpointStandIn tokens = new TokenEndpointStandIn("ci", secret, "tls-tok", tls)) {
      admin.tokenEndpoint(tokens.url());
      AdminAuth auth = AdminAuth.clientCredentials("ci", SecretSource.environment("S", name -> secret),
          Optional.empty(), List.of("all"), "");
      AdminSettings settings = AdminSettings.builder(admin.endpoint()).caCertFile(caFile).auth(auth).build();
      try (AdminClient client = AdminClient.connect(settings)) {
        assertEquals(RegistrationResult.Outcome.REGISTERED,
            client.createTask(spec("tls.token").getTemplate().getId(), spec("tls.token")).outcome());
      }
      assertTrue(tokens.url().startsWith("https://"));
      assertEquals(1, tokens.issued());
      assertTrue(admin.authorizations().contains("Bearer " + tokens.token(1)), admin.authorizations().toString());
    }
  }

  @Test
  void theSystemTrustStoreRefusesTheSelfSignedCertificateClearly() throws Exception {
    AdminSettings settings = AdminSettings.builder(admin.endpoint()).callTimeout(Duration.ofSeconds(10)).build();
    long start = System.nanoTime();
    try (AdminClient client = AdminClient.connect(settings)) {
      RegistrationException e = assertThrows(RegistrationException.class,
          () -> client.createTask(spec("tls.b").getTemplate().getId(), spec("tls.b")));
      assertTrue(e.getMessage().startsWith("task p/d/tls.b@v1: cannot reach FlyteAdmin at " + admin.endpoint()
          + ": UNAVAILABLE"), e.getMessage());
      assertTrue(e.getMessage().contains("unable to find valid certification path"), e.getMessage());
      assertTrue(e.getMessage().endsWith("TLS failed: if FlyteAdmin's certificate comes from a private CA,"
          + " give its PEM file (admin.caCertFilePath)"), e.getMessage());
    }
    assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000);
  }

  @Test
  void aPlaintextClientAgainstTlsIsBounded() throws Exception {
    AdminSettings settings = AdminSettings.builder(admin.endpoint()).insecure(true)
        .callTimeout(Duration.ofSeconds(2)).build();
    long start = System.nanoTime();
    try (AdminClient client = AdminClient.connect(settings)) {
      RegistrationException e = assertThrows(RegistrationException.class,
          () -> client.createTask(spec("tls.c").getTemplate().getId(), spec("tls.c")));
      assertTrue(e.getMessage().startsWith("task p/d/tls.c@v1: "), e.getMessage());
    }
    assertTrue((System.nanoTime() - start) / 1_000_000 < 4_000);
  }

  @Test
  void aCaFileThatIsNoCertificateIsNamed() throws Exception {
    Path bogus = dir.resolve("bogus.pem");
    Files.writeString(bogus, "not a certificate\n");
    RegistrationException e = assertThrows(RegistrationException.class, () -> AdminClient.connect(
        AdminSettings.builder(admin.endpoint()).caCertFile(bogus).build()));
    assertTrue(e.getMessage().startsWith("the CA certificate file " + bogus + " holds no"), e.getMessage());
    Path missing = dir.resolve("missing.pem");
    RegistrationException absent = assertThrows(RegistrationException.class, () -> AdminClient.connect(
        AdminSettings.builder(admin.endpoint()).caCertFile(missing).build()));
    assertTrue(absent.getMessage().startsWith("cannot read the CA certificate file " + missing), absent.getMessage());
  }
}
