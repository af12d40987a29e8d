package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.protobuf.Timestamp;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * DATETIME and DURATION codecs, within the ranges protobuf's Timestamp and Duration allow. Inside a
 * struct they take mashumaro's forms: an ISO-8601 string for a datetime, float seconds for a duration.
 */
final class TimeCodecs {

  static final DatetimeCodec DATETIME = new DatetimeCodec();
  static final DurationCodec DURATION = new DurationCodec();

  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z, protobuf Timestamp's valid range. */
  static final Instant MIN_TIMESTAMP = Instant.ofEpochSecond(-62_135_596_800L);
  static final Instant MAX_TIMESTAMP = Instant.ofEpochSecond(253_402_300_799L, 999_999_999);
  /** About 10,000 years, protobuf Duration's valid range in seconds. */
  static final long MAX_DURATION_SECONDS = 315_576_000_000L;

  /** Python's {@code datetime.isoformat()} for an aware UTC datetime, without the fraction. */
  private static final DateTimeFormatter PYTHON_ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private TimeCodecs() {}

  /** {@code Instant} as DATETIME; nanoseconds are kept. */
  static final class DatetimeCodec extends PrimitiveCodec<Instant> {
    DatetimeCodec() {
      super(SimpleType.DATETIME, "datetime");
    }

    @Override
    Primitive toPrimitive(Instant value) {
      checkRange(value);
      Timestamp timestamp = Timestamp.newBuilder().setSeconds(value.getEpochSecond()).setNanos(value.getNano()).build();
      return Primitive.newBuilder().setDatetime(timestamp).build();
    }

    @Override
    Instant fromPrimitive(Primitive primitive, Literal literal) {
      if (primitive.getValueCase() != Primitive.ValueCase.DATETIME) {
        throw mismatch(literal);
      }
      Timestamp t = primitive.getDatetime();
      if (t.getNanos() < 0 || t.getNanos() > 999_999_999) {
        throw new LiteralConversionException("expected DATETIME, got a Timestamp with nanos " + t.getNanos()
            + " outside [0, 999999999]");
      }
      return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    @Override
    Object toPlain(Instant value, LiteralContext context) {
      checkRange(requireNonNull(value));
      OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
      StringBuilder text = new StringBuilder(PYTHON_ISO.format(utc));
      // Python's datetime holds microseconds: flytekit writes six digits (none when zero), and
      // Python 3.10's fromisoformat reads no more, so nanoseconds are cut, toward the past.
      int micros = utc.getNano() / 1000;
      if (micros != 0) {
        text.append('.').append(String.format("%06d", micros));
      }
      return text.append("+00:00").toString();
    }

    @Override
    Instant fromPlain(Object plain, LiteralContext context) {
      if (!(plain instanceof String text)) {
        throw mismatchPlain(plain);
      }
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException withoutOffset) {
        try {
          // A naive datetime, as Python writes one without tzinfo: read it as UTC, like flytekit does.
          return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          throw new LiteralConversionException("expected DATETIME as an ISO-8601 string, got "
              + PlainValues.describe(plain));
        }
      }
    }

    private void checkRange(Instant value) {
      if (value.isBefore(MIN_TIMESTAMP) || value.isAfter(MAX_TIMESTAMP)) {
        throw new LiteralConversionException("expected DATETIME between " + MIN_TIMESTAMP + " and " + MAX_TIMESTAMP
            + " (protobuf Timestamp's range), got " + value);
      }
    }
  }

  /** {@code Duration} as DURATION; negative durations keep seconds and nanos of the same sign. */
  static final class DurationCodec extends PrimitiveCodec<Duration> {
    DurationCodec() {
      super(SimpleType.DURATION, "timedelta");
    }

    @Override
    Primitive toPrimitive(Duration value) {
      checkRange(value);
      long seconds = value.getSeconds();
      int nanos = value.getNano();
      if (seconds < 0 && nanos > 0) {
        // Java keeps nanos positive (-1.5 s = -2 s + 0.5 s); protobuf wants -1 s and -0.5 s.
        seconds += 1;
        nanos -= 1_000_000_000;
      }
      dev.preflyte.idl.protobuf.Duration duration =
          dev.preflyte.idl.protobuf.Duration.newBuilder().setSeconds(seconds).setNanos(nanos).build();
      return Primitive.newBuilder().setDuration(duration).build();
    }

    @Override
    Duration fromPrimitive(Primitive primitive, Literal literal) {
      if (primitive.getValueCase() != Primitive.ValueCase.DURATION) {
        throw mismatch(literal);
      }
      dev.preflyte.idl.protobuf.Duration d = primitive.getDuration();
      return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }

    @Override
    Object toPlain(Duration value, LiteralContext context) {
      checkRange(requireNonNull(value));
      return new BigDecimal(value.getSeconds()).add(BigDecimal.valueOf(value.getNano(), 9)).doubleValue();
    }

    @Override
    Duration fromPlain(Object plain, LiteralContext context) {
      if (plain instanceof Long seconds) {
        return Duration.ofSeconds(seconds);
      }
      if (plain instanceof Double seconds && Double.isFinite(seconds)
          && Math.abs(seconds) <= MAX_DURATION_SECONDS) {
        BigDecimal exact = new BigDecimal(seconds);
        long whole = exact.longValue();
        long nanos = exact.subtract(new BigDecimal(whole)).movePointRight(9)
            .setScale(0, RoundingMode.HALF_EVEN).longValue();
        return Duration.ofSeconds(whole, nanos);
      }
      throw new LiteralConversionException("expected DURATION as a number of seconds, got "
          + PlainValues.describe(plain));
    }

    private void checkRange(Duration value) {
      if (value.compareTo(Duration.ofSeconds(-MAX_DURATION_SECONDS)) < 0
          || value.compareTo(Duration.ofSeconds(MAX_DURATION_SECONDS)) > 0) {
        throw new LiteralConversionException("expected DURATION within +-" + MAX_DURATION_SECONDS
            + " seconds (protobuf Duration's range), got " + value);
      }
    }
  }
}
