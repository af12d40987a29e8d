package dev.preflyte.runtime.literal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java equivalents of the Python types and values in {@code shared/fixtures/flytekit} (see its
 * README): one case per fixture name, with the codec Preflyte uses for the Java type and, for the
 * fixtures that have a literal, the Java value.
 */
final class FlytekitEquivalents {

  private FlytekitEquivalents() {}

  enum Level { LOW, HIGH }

  record Address(String street, long zip) {}

  record Customer(String name, Address address, List<String> tags, Map<String, Double> scores, Level level,
      Instant since, Duration grace, Optional<String> nickname, Optional<Address> referrer, boolean active) {}

  static final Customer ADA = new Customer("Ada", new Address("Main St 1", 12345), List.of("a", "b"),
      Map.of("q1", 0.5), Level.HIGH, Instant.parse("2024-05-06T07:08:09.250Z"), Duration.ofMinutes(5),
      Optional.empty(), Optional.of(new Address("Side 2", 99)), true);

  /** A fixture's Java counterpart: the codec and, if the fixture has a literal, the value (else null). */
  record Case(String name, LiteralCodec<Object> codec, Object value, boolean hasValue) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final LiteralCodec<Customer> CUSTOMER = LiteralCodecs.struct(Customer.class);

  /** Every fixture that maps to a Java type Preflyte supports. */
  static List<Case> all() {
    return List.of(
        value("customer", CUSTOMER, ADA),
        value("optional_customer", LiteralCodecs.optionalOf(CUSTOMER), Optional.of(ADA)),
        value("optional_customer_none", LiteralCodecs.optionalOf(CUSTOMER), Optional.empty()),
        value("customers", LiteralCodecs.listOf(CUSTOMER), List.of(ADA)),
        value("customer_by_id", LiteralCodecs.mapOf(CUSTOMER), Map.of("c1", ADA)),
        value("level", LiteralCodecs.enumOf(Level.class), Level.LOW),
        value("optional_int", LiteralCodecs.optionalOf(LiteralCodecs.int64()), Optional.of(5L)),
        value("optional_int_none", LiteralCodecs.optionalOf(LiteralCodecs.int64()), Optional.empty()),
        value("when", LiteralCodecs.datetime(), Instant.parse("2024-05-06T07:08:09.250Z")),
        value("grace", LiteralCodecs.duration(), Duration.ofSeconds(90, 5_000)),
        // Python's plain StructuredDataset declares no format: Java's equivalent names none either.
        type("structured_dataset", LiteralCodecs.structuredDataset("")),
        // The default (Parquet) codec's union variant declares no format, as flytekit's does.
        type("optional_structured_dataset", LiteralCodecs.optionalOf(LiteralCodecs.structuredDataset())),
        type("file", LiteralCodecs.file()),
        type("optional_file", LiteralCodecs.optionalOf(LiteralCodecs.file())),
        type("directory", LiteralCodecs.directory()));
  }

  @SuppressWarnings("unchecked")
  private static <T> Case value(String name, LiteralCodec<T> codec, T value) {
    return new Case(name, (LiteralCodec<Object>) codec, value, true);
  }

  @SuppressWarnings("unchecked")
  private static <T> Case type(String name, LiteralCodec<T> codec) {
    return new Case(name, (LiteralCodec<Object>) codec, null, false);
  }
}
