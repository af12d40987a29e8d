package dev.preflyte.runtime.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * A stand-in for Google Cloud Storage on loopback, not GCS itself: no GCS emulator runs here, so
 * this implements, from Google's JSON API documentation, only what {@code GcsStorage} asks of it
 * through Google's client library: object metadata get, media download ({@code alt=media}) with
 * {@code Range} and {@code generation}, multipart and resumable uploads (an object appears only
 * when its upload completes), list with {@code prefix}, {@code maxResults} and {@code pageToken},
 * delete, and the statuses 401 (a bearer token other than the expected one), 404 (no bucket, no
 * object) and 503 (injected with {@link #failNext}).
 */
public final class GcsStandInServer implements AutoCloseable {

  private static final Pattern OBJECT = Pattern.compile("(?:/download)?/storage/v1/b/([^/]+)/o/(.+)");
  private static final Pattern OBJECTS = Pattern.compile("/(?:upload/)?storage/v1/b/([^/]+)/o/?");
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");

  private final HttpServer server;
  private final String token;
  private final Set<String> buckets = ConcurrentHashMap.newKeySet();
  private final Map<String, NavigableMap<String, StoredObject>> objects = new ConcurrentHashMap<>();
  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
  private final AtomicLong generations = new AtomicLong(1_000);
  private final AtomicInteger failures = new AtomicInteger();
  private volatile int failureStatus;
  private volatile int pageSize = 1000;

  private record StoredObject(String bucket, String name, byte[] bytes, long generation) {}

  private static final class Upload {
    final String bucket;
    final String name;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();

    Upload(String bucket, String name) {
      this.bucket = bucket;
      this.name = name;
    }
  }

  /** Starts on a free loopback port; requests must carry {@code Authorization: Bearer <token>}, or none if null. */
  public GcsStandInServer(String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newFixedThreadPool(8, r -> {
      Thread thread = new Thread(r, "gcs-stand-in");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}: the value for {@code STORAGE_EMULATOR_HOST}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void createBucket(String bucket) {
    buckets.add(bucket);
    objects.put(bucket, new ConcurrentSkipListMap<>());
  }

  /** Lists at most {@code size} objects a page (GCS: 1000), so tests reach later pages with few objects. */
  public void pageSize(int size) {
    pageSize = size;
  }

  /** Answers the next {@code count} requests with {@code status} (such as 503). */
  public void failNext(int count, int status) {
    failureStatus = status;
    failures.set(count);
  }

  /** The stored bytes of an object, or null. */
  public byte[] object(String bucket, String name) {
    StoredObject object = objects.getOrDefault(bucket, new ConcurrentSkipListMap<>()).get(name);
    return object == null ? null : object.bytes();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      serve(exchange);
    } catch (RuntimeException | IOException e) {
      e.printStackTrace(); // a bug in the stand-in: show it in the test output
      throw e;
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
      }
      if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        error(exchange, failureStatus, "injected failure");
        return;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (token != null && !("Bearer " + token).equals(auth)) {
        error(exchange, 401, "Invalid Credentials");
        return;
      }
      String path = exchange.getRequestURI().getRawPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String method = exchange.getRequestMethod();
      if (query.containsKey("upload_id")) {
        resumableChunk(exchange, query.get("upload_id"), body);
        return;
      }
      Matcher object = OBJECT.matcher(path);
      Matcher list = OBJECTS.matcher(path);
      if (object.matches()) {
        String bucket = decode(object.group(1));
        String name = decode(object.group(2));
        if (!buckets.contains(bucket)) {
          error(exchange, 404, "The specified bucket does not exist.");
          return;
        }
        StoredObject stored = objects.get(bucket).get(name);
        if (stored == null || (query.containsKey("generation")
            && Long.parseLong(query.get("generation")) != stored.generation())) {
          error(exchange, 404, "No such object: " + bucket + "/" + name);
        } else if (method.equals("DELETE")) {
          objects.get(bucket).remove(name);
          exchange.sendResponseHeaders(204, -1);
        } else if ("media".equals(query.get("alt"))) {
          media(exchange, stored);
        } else {
          json(exchange, 200, metadata(stored));
        }
      } else if (list.matches()) {
        String bucket = decode(list.group(1));
        if (!buckets.contains(bucket)) {
          error(exchange, 404, "The specified bucket does not exist.");
        } else if (method.equals("GET")) {
          list(exchange, bucket, query);
        } else if ("multipart".equals(query.get("uploadType"))) {
          multipart(exchange, bucket, body);
        } else if ("resumable".equals(query.get("uploadType"))) {
          String name = query.containsKey("name") ? query.get("name") : jsonField(new String(body, StandardCharsets.UTF_8), "name");
          String id = UUID.randomUUID().toString();
          uploads.put(id, new Upload(bucket, name));
          exchange.getResponseHeaders().add("Location", endpoint() + "/upload/storage/v1/b/" + bucket
              + "/o?uploadType=resumable&upload_id=" + id);
          exchange.sendResponseHeaders(200, -1);
        } else {
          error(exchange, 400, "unsupported request");
        }
      } else {
        error(exchange, 400, "unsupported path " + path);
      }
    }
  }

  private void media(HttpExchange exchange, StoredObject stored) throws IOException {
    byte[] bytes = stored.bytes();
    headers(exchange, stored);
    String range = exchange.getRequestHeaders().getFirst("Range");
    Matcher m = range == null ? null : RANGE.matcher(range);
    if (m != null && m.matches()) {
      long start = Long.parseLong(m.group(1));
      long end = m.group(2).isEmpty() ? bytes.length - 1 : Math.min(Long.parseLong(m.group(2)), bytes.length - 1);
      if (start >= bytes.length) {
        exchange.getResponseHeaders().add("Content-Range", "bytes */" + bytes.length);
        exchange.sendResponseHeaders(416, -1);
        return;
      }
      exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + end + "/" + bytes.length);
      send(exchange, 206, java.util.Arrays.copyOfRange(bytes, (int) start, (int) end + 1));
    } else {
      send(exchange, 200, bytes);
    }
  }

  private void multipart(HttpExchange exchange, String bucket, byte[] body) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    String boundary = "--" + type.substring(type.indexOf("boundary=") + 9).replace("\"", "");
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String[] parts = text.split(Pattern.quote(boundary));
    String metadata = parts[1].substring(parts[1].indexOf("\r\n\r\n") + 4);
    String media = parts[2].substring(parts[2].indexOf("\r\n\r\n") + 4);
    media = media.substring(0, media.length() - 2); // the CRLF before the closing boundary
    store(exchange, bucket, jsonField(metadata, "name"), media.getBytes(StandardCharsets.ISO_8859_1));
  }

  private void resumableChunk(HttpExchange exchange, String id, byte[] body) throws IOException {
    Upload upload = uploads.get(id);
    if (upload == null) {
      error(exchange, 404, "no such upload");
      return;
    }
    String header = exchange.getRequestHeaders().getFirst("Content-Range");
    Matcher m = header == null ? null : CONTENT_RANGE.matcher(header);
    synchronized (upload) {
      if (m != null && m.matches() && m.group(1) != null && Long.parseLong(m.group(1)) == upload.received.size()) {
        upload.received.write(body);
      }
      long total = m == null || m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
      if (total >= 0 && upload.received.size() == total) {
        uploads.remove(id);
        store(exchange, upload.bucket, upload.name, upload.received.toByteArray());
        return;
      }
      if (upload.received.size() > 0) {
        exchange.getResponseHeaders().add("Range", "bytes=0-" + (upload.received.size() - 1));
      }
      exchange.sendResponseHeaders(308, -1);
    }
  }

  private void store(HttpExchange exchange, String bucket, String name, byte[] bytes) throws IOException {
    StoredObject stored = new StoredObject(bucket, name, bytes, generations.incrementAndGet());
    objects.get(bucket).put(name, stored); // visible only now, complete
    json(exchange, 200, metadata(stored));
  }

  private void list(HttpExchange exchange, String bucket, Map<String, String> query) throws IOException {
    String prefix = query.getOrDefault("prefix", "");
    String after = query.get("pageToken");
    int max = Math.min(pageSize, Integer.parseInt(query.getOrDefault("maxResults", "" + pageSize)));
    List<String> items = new ArrayList<>();
    String next = null;
    String last = null;
    NavigableMap<String, StoredObject> all = objects.get(bucket);
    for (StoredObject stored : (after == null ? all : all.tailMap(after, false)).values()) {
      if (!stored.name().startsWith(prefix)) {
        continue;
      }
      if (items.size() == max) {
        next = last;
        break;
      }
      items.add(metadata(stored));
      last = stored.name();
    }
    json(exchange, 200, "{\"kind\":\"storage#objects\",\"items\":[" + String.join(",", items) + "]"
        + (next == null ? "" : ",\"nextPageToken\":" + quote(next)) + "}");
  }

  private static String metadata(StoredObject stored) {
    CRC32C crc = new CRC32C();
    crc.update(stored.bytes());
    byte[] md5;
    try {
      md5 = MessageDigest.getInstance("MD5").digest(stored.bytes());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String crc32c = Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    return "{\"kind\":\"storage#object\",\"id\":" + quote(stored.bucket() + "/" + stored.name() + "/" + stored.generation())
        + ",\"name\":" + quote(stored.name()) + ",\"bucket\":" + quote(stored.bucket())
        + ",\"generation\":\"" + stored.generation() + "\",\"metageneration\":\"1\""
        + ",\"contentType\":\"application/octet-stream\",\"size\":\"" + stored.bytes().length + "\""
        + ",\"md5Hash\":" + quote(Base64.getEncoder().encodeToString(md5)) + ",\"crc32c\":" + quote(crc32c)
        + ",\"timeCreated\":\"2026-01-01T00:00:00.000Z\",\"updated\":\"2026-01-01T00:00:00.000Z\"}";
  }

  private static void headers(HttpExchange exchange, StoredObject stored) {
    exchange.getResponseHeaders().add("x-goog-generation", Long.toString(stored.generation()));
    exchange.getResponseHeaders().add("x-goog-metageneration", "1");
    exchange.getResponseHeaders().add("x-goog-stored-content-length", Integer.toString(stored.bytes().length));
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
  }

  private static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, "{\"error\":{\"code\":" + status + ",\"message\":" + quote(message)
        + ",\"errors\":[{\"message\":" + quote(message) + ",\"reason\":\"" + (status == 404 ? "notFound"
        : status == 401 ? "authError" : "backendError") + "\"}]}}");
  }

  private static void json(HttpExchange exchange, int status, String json) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return query;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** A string field of a flat JSON object, enough for the upload metadata the client sends. */
  private static String jsonField(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalArgumentException("no " + field + " in " + json);
    }
    return m.group(1).replace("\\/", "/").replace("\\\"", "\"").replace("\\\\", "\\");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
