package dev.preflyte.register;

import dev.preflyte.register.idl.OAuth2MetadataRequest;
import dev.preflyte.register.idl.OAuth2MetadataResponse;
import dev.preflyte.register.idl.PublicClientAuthConfigRequest;
import dev.preflyte.register.idl.PublicClientAuthConfigResponse;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * OAuth2 client credentials (RFC 6749 section 4.4), the way flytectl's {@code ClientSecret} does
 * it: the token endpoint is given or discovered through FlyteAdmin's AuthMetadataService, the
 * client authenticates with HTTP Basic, and the token is cached until shortly before it expires.
 */
final class ClientCredentialsTokens implements TokenProvider {

  /** A token this close to its expiry is renewed rather than sent. */
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
  /** A token response without expires_in is cached this long (or until FlyteAdmin refuses it). */
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private final AdminAuth.ClientCredentials auth;
  /** Bounds the gRPC discovery calls to FlyteAdmin. */
  private final Duration callTimeout;
  /** Bounds each token request, connection included. */
  private final Duration tokenTimeout;
  private final HttpClient http;

  private URI tokenEndpoint;
  private List<String> scopes;
  private String audience;
  private String metadataKey = "authorization";
  private boolean discovered;
  private String token;
  private Instant expiry = Instant.MIN;

  ClientCredentialsTokens(AdminAuth.ClientCredentials auth, Duration callTimeout, Duration tokenTimeout,
      Optional<Path> caCertFile) throws RegistrationException {
    this.auth = auth;
    this.callTimeout = callTimeout;
    this.tokenTimeout = tokenTimeout;
    this.tokenEndpoint = auth.tokenUrl().orElse(null);
    this.scopes = auth.scopes();
    this.audience = auth.audience();
    // HTTP/1.1: token endpoints all speak it, and an http:// endpoint gets no h2c upgrade attempt.
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(tokenTimeout)
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (caCertFile.isPresent()) {
      builder.sslContext(CaCertificates.sslContext(caCertFile.get()));
    }
    this.http = builder.build();
  }

  @Override
  public synchronized String token(Channel channel) throws RegistrationException {
    if (token != null && Instant.now().isBefore(expiry.minus(EXPIRY_MARGIN))) {
      return token;
    }
    if (!discovered) {
      discover(channel);
      discovered = true;
    }
    return fetch();
  }

  @Override
  public synchronized String metadataKey() {
    return metadataKey;
  }

  @Override
  public synchronized void invalidate(String refused) {
    if (refused != null && refused.equals(token)) {
      token = null;
    }
  }

  private void discover(Channel channel) throws RegistrationException {
    if (tokenEndpoint == null) {
      OAuth2MetadataResponse metadata;
      try {
        metadata = ClientCalls.blockingUnaryCall(channel, AdminMethods.GET_OAUTH2_METADATA,
            options(), OAuth2MetadataRequest.getDefaultInstance());
      } catch (StatusRuntimeException e) {
        throw new RegistrationException("cannot discover the token endpoint through FlyteAdmin's "
            + "AuthMetadataService.GetOAuth2Metadata: " + Statuses.describe(e.getStatus())
            + " (give admin.tokenUrl to skip discovery)", e);
      }
      if (metadata.getTokenEndpoint().isBlank()) {
        throw new RegistrationException(
            "FlyteAdmin's OAuth2 metadata names no token endpoint (give admin.tokenUrl)");
      }
      try {
        tokenEndpoint = URI.create(metadata.getTokenEndpoint().strip());
      } catch (IllegalArgumentException e) {
        throw new RegistrationException(
            "FlyteAdmin's OAuth2 metadata names a token endpoint that is no URL: " + e.getMessage());
      }
    }
    try {
      PublicClientAuthConfigResponse config = ClientCalls.blockingUnaryCall(channel,
          AdminMethods.GET_PUBLIC_CLIENT_CONFIG, options(), PublicClientAuthConfigRequest.getDefaultInstance());
      if (scopes.isEmpty()) {
        scopes = List.copyOf(config.getScopesList());
      }
      if (audience.isEmpty()) {
        audience = config.getAudience();
      }
      // FlyteAdmin's default is flyte-authorization (its grpcAuthorizationHeader), which it reads
      // before the standard key; a key gRPC could not carry as text is ignored.
      String key = config.getAuthorizationMetadataKey().strip().toLowerCase(java.util.Locale.ROOT);
      if (key.matches("[a-z0-9_.-]+") && !key.endsWith("-bin") && !key.startsWith("grpc-")) {
        metadataKey = key;
      }
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED
          && e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw new RegistrationException("cannot read FlyteAdmin's public client config: "
            + Statuses.describe(e.getStatus()), e);
      }
    }
    if (!"https".equalsIgnoreCase(tokenEndpoint.getScheme())
        && !"http".equalsIgnoreCase(tokenEndpoint.getScheme())) {
      throw new RegistrationException("the token endpoint " + tokenEndpoint + " is no http(s) URL");
    }
  }

  private String fetch() throws RegistrationException {
    String secret = auth.secret().read();
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    if (!scopes.isEmpty()) {
      form.append("&scope=").append(encode(String.join(" ", scopes)));
    }
    if (!audience.isEmpty()) {
      form.append("&audience=").append(encode(audience));
    }
    // RFC 6749 2.3.1: client id and secret are form-encoded, then joined for HTTP Basic.
    String basic = Base64.getEncoder().encodeToString(
        (encode(auth.clientId()) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
        .timeout(tokenTimeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RegistrationException("cannot reach the token endpoint " + tokenEndpoint + ": "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistrationException("interrupted while asking the token endpoint " + tokenEndpoint);
    }
    Map<?, ?> body = parseJson(response.body());
    if (response.statusCode() != 200) {
      Object error = body.get("error");
      // Only the OAuth2 error code is repeated: it is an ASCII token, never an echo of the request.
      String code = error instanceof String s && s.matches("[A-Za-z0-9_.-]{1,64}") ? " " + s : "";
      throw new RegistrationException("the token endpoint " + tokenEndpoint + " refused client '"
          + auth.clientId() + "': HTTP " + response.statusCode() + code
          + (response.statusCode() == 401 || "invalid_client".equals(error)
              ? " (check the client id and secret)" : ""));
    }
    if (!(body.get("access_token") instanceof String accessToken) || accessToken.isBlank()) {
      throw new RegistrationException(
          "the token endpoint " + tokenEndpoint + " answered without an access_token");
    }
    Duration lifetime = DEFAULT_LIFETIME;
    if (body.get("expires_in") instanceof Number seconds && seconds.longValue() > 0) {
      lifetime = Duration.ofSeconds(seconds.longValue());
    }
    token = accessToken;
    expiry = Instant.now().plus(lifetime);
    return token;
  }

  private CallOptions options() {
    return CallOptions.DEFAULT.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** JSON is YAML 1.2, so the YAML parser the config file needs reads token responses too. */
  private static Map<?, ?> parseJson(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      Object parsed = new Load(LoadSettings.builder().build()).loadFromString(text);
      return parsed instanceof Map<?, ?> map ? map : Map.of();
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
