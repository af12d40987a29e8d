package dev.preflyte.register;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An OAuth2 token endpoint on loopback (the JDK's HTTP server) for the client-credentials grant:
 * checks the client id and secret from HTTP Basic, answers 401 invalid_client otherwise, and
 * issues numbered tokens. Its 401 body echoes what it was sent, to show the client never repeats it.
 */
final class TokenEndpointStandIn implements AutoCloseable {

  private final HttpServer server;
  private final String clientId;
  private final String secret;
  private final String tokenPrefix;
  private final AtomicInteger issued = new AtomicInteger();
  private final List<String> scopes = new CopyOnWriteArrayList<>();
  private volatile long expiresIn = 3600;

  TokenEndpointStandIn(String clientId, String secret, String tokenPrefix) {
    this(clientId, secret, tokenPrefix, null);
  }

  /** Over HTTPS with {@code tls}'s certificate when {@code tls} is not null. */
  TokenEndpointStandIn(String clientId, String secret, String tokenPrefix, SSLContext tls) {
    this.clientId = clientId;
    this.secret = secret;
    this.tokenPrefix = tokenPrefix;
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    try {
      if (tls == null) {
        server = HttpServer.create(loopback, 0);
      } else {
        HttpsServer https = HttpsServer.create(loopback, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/oauth2/token", this::token);
    server.start();
  }

  String url() {
    return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:"
        + server.getAddress().getPort() + "/oauth2/token";
  }

  /** The token the {@code n}th request (from 1) received. */
  String token(int n) {
    return tokenPrefix + "-" + n;
  }

  int issued() {
    return issued.get();
  }

  /** The scope parameter of each request, "" when absent. */
  List<String> scopes() {
    return List.copyOf(scopes);
  }

  void expiresIn(long seconds) {
    this.expiresIn = seconds;
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      String sentId = "";
      String sentSecret = "";
      if (authorization != null && authorization.startsWith("Basic ")) {
        String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        sentId = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
        sentSecret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
      }
      if (!"POST".equals(exchange.getRequestMethod())
          || !"client_credentials".equals(form.get("grant_type"))) {
        send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
        return;
      }
      if (!clientId.equals(sentId) || !secret.equals(sentSecret)) {
        send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"client " + sentId
            + " with secret " + sentSecret + " is unknown\"}");
        return;
      }
      scopes.add(form.getOrDefault("scope", ""));
      String token = token(issued.incrementAndGet());
      send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":"
          + expiresIn + "}");
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
