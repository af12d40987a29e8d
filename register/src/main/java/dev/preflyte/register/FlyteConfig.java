package dev.preflyte.register;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the connection settings from flytectl's config file ({@code ~/.flyte/config.yaml}):
 *
 * <pre>
 * admin:
 *   endpoint: dns:///flyte.example.com:443   # or host:port
 *   insecure: false
 *   caCertFilePath: /etc/ssl/flyte-ca.pem
 *   authType: ClientSecret                   # or ExternalCommand; absent: no authentication
 *   clientId: preflyte
 *   clientSecretLocation: /etc/secrets/client_secret   # or clientSecretEnvVar: FLYTE_SECRET
 *   tokenUrl: https://idp.example.com/oauth2/token     # absent: asked from FlyteAdmin
 *   scopes: [all]
 *   audience: ""
 *   command: [gcloud, auth, print-identity-token]      # for ExternalCommand
 * </pre>
 *
 * Other sections and keys are flytectl's own and ignored. A wrong value is a one-line error naming
 * the key.
 *
 * <p>The file is YAML, and flytectl's users write all of it (flow and block styles, quoting,
 * comments, anchors), so it is read with snakeyaml-engine, a YAML 1.2 parser without dependencies
 * of its own, rather than a hand-written subset that would reject files flytectl accepts.
 */
public final class FlyteConfig {

  /** flytectl's default client secret file, used when ClientSecret names neither file nor variable. */
  static final String DEFAULT_SECRET_LOCATION = "/etc/secrets/client_secret";

  private FlyteConfig() {}

  /** {@code $FLYTECTL_CONFIG} when set (as flytectl reads it), else {@code ~/.flyte/config.yaml}. */
  public static Path defaultFile() {
    String override = System.getenv("FLYTECTL_CONFIG");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return Path.of(System.getProperty("user.home"), ".flyte", "config.yaml");
  }

