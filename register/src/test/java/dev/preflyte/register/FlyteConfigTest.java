package dev.preflyte.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.admin.TaskSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlyteConfigTest {

  @TempDir Path dir;

  private static AdminSettings parse(String yaml) throws ConfigException {
    return FlyteConfig.parse(yaml, "config.yaml").build();
  }

  private static String error(String yaml) {
    return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
  }

  @Test
  void readsFlytectlsSandboxConfig() throws Exception {
    AdminSettings settings = parse("""
        admin:
          # For GRPC endpoints you might want to use dns:///flyte.myexample.com
          endpoint: dns:///localhost:30080
          insecure: true
        logger:
          show-source: true
          level: 0
        """);
    assertEquals(new AdminEndpoint("localhost", 30080), settings.endpoint());
    assertTrue(settings.insecure());
    assertInstanceOf(AdminAuth.None.class, settings.auth());
  }

  @Test
  void readsClientSecretSettings() throws Exception {
    AdminSettings settings = parse("""
        admin:
          endpoint: flyte.example.com
          caCertFilePath: /etc/ssl/flyte-ca.pem
          authType: clientSecret
          clientId: preflyte
          clientSecretLocation: /var/run/secret
          tokenUrl: https://idp.example.com/oauth2/token
          scopes: [all, offline]
          audience: flyte
          maxBackoffDelay: 8s
        storage:
          type: minio
        """);
    assertEquals(new AdminEndpoint("flyte.example.com", 443), settings.endpoint());
    assertEquals(Optional.of(Path.of("/etc/ssl/flyte-ca.pem")), settings.caCertFile());
    AdminAuth.ClientCredentials auth = assertInstanceOf(AdminAuth.ClientCredentials.class, settings.auth());
    assertEquals("preflyte", auth.clientId());
    assertEquals(SecretSource.file(Path.of("/var/run/secret")), auth.secret());
    assertEquals(Optional.of(URI.create("https://idp.example.com/oauth2/token")), auth.tokenUrl());
    assertEquals(List.of("all", "offline"), auth.scopes());
    assertEquals("flyte", auth.audience());
  }

  @Test
  void clientSecretDefaultsToFlytectlsSecretFileOrAVariable() throws Exception {
    AdminAuth.ClientCredentials file = (AdminAuth.ClientCredentials) parse(
        "admin: {endpoint: 'h:1', authType: ClientSecret, clientId: c}").auth();
    assertEquals(SecretSource.file(Path.of("/etc/secrets/client_secret")), file.secret());
    AdminAuth.ClientCredentials variable = (AdminAuth.ClientCredentials) parse(
        "admin: {endpoint: 'h:1', authType: ClientSecret, clientId: c, clientSecretEnvVar: FLYTE_SECRET}").auth();
    assertEquals("FLYTE_SECRET", ((SecretSource.FromEnvironment) variable.secret()).variable());
    assertEquals(Optional.empty(), variable.tokenUrl());
  }

  @Test
  void readsExternalCommandAsAListOrAString() throws Exception {
    AdminAuth.ExternalCommand list = (AdminAuth.ExternalCommand) parse("""
        admin:
          endpoint: dns:///flyte.example.com:443
          authType: ExternalCommand
          command:
            - gcloud
            - auth
            - print-identity-token
        """).auth();
    assertEquals(List.of("gcloud", "auth", "print-identity-token"), list.command());
    AdminAuth.ExternalCommand string = (AdminAuth.ExternalCommand) parse(
        "admin: {endpoint: 'h:1', authType: ExternalCommand, command: 'print-token --fresh'}").auth();
    assertEquals(List.of("print-token", "--fresh"), string.command());
  }

  @Test
  void badSettingsAreOneLineErrorsNamingTheKey() {
    assertEquals("config config.yaml: admin.endpoint is missing", error("admin:\n  insecure: true\n"));
    assertEquals("config config.yaml: admin is missing", error("logger: {level: 1}\n"));
    assertEquals("config config.yaml: admin.insecure must be true or false, not 'sometimes'",
        error("admin: {endpoint: 'h:1', insecure: sometimes}"));
    assertEquals("config config.yaml: admin.endpoint: endpoint 'https://flyte.example.com': write host:port"
        + " or dns:///host:port, without a URL scheme", error("admin: {endpoint: 'https://flyte.example.com'}"));
    assertEquals("config config.yaml: admin.endpoint: endpoint 'h:http': port 'http' is not a number",
        error("admin: {endpoint: 'h:http'}"));
    assertEquals("config config.yaml: admin.authType 'Token' is not one of ClientSecret, ExternalCommand",
        error("admin: {endpoint: 'h:1', authType: Token}"));
    assertEquals("config config.yaml: admin.authType Pkce needs a browser or a person; use ClientSecret"
        + " or ExternalCommand", error("admin: {endpoint: 'h:1', authType: Pkce}"));
    assertEquals("config config.yaml: admin.clientId is missing (admin.authType is ClientSecret)",
        error("admin: {endpoint: 'h:1', authType: ClientSecret}"));
    assertEquals("config config.yaml: admin.command is missing (admin.authType is ExternalCommand)",
        error("admin: {endpoint: 'h:1', authType: ExternalCommand}"));
    assertEquals("config config.yaml: admin.tokenUrl 'idp.example.com/token' is not an http(s) URL",
        error("admin: {endpoint: 'h:1', authType: ClientSecret, clientId: c, tokenUrl: idp.example.com/token}"));
    assertEquals("config config.yaml: admin.scopes must be a list of strings, not a mapping",
        error("admin: {endpoint: 'h:1', authType: ClientSecret, clientId: c, scopes: {a: b}}"));
    assertEquals("config config.yaml: admin.caCertFilePath is set but admin.insecure is true (plaintext"
        + " uses no certificates)", error("admin: {endpoint: 'h:1', insecure: true, caCertFilePath: /ca.pem}"));
    String yaml = error("admin:\n  endpoint: [h:1\n");
    assertTrue(yaml.startsWith("config config.yaml is not valid YAML at line "), yaml);
    assertTrue(!yaml.contains("\n"), yaml);
    String duplicate = error("admin:\n  endpoint: a:1\n  endpoint: b:2\n");
    assertTrue(duplicate.contains("endpoint"), duplicate);
  }

  @Test
  void loadsAFileAndNamesAMissingOne() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, "admin:\n  endpoint: localhost:30080\n  insecure: true\n");
    assertEquals(new AdminEndpoint("localhost", 30080), FlyteConfig.load(file).build().endpoint());
    Path missing = dir.resolve("nope.yaml");
    assertEquals("config file " + missing + " does not exist",
        assertThrows(ConfigException.class, () -> FlyteConfig.load(missing)).getMessage());
  }

  @Test
  void aConfigFileDrivesARegistration() throws Exception {
    try (AdminStandIn admin = AdminStandIn.start()) {
      Path file = dir.resolve("config.yaml");
      Files.writeString(file, "admin:\n  endpoint: dns:///127.0.0.1:" + admin.port() + "\n  insecure: true\n");
      try (AdminClient client = AdminClient.connect(FlyteConfig.load(file).build())) {
        TaskSpec spec = EchoTask.named("echo.hello", ">").spec();
        assertEquals("1 task: 1 registered, 0 unchanged, 0 failed",
            client.registerAll(List.of(spec), "p", "d", "v1", 1).summaryLine());
      }
    }
  }

  @Test
  void endpointsParseAsFlytectlWritesThem() {
    assertEquals(new AdminEndpoint("flyte.example.com", 443), AdminEndpoint.parse("dns:///flyte.example.com", false));
    assertEquals(new AdminEndpoint("localhost", 80), AdminEndpoint.parse("localhost", true));
    assertEquals(new AdminEndpoint("::1", 8089), AdminEndpoint.parse("[::1]:8089", true));
    assertEquals("[::1]:8089", AdminEndpoint.parse("[::1]:8089", true).toString());
    assertEquals("endpoint 'h:70000': endpoint port 70000 is not between 1 and 65535",
        assertThrows(IllegalArgumentException.class, () -> AdminEndpoint.parse("h:70000", true)).getMessage());
    assertEquals("endpoint 'dns://8.8.8.8/h:1': a dns:// authority is not supported, write dns:///host:port",
        assertThrows(IllegalArgumentException.class, () -> AdminEndpoint.parse("dns://8.8.8.8/h:1", true)).getMessage());
  }
}
