package dev.preflyte.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 proxy on loopback that injects faults between a storage client and its server (the
 * S3 test server, Azurite, the GCS stand-in), for any backend's tests.
 *
 * <p>Every request gets a connection of its own to the server and its answer is sent with {@code
 * Connection: close}, so each request meets exactly the {@link Fault} the {@link Rule} picks for it:
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(s3.endpoint())) {
 *   proxy.rule(FaultProxy.firstRequests(2, Fault.status(503, "SlowDown")));  // then pass
 *   env.put("FLYTE_AWS_ENDPOINT", proxy.endpoint().toString());
 *   ...
 *   proxy.requests();   // what the client sent: method, path, headers
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

  /** A request as the client sent it. Header names are in lower case. */
  public record Request(int index, String method, String target, Map<String, String> headers) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Picks the fault for each request. */
  @FunctionalInterface
  public interface Rule {
    Fault pick(Request request);
  }

  /** What the proxy does with one request. */
  public sealed interface Fault {
    /** Forward the request and its answer unchanged. */
    static Fault pass() {
      return new Pass();
    }

    /** Answer {@code status} with an S3-style XML error {@code code} and forward nothing. */
    static Fault status(int status, String code) {
      return new Status(status, code);
    }

    /** Forward, then send the answer's head and half its body and drop the connection. */
    static Fault dropMidBody() {
      return new DropMidBody();
    }

    /** Forward the request's head and half its body, then drop both connections. */
    static Fault cutRequest() {
      return new CutRequest();
    }

    /** Wait {@code delay}, then forward. */
    static Fault latency(Duration delay) {
      return new Latency(delay);
    }

    /** Read the request and never answer. */
    static Fault stall() {
      return new Stall();
    }

    /** Forward, then send the answer one byte every {@code interval}. */
    static Fault trickle(Duration interval) {
      return new Trickle(interval);
    }
  }

  record Pass() implements Fault {}

  record Status(int status, String code) implements Fault {}

  record DropMidBody() implements Fault {}

  record CutRequest() implements Fault {}

  record Latency(Duration delay) implements Fault {}

  record Stall() implements Fault {}

  record Trickle(Duration interval) implements Fault {}

  /** Every request passes. */
  public static Rule passAll() {
    return request -> Fault.pass();
  }

  /** Every request meets {@code fault}. */
  public static Rule always(Fault fault) {
    return request -> fault;
  }

  /** The first {@code count} requests meet {@code fault}, later ones pass. */
  public static Rule firstRequests(int count, Fault fault) {
    return request -> request.index() < count ? fault : Fault.pass();
  }

  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private volatile Rule rule = passAll();
  private volatile boolean closed;

  private FaultProxy(ServerSocket listener, InetSocketAddress upstream) {
    this.listener = listener;
    this.upstream = upstream;
  }

  /** Starts a proxy to the HTTP server at {@code upstream} ({@code http://host:port}). */
  public static FaultProxy start(URI upstream) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      FaultProxy proxy = new FaultProxy(listener, new InetSocketAddress(upstream.getHost(), upstream.getPort()));
      Thread acceptor = new Thread(proxy::accept, "fault-proxy-" + listener.getLocalPort());
      acceptor.setDaemon(true);
      acceptor.start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** Sets the rule for requests from now on; the request count goes on. */
  public FaultProxy rule(Rule newRule) {
    this.rule = newRule;
    return this;
  }

  /** Every request seen so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        open.add(client);
        Thread handler = new Thread(() -> handle(client), "fault-proxy-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      if (head == null) {
        return;
      }
      List<String> lines = head.lines().toList();
      String[] requestLine = lines.get(0).split(" ", 3);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
      }
      Request request = new Request(count.getAndIncrement(), requestLine[0], requestLine[1], headers);
      requests.add(request);
      Fault fault = rule.pick(request);
      if ("100-continue".equalsIgnoreCase(request.header("expect"))) {
        client.getOutputStream().write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
      }
      byte[] body = readBody(in, headers);
      if (fault instanceof Status status) {
        answer(client.getOutputStream(), status, request);
      } else if (fault instanceof Stall) {
        waitUntilClosed(client);
      } else {
        if (fault instanceof Latency latency) {
          sleep(latency.delay());
        }
        forward(client, lines, body, fault);
      }
    } catch (IOException e) {
      // the client or the server went away: nothing more to do for this connection
    } finally {
      open.remove(client);
    }
  }

  private void forward(Socket client, List<String> lines, byte[] body, Fault fault) throws IOException {
    byte[] answer;
    try (Socket server = new Socket()) {
      server.connect(upstream, 10_000);
      open.add(server);
      OutputStream out = server.getOutputStream();
      StringBuilder head = new StringBuilder(lines.get(0)).append("\r\n");
      for (String line : lines.subList(1, lines.size())) {
        String name = line.contains(":") ? line.substring(0, line.indexOf(':')).strip() : "";
        if (!name.equalsIgnoreCase("connection") && !name.equalsIgnoreCase("expect")
            && !name.equalsIgnoreCase("transfer-encoding") && !name.equalsIgnoreCase("content-length")) {
          head.append(line).append("\r\n");
        }
      }
      // The body is forwarded whole (de-chunked), with its length.
      if (body.length > 0 || !lines.get(0).startsWith("GET") && !lines.get(0).startsWith("HEAD")) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (fault instanceof CutRequest) {
        out.write(body, 0, body.length / 2);
        out.flush();
        server.setSoLinger(true, 0);
        client.setSoLinger(true, 0);
        return; // both connections reset: the server never sees the whole body
      }
      out.write(body);
      out.flush();
      answer = server.getInputStream().readAllBytes();
    } finally {
      open.removeIf(Socket::isClosed);
    }
    OutputStream toClient = client.getOutputStream();
    if (fault instanceof DropMidBody) {
        int headEnd = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) + 4;
        int cut = headEnd + Math.max(1, (answer.length - headEnd) / 2);
        toClient.write(answer, 0, Math.min(cut, answer.length - 1));
        toClient.flush();
        client.setSoLinger(true, 0); // a reset, as a dropped connection looks to the client
    } else if (fault instanceof Trickle trickle) {
        for (byte b : answer) {
          toClient.write(b);
          toClient.flush();
          sleep(trickle.interval());
          if (closed) {
            return;
          }
        }
    } else {
      toClient.write(answer);
    }
    toClient.flush();
  }

  private static void answer(OutputStream out, Status status, Request request) throws IOException {
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + status.code()
        + "</Code><Message>injected by the fault proxy</Message><RequestId>fault-" + request.index()
        + "</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status.status() + " " + status.code() + "\r\n"
        + "Content-Type: application/xml\r\nContent-Length: " + xml.length + "\r\n"
        + "x-ms-error-code: " + status.code() + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    if (!request.method().equalsIgnoreCase("HEAD")) {
      out.write(xml);
    }
    out.flush();
  }

  private void waitUntilClosed(Socket client) throws IOException {
    InputStream in = client.getInputStream();
    while (!closed && in.read() >= 0) {
      // hold the connection, answer nothing
    }
  }

  /** The request head up to its blank line, or null at end of stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
      }
    }
    return null;
  }

  /** The request body: by Content-Length, or de-chunked. */
  private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
    String length = headers.get("content-length");
    if (length != null) {
      return in.readNBytes(Integer.parseInt(length.strip()));
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = readLine(in);
        int chunk = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
        if (chunk == 0) {
          while (!readLine(in).isEmpty()) {
            // trailers: dropped
          }
          return body.toByteArray();
        }
        body.write(in.readNBytes(chunk));
        readLine(in); // the CRLF after the chunk
      }
    }
    return new byte[0];
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    if (b < 0) {
      throw new IOException("the request ended inside a chunked body");
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static int indexOf(byte[] bytes, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing for good: nothing to report
    }
  }

  /** The requests whose method and target start as given, for assertions. */
  public List<Request> requests(String method, String targetPrefix) {
    List<Request> matching = new ArrayList<>();
    for (Request request : requests) {
      if (request.method().equalsIgnoreCase(method) && request.target().startsWith(targetPrefix)) {
        matching.add(request);
      }
    }
    return matching;
  }
}