  /**
   * The settings of {@code file}'s {@code admin} section, to adjust (a command line's
   * {@code --endpoint} or {@code --insecure}) and build.
   *
   * @throws ConfigException when the file cannot be read, is no YAML, or a key is missing or wrong
   */
  public static AdminSettings.Builder load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + file + " does not exist");
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** As {@link #load}, from the file's text; {@code source} names it in messages. */
  public static AdminSettings.Builder parse(String text, String source) throws ConfigException {
    Object document;
    try {
      document = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      String where = e.getProblemMark()
          .map(mark -> " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1))
          .orElse("");
      throw new ConfigException("config " + source + " is not valid YAML" + where + ": " + e.getProblem(), e);
    } catch (YamlEngineException e) {
      throw new ConfigException("config " + source + " is not valid YAML: " + e.getMessage(), e);
    }
    if (!(document instanceof Map<?, ?> root)) {
      throw new ConfigException("config " + source + " has no admin section");
    }
    Object adminSection = root.get("admin");
    if (!(adminSection instanceof Map<?, ?> admin)) {
      throw new ConfigException("config " + source + ": "
          + (adminSection == null ? "admin is missing" : "admin must be a mapping of settings"));
    }
    Reader reader = new Reader(admin, source);

    boolean insecure = reader.bool("insecure");
    String endpointText = reader.string("endpoint")
        .orElseThrow(() -> new ConfigException("config " + source + ": admin.endpoint is missing"));
    AdminEndpoint endpoint;
    try {
      endpoint = AdminEndpoint.parse(endpointText, insecure);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("config " + source + ": admin.endpoint: " + e.getMessage());
    }
    AdminSettings.Builder settings = AdminSettings.builder(endpoint).insecure(insecure);
    Optional<String> ca = reader.string("caCertFilePath");
    if (ca.isPresent() && !ca.get().isBlank()) {
      if (insecure) {
        throw new ConfigException("config " + source
            + ": admin.caCertFilePath is set but admin.insecure is true (plaintext uses no certificates)");
      }
      settings.caCertFile(path(ca.get()));
    }
    settings.auth(auth(reader, source));
    return settings;
  }

  private static AdminAuth auth(Reader reader, String source) throws ConfigException {
    Optional<String> type = reader.string("authType");
    if (type.isEmpty() || type.get().isBlank()) {
      return AdminAuth.none();
    }
    switch (type.get().strip().toLowerCase(Locale.ROOT)) {
      case "clientsecret": {
        String clientId = reader.string("clientId").filter(id -> !id.isBlank())
            .orElseThrow(() -> new ConfigException(
                "config " + source + ": admin.clientId is missing (admin.authType is ClientSecret)"));
        Optional<String> variable = reader.string("clientSecretEnvVar").filter(v -> !v.isBlank());
        Optional<String> location = reader.string("clientSecretLocation").filter(v -> !v.isBlank());
        if (variable.isPresent() && location.isPresent()) {
          throw new ConfigException("config " + source
              + ": admin.clientSecretLocation and admin.clientSecretEnvVar are both set; keep one");
        }
        SecretSource secret = variable.isPresent()
            ? SecretSource.environment(variable.get())
            : SecretSource.file(path(location.orElse(DEFAULT_SECRET_LOCATION)));
        Optional<URI> tokenUrl = Optional.empty();
        Optional<String> tokenText = reader.string("tokenUrl").filter(v -> !v.isBlank());
        if (tokenText.isPresent()) {
          try {
            URI uri = new URI(tokenText.get().strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
              throw new URISyntaxException(tokenText.get(), "not an http(s) URL");
            }
            tokenUrl = Optional.of(uri);
          } catch (URISyntaxException e) {
            throw new ConfigException("config " + source + ": admin.tokenUrl '" + tokenText.get()
                + "' is not an http(s) URL");
          }
        }
        return AdminAuth.clientCredentials(clientId, secret, tokenUrl, reader.strings("scopes"),
            reader.string("audience").orElse(""));
      }
      case "externalcommand": {
        List<String> command = reader.strings("command");
        if (command.isEmpty()) {
          throw new ConfigException(
              "config " + source + ": admin.command is missing (admin.authType is ExternalCommand)");
        }
        return AdminAuth.externalCommand(command);
      }
      case "pkce":
      case "deviceflow":
        throw new ConfigException("config " + source + ": admin.authType " + type.get().strip()
            + " needs a browser or a person; use ClientSecret or ExternalCommand");
      default:
        throw new ConfigException("config " + source + ": admin.authType '" + type.get()
            + "' is not one of ClientSecret, ExternalCommand");
    }
  }

  private static Path path(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"), trimmed.substring(2));
    }
    return Path.of(trimmed);
  }

  /** Typed access to the admin section, each error naming {@code admin.<key>}. */
  private static final class Reader {
    private final Map<?, ?> section;
    private final String source;

    Reader(Map<?, ?> section, String source) {
      this.section = section;
      this.source = source;
    }

    Optional<String> string(String key) throws ConfigException {
      Object value = section.get(key);
      if (value == null) {
        return Optional.empty();
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        return Optional.of(value.toString());
      }
      throw wrong(key, "a string");
    }

    boolean bool(String key) throws ConfigException {
      Object value = section.get(key);
      if (value == null) {
        return false;
      }
      if (value instanceof Boolean b) {
        return b;
      }
      if (value instanceof String s) {
        switch (s.strip().toLowerCase(Locale.ROOT)) {
          case "true", "t", "1" -> { return true; }
          case "false", "f", "0", "" -> { return false; }
          default -> { }
        }
      }
      throw wrong(key, "true or false");
    }

    /** A list of strings; a single string is split at white space, as flytectl's config loader does. */
    List<String> strings(String key) throws ConfigException {
      Object value = section.get(key);
      if (value == null) {
        return List.of();
      }
      if (value instanceof String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));
      }
      if (value instanceof List<?> list) {
        List<String> strings = new ArrayList<>(list.size());
        for (Object item : list) {
          if (!(item instanceof String || item instanceof Number || item instanceof Boolean)) {
            throw wrong(key, "a list of strings");
          }
          strings.add(item.toString());
        }
        return List.copyOf(strings);
      }
      throw wrong(key, "a list of strings");
    }

    private ConfigException wrong(String key, String expected) {
      Object value = section.get(key);
      String kind = value instanceof Map ? "a mapping" : value instanceof List ? "a list" : "'" + value + "'";
      return new ConfigException("config " + source + ": admin." + key + " must be " + expected + ", not " + kind);
    }
  }
}
