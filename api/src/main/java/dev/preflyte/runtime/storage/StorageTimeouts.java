package dev.preflyte.runtime.storage;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a remote storage call may take, the same for every backend: to connect, to the first
 * byte of an answer (and between bytes), and in all, retries included. Read from the environment or
 * from system properties (which win), for example {@code PREFLYTE_STORAGE_DEADLINE=2m}:
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>variable</th><th>system property</th><th>default</th></tr>
 *   <tr><td>{@code PREFLYTE_STORAGE_CONNECT_TIMEOUT}</td><td>{@code preflyte.storage.connectTimeout}</td><td>10 s</td></tr>
 *   <tr><td>{@code PREFLYTE_STORAGE_READ_TIMEOUT}</td><td>{@code preflyte.storage.readTimeout}</td><td>30 s</td></tr>
 *   <tr><td>{@code PREFLYTE_STORAGE_DEADLINE}</td><td>{@code preflyte.storage.deadline}</td><td>10 min</td></tr>
 *   <tr><td>{@code PREFLYTE_STORAGE_MAX_ATTEMPTS}</td><td>{@code preflyte.storage.maxAttempts}</td><td>3</td></tr>
 * </table>
 *
 * <p>Durations are a number with {@code ms}, {@code s}, {@code m} or {@code h}, a plain number of
 * seconds, or ISO-8601 ({@code PT30S}).
 *
 * @param connect the longest wait for a connection
 * @param read the longest wait for the first byte of an answer, and between two bytes
 * @param deadline the longest a whole call may take, every try and wait between tries included; a
 *     stream from {@link Storage#open} may spend this long waiting for bytes in all
 * @param maxAttempts tries of a request before its failure is reported
 */
public record StorageTimeouts(Duration connect, Duration read, Duration deadline, int maxAttempts) {

  public static final String CONNECT_TIMEOUT = "PREFLYTE_STORAGE_CONNECT_TIMEOUT";
  public static final String READ_TIMEOUT = "PREFLYTE_STORAGE_READ_TIMEOUT";
  public static final String DEADLINE = "PREFLYTE_STORAGE_DEADLINE";
  public static final String MAX_ATTEMPTS = "PREFLYTE_STORAGE_MAX_ATTEMPTS";

  /** The defaults: long enough for multi-gigabyte objects, short enough that a dead endpoint costs minutes, not hours. */
  public static final StorageTimeouts DEFAULTS =
      new StorageTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(10), 3);

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

  public StorageTimeouts {
    requirePositive(connect, "connect timeout");
    requirePositive(read, "read timeout");
    requirePositive(deadline, "deadline");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /** The settings in {@code environment} and the system properties, else the {@link #DEFAULTS}. */
  public static StorageTimeouts fromEnvironment(Map<String, String> environment) {
    return new StorageTimeouts(
        duration(environment, CONNECT_TIMEOUT, "preflyte.storage.connectTimeout", DEFAULTS.connect),
        duration(environment, READ_TIMEOUT, "preflyte.storage.readTimeout", DEFAULTS.read),
        duration(environment, DEADLINE, "preflyte.storage.deadline", DEFAULTS.deadline),
        attempts(environment));
  }

  /** A copy with other connect and read timeouts and number of tries; the deadline stays. */
  public StorageTimeouts withRetries(int attempts, Duration connectTimeout, Duration readTimeout) {
    return new StorageTimeouts(connectTimeout, readTimeout, deadline, attempts);
  }

  /** A copy with another overall deadline. */
  public StorageTimeouts withDeadline(Duration newDeadline) {
    return new StorageTimeouts(connect, read, newDeadline, maxAttempts);
  }

  /** The deadline for messages, such as "the storage deadline of 2 s (PREFLYTE_STORAGE_DEADLINE)". */
  public String describeDeadline() {
    return "the storage deadline of " + format(deadline) + " (" + DEADLINE + ")";
  }

  /** Why a call ended at the deadline, for the message after "cannot read URI: ". */
  public String deadlineReason() {
    return "no complete answer within " + describeDeadline()
        + ": check the network and the storage endpoint, or raise the deadline";
  }

  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 60_000 == 0) {
      return millis / 60_000 + " min";
    }
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static Duration duration(Map<String, String> environment, String variable, String property, Duration fallback) {
    String propertyValue = System.getProperty(property);
    String raw = propertyValue != null && !propertyValue.isBlank() ? propertyValue : environment.get(variable);
    String name = propertyValue != null && !propertyValue.isBlank() ? property : variable;
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    String value = raw.strip().toLowerCase(Locale.ROOT);
    Duration parsed = null;
    Matcher matcher = DURATION.matcher(value);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      String unit = matcher.group(2) == null ? "s" : matcher.group(2);
      parsed = switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofSeconds(amount);
      };
    } else if (value.startsWith("pt")) {
      try {
        parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        parsed = null;
      }
    }
    if (parsed == null || parsed.isZero() || parsed.isNegative()) {
      throw new StorageException(name + " '" + raw + "' is not a positive duration: use e.g. 30s, 500ms, 5m or PT30S");
    }
    return parsed;
  }

  private static int attempts(Map<String, String> environment) {
    String property = System.getProperty("preflyte.storage.maxAttempts");
    String raw = property != null && !property.isBlank() ? property : environment.get(MAX_ATTEMPTS);
    if (raw == null || raw.isBlank()) {
      return DEFAULTS.maxAttempts;
    }
    try {
      int attempts = Integer.parseInt(raw.strip());
      if (attempts >= 1 && attempts <= 20) {
        return attempts;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new StorageException(MAX_ATTEMPTS + " '" + raw + "' is not a number of tries from 1 to 20: use e.g. 3");
  }

  private static void requirePositive(Duration duration, String what) {
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive, was " + duration);
    }
  }
}
