package dev.preflyte.runtime.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for AWS STS on loopback that answers {@code AssumeRoleWithWebIdentity} as STS does
 * (the query protocol: a form-encoded POST, an XML answer), handing out the temporary credentials it
 * is given. Point the AWS SDK at it with {@code AWS_ENDPOINT_URL_STS}. Any other action is answered
 * with STS's error document and HTTP 400.
 */
public final class StsStandIn implements AutoCloseable {

  /** Temporary credentials to hand out. */
  public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {}

  private final HttpServer server;
  private final Credentials credentials;
  private final List<Map<String, String>> calls = new CopyOnWriteArrayList<>();

  private StsStandIn(HttpServer server, Credentials credentials) {
    this.server = server;
    this.credentials = credentials;
  }

  public static StsStandIn start(Credentials credentials) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      StsStandIn sts = new StsStandIn(server, credentials);
      server.createContext("/", sts::answer);
      server.start();
      return sts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The form parameters of every call so far. */
  public List<Map<String, String>> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    Map<String, String> form = new LinkedHashMap<>();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    calls.add(form);
    String xml;
    int status;
    if ("POST".equals(exchange.getRequestMethod()) && "AssumeRoleWithWebIdentity".equals(form.get("Action"))
        && form.get("RoleArn") != null && form.get("WebIdentityToken") != null) {
      status = 200;
      String session = form.getOrDefault("RoleSessionName", "session");
      xml = "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
          + "<AssumeRoleWithWebIdentityResult>"
          + "<SubjectFromWebIdentityToken>system:serviceaccount:flyte:default</SubjectFromWebIdentityToken>"
          + "<Audience>sts.amazonaws.com</Audience>"
          + "<AssumedRoleUser><Arn>" + form.get("RoleArn").replace(":role/", ":assumed-role/") + "/" + session
          + "</Arn><AssumedRoleId>AROASTANDIN:" + session + "</AssumedRoleId></AssumedRoleUser>"
          + "<Credentials><SessionToken>" + credentials.sessionToken() + "</SessionToken>"
          + "<SecretAccessKey>" + credentials.secretAccessKey() + "</SecretAccessKey>"
          + "<Expiration>" + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "</Expiration>"
          + "<AccessKeyId>" + credentials.accessKeyId() + "</AccessKeyId></Credentials>"
          + "<Provider>arn:aws:iam::123456789012:oidc-provider/stand-in</Provider>"
          + "</AssumeRoleWithWebIdentityResult>"
          + "<ResponseMetadata><RequestId>stand-in-" + calls.size() + "</RequestId></ResponseMetadata>"
          + "</AssumeRoleWithWebIdentityResponse>";
    } else {
      status = 400;
      xml = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
          + "<Code>InvalidAction</Code><Message>the stand-in answers AssumeRoleWithWebIdentity only</Message>"
          + "</Error><RequestId>stand-in</RequestId></ErrorResponse>";
    }
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
