package dev.preflyte.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.admin.TaskSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticationTest {

  private static final String CLIENT_ID = "preflyte-ci";
  private static final String SECRET = "s3cr3t-Zq7Xw9-DISTINCTIVE";
  private static final String TOKEN_PREFIX = "tok-Yk4Pv2-DISTINCTIVE";

  @TempDir Path dir;

  private AdminStandIn admin;
  private TokenEndpointStandIn tokens;

  @BeforeEach
  void start() {
    admin = AdminStandIn.start();
    tokens = new TokenEndpointStandIn(CLIENT_ID, SECRET, TOKEN_PREFIX);
    admin.tokenEndpoint(tokens.url());
    admin.scopes("all");
  }

  @AfterEach
  void stop() throws Exception {
    tokens.close();
    admin.close();
  }

  private AdminClient client(AdminAuth auth) throws RegistrationException {
    return AdminClient.connect(AdminSettings.builder(admin.endpoint()).insecure(true).auth(auth).build());
  }

  private Path secretFile(String secret) throws Exception {
    Path file = dir.resolve("client_secret");
    Files.writeString(file, secret + "\n");
    return file;
  }

  private static TaskSpec spec(String name) {
    return EchoTask.named(name, ">").spec("v1");
  }

  @Test
  void clientCredentialsWithADiscoveredTokenEndpointReachFlyteAdminAsBearer() throws Exception {
    admin.acceptTokens(tokens.token(1));
    AdminAuth auth = AdminAuth.clientCredentials(CLIENT_ID, SecretSource.file(secretFile(SECRET)),
        Optional.empty(), List.of(), "");
    try (AdminClient client = client(auth)) {
      List<TaskSpec> specs = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        specs.add(EchoTask.named("echo.t" + i, ">").spec());
      }
      RegistrationSummary summary = client.registerAll(specs, "p", "d", "v1", 4);
      assertEquals("20 tasks: 20 registered, 0 unchanged, 0 failed", summary.summaryLine());
    }
    assertEquals(Collections.nCopies(20, "Bearer " + tokens.token(1)), admin.authorizations());
    assertEquals(1, tokens.issued(), "the token is cached until it expires");
    assertEquals(List.of("all"), tokens.scopes(), "scopes from FlyteAdmin's public client config");
  }

  @Test
  void theTokenGoesUnderTheMetadataKeyFlyteAdminNames() throws Exception {
    admin.metadataKey("flyte-authorization");
    admin.acceptTokens(tokens.token(1));
    AdminAuth auth = AdminAuth.clientCredentials(CLIENT_ID, SecretSource.file(secretFile(SECRET)),
        Optional.empty(), List.of(), "");
    try (AdminClient client = client(auth)) {
      assertEquals(RegistrationResult.Outcome.REGISTERED,
          client.createTask(spec("a").getTemplate().getId(), spec("a")).outcome());
    }
    assertEquals(List.of("flyte-authorization: Bearer " + tokens.token(1)), admin.authorizations());
  }

  @Test
  void aGivenTokenUrlAndScopesNeedNoDiscovery() throws Exception {
    admin.tokenEndpoint("");   // discovery would fail
    admin.acceptTokens(tokens.token(1));
    AdminAuth auth = AdminAuth.clientCredentials(CLIENT_ID,
        SecretSource.environment("FLYTE_SECRET", Map.of("FLYTE_SECRET", SECRET)::get),
        Optional.of(URI.create(tokens.url())), List.of("offline", "all"), "");
    try (AdminClient client = client(auth)) {
      assertEquals(RegistrationResult.Outcome.REGISTERED,
          client.createTask(spec("a").getTemplate().getId(), spec("a")).outcome());
    }
    assertEquals(List.of("offline all"), tokens.scopes());
  }

  @Test
  void anExpiredTokenIsRenewedAndARefusedOneFetchedAgain() throws Exception {
    tokens.expiresIn(1);   // inside the renewal margin: every call asks for a new token
    admin.acceptTokens(tokens.token(1), tokens.token(2), tokens.token(3));
    AdminAuth auth = AdminAuth.clientCredentials(CLIENT_ID, SecretSource.file(secretFile(SECRET)),
        Optional.empty(), List.of(), "");
    try (AdminClient client = client(auth)) {
      client.createTask(spec("a").getTemplate().getId(), spec("a"));
      client.createTask(spec("b").getTemplate().getId(), spec("b"));
      assertEquals(2, tokens.issued());

      tokens.expiresIn(3600);
      client.createTask(spec("c").getTemplate().getId(), spec("c"));   // token 3, cached now
      admin.revokeTokens();
      admin.acceptTokens(tokens.token(4));
      // Token 3 is refused: the client forgets it, fetches token 4 and tries once more.
      assertEquals(RegistrationResult.Outcome.REGISTERED,
          client.createTask(spec("d").getTemplate().getId(), spec("d")).outcome());
      assertEquals(4, tokens.issued());
    }
  }

  @Test
  void aWrongSecretIsAClearErrorWithoutTheSecret() throws Exception {
    String wrong = "wr0ng-Hh3Kd8-DISTINCTIVE";
    AdminAuth auth = AdminAuth.clientCredentials(CLIENT_ID, SecretSource.file(secretFile(wrong)),
        Optional.empty(), List.of(), "");
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    RegistrationException e;
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try (AdminClient client = client(auth)) {
      e = assertThrows(RegistrationException.class,
          () -> client.createTask(spec("a").getTemplate().getId(), spec("a")));
      RegistrationSummary summary = client.registerAll(List.of(spec("b")), "p", "d", "v1", 1);
      assertEquals(1, summary.failed());
      assertFalse(summary.toString().contains(wrong));
    } finally {
      System.setErr(stderr);
    }
    assertEquals("task p/d/a@v1: the token endpoint " + tokens.url() + " refused client '" + CLIENT_ID
        + "': HTTP 401 invalid_client (check the client id and secret)", e.getMessage());
    assertNoSecret(e, wrong);
    assertNoSecret(e, SECRET);
    assertFalse(logs.toString(StandardCharsets.UTF_8).contains(wrong), "nothing logged holds the secret");
    assertEquals(0, admin.createCalls(), "no call goes out without a token");
  }

  @Test
  void noTokenIsRefusedByAServerThatNeedsOne() throws Exception {
    admin.acceptTokens(tokens.token(1));
    try (AdminClient client = client(AdminAuth.none())) {
      RegistrationException e = assertThrows(RegistrationException.class,
          () -> client.createTask(spec("a").getTemplate().getId(), spec("a")));
      assertEquals("task p/d/a@v1: FlyteAdmin at " + admin.endpoint()
          + " refused the credentials: UNAUTHENTICATED: token is missing or invalid", e.getMessage());
    }
  }

  @Test
  void aMissingSecretVariableNamesTheVariable() throws Exception {
    AdminAuth auth = AdminAuth.clientCredentials(CLIENT_ID,
        SecretSource.environment("NO_SUCH_SECRET_VAR", name -> null), Optional.empty(), List.of(), "");
    try (AdminClient client = client(auth)) {
      RegistrationException e = assertThrows(RegistrationException.class,
          () -> client.createTask(spec("a").getTemplate().getId(), spec("a")));
      assertEquals("task p/d/a@v1: the client secret variable NO_SUCH_SECRET_VAR is not set", e.getMessage());
    }
  }

  @Test
  void anExternalCommandsTokenIsSentAsBearer() throws Exception {
    String token = "ext-Mn5Qa1-DISTINCTIVE";
    admin.acceptTokens(token);
    Path counter = dir.resolve("runs");
    AdminAuth auth = AdminAuth.externalCommand(
        List.of("sh", "-c", "echo run >> '" + counter + "'; printf '%s\\n' " + token));
    try (AdminClient client = client(auth)) {
      client.createTask(spec("a").getTemplate().getId(), spec("a"));
      client.createTask(spec("b").getTemplate().getId(), spec("b"));
    }
    assertEquals(List.of("Bearer " + token, "Bearer " + token), admin.authorizations());
    assertEquals(1, Files.readAllLines(counter).size(), "the command runs once");
  }

  @Test
  void aFailingExternalCommandIsAClearErrorWithoutItsOutput() throws Exception {
    String printed = "half-Tt6Rb0-DISTINCTIVE";
    AdminAuth auth = AdminAuth.externalCommand(List.of("sh", "-c", "echo " + printed + "; exit 3"));
    try (AdminClient client = client(auth)) {
      RegistrationException e = assertThrows(RegistrationException.class,
          () -> client.createTask(spec("a").getTemplate().getId(), spec("a")));
      assertEquals("task p/d/a@v1: the token command sh failed with exit code 3", e.getMessage());
      assertNoSecret(e, printed);
    }
  }

  @Test
  void aServerWithoutTokenEndpointAsksForTokenUrl() throws Exception {
    admin.tokenEndpoint("");
    AdminAuth auth = AdminAuth.clientCredentials(CLIENT_ID, SecretSource.file(secretFile(SECRET)),
        Optional.empty(), List.of(), "");
    try (AdminClient client = client(auth)) {
      RegistrationException e = assertThrows(RegistrationException.class,
          () -> client.createTask(spec("a").getTemplate().getId(), spec("a")));
      assertEquals("task p/d/a@v1: FlyteAdmin's OAuth2 metadata names no token endpoint (give admin.tokenUrl)",
          e.getMessage());
      assertEquals(RegistrationException.Reason.AUTHENTICATION, e.reason());
    }
  }

  @Test
  void aSilentTokenEndpointIsBoundedByTheTokenTimeout() throws Exception {
    // The call timeout is generous so that only the silent endpoint can use up a bound: discovery
    // through the stand-in on a loaded machine may be slow, but never 30 s.
    java.time.Duration tokenTimeout = java.time.Duration.ofSeconds(2);
    java.time.Duration callTimeout = java.time.Duration.ofSeconds(30);
    try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/oauth2/token";
      AdminAuth auth = AdminAuth.clientCredentials(CLIENT_ID, SecretSource.file(secretFile(SECRET)),
          Optional.of(URI.create(url)), List.of(), "");
      AdminSettings settings = AdminSettings.builder(admin.endpoint()).insecure(true).auth(auth)
          .callTimeout(callTimeout).tokenTimeout(tokenTimeout).build();
      long start = System.nanoTime();
      try (AdminClient client = AdminClient.connect(settings)) {
        RegistrationException e = assertThrows(RegistrationException.class,
            () -> client.createTask(spec("a").getTemplate().getId(), spec("a")));
        assertTrue(e.getMessage().startsWith("task p/d/a@v1: cannot reach the token endpoint " + url + ": "),
            e.getMessage());
        assertTrue(e.getMessage().contains("TimeoutException"), e.getMessage());
        assertNoSecret(e, SECRET);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis >= tokenTimeout.toMillis(), "gave up after " + millis + " ms, before the token timeout");
      assertTrue(millis < callTimeout.toMillis() / 2, "took " + millis + " ms");
    }
  }

  @Test
  void theTokenTimeoutIsTheCallTimeoutUnlessSetAndSurvivesToBuilder() {
    AdminSettings settings = AdminSettings.builder(admin.endpoint()).callTimeout(java.time.Duration.ofSeconds(7)).build();
    assertEquals(java.time.Duration.ofSeconds(7), settings.tokenTimeout());
    AdminSettings own = settings.toBuilder().tokenTimeout(java.time.Duration.ofSeconds(3)).build().toBuilder().build();
    assertEquals(java.time.Duration.ofSeconds(3), own.tokenTimeout());
    assertEquals(java.time.Duration.ofSeconds(7), own.callTimeout());
    assertThrows(IllegalArgumentException.class, () -> settings.toBuilder().tokenTimeout(java.time.Duration.ZERO));
  }

  private static void assertNoSecret(Throwable e, String secret) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(secret), "secret in " + t);
      assertFalse(t.toString().contains(secret), "secret in " + t);
    }
  }
}
