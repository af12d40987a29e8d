package dev.preflyte.runtime.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.FlyteFixtures;
import dev.preflyte.idl.RequiresFlytekitFixtures;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import dev.preflyte.runtime.literal.FlytekitEquivalents.Case;
import dev.preflyte.runtime.literal.FlytekitEquivalents.Customer;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Preflyte's types and literals against those flytekit 1.16.24 wrote for the equivalent Python types
 * ({@code shared/fixtures/flytekit}); skipped, with the reason, where that data is absent. Protobuf
 * equality compares a Struct's fields as a map, so a JSON schema's key order does not matter.
 */
@RequiresFlytekitFixtures
class FlytekitFixturesTest {

  static List<Case> cases() {
    return FlytekitEquivalents.all();
  }

  static Stream<Case> valueCases() {
    return cases().stream().filter(Case::hasValue);
  }

  static LiteralType flytekitType(String name) throws IOException {
    return LiteralType.parseFrom(FlyteFixtures.flytekitBytes("types/" + name + ".pb"));
  }

  static Literal flytekitLiteral(String name) throws IOException {
    return Literal.parseFrom(FlyteFixtures.flytekitBytes("values/" + name + ".pb"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void literalTypeIsFlytekits(Case c) throws IOException {
    assertEquals(flytekitType(c.name()), c.codec().literalType());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueCases")
  void literalIsFlytekitsToTheByte(Case c) throws IOException {
    Literal flytekit = flytekitLiteral(c.name());
    Literal preflyte = c.codec().encode(c.value(), null);
    assertEquals(flytekit, preflyte);
    assertEquals(flytekit.toByteString().size(), preflyte.toByteString().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueCases")
  void decodesFlytekitsLiteral(Case c) throws IOException {
    assertEquals(c.value(), c.codec().decode(flytekitLiteral(c.name()), null));
  }

  @Test
  void aSchemaNamingAPropertyTheRecordLacksIsAnInputMismatch() throws IOException {
    record Customer(String name, boolean active) {}
    Literal flytekit = flytekitLiteral("optional_customer");
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.optionalOf(LiteralCodecs.struct(Customer.class)).decode(flytekit, null));
    assertTrue(e.getMessage().startsWith("input mismatch: expected STRUCT Customer[name, active] ("
        + Customer.class.getName() + "), got STRUCT Customer["), e.getMessage());
    assertTrue(e.getMessage().contains("whose schema has property '"), e.getMessage());
  }

  @Test
  void aValueNamingAPropertyTheRecordLacksIsAnInputMismatch() throws IOException {
    record Customer(String name, boolean active) {}
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.struct(Customer.class).decode(flytekitLiteral("customer"), null));
    assertEquals("input mismatch: expected STRUCT Customer[name, active] (" + Customer.class.getName()
        + "), got STRUCT[name, address, tags, scores, level, since, grace, nickname, referrer, active]"
        + " with property 'address' that " + Customer.class.getName() + " does not have", e.getMessage());
  }

  @Test
  void aSchemaLackingAPropertyTheRecordNeedsIsAnInputMismatch() throws IOException {
    record Customer(String name, String email) {}
    Literal flytekit = flytekitLiteral("optional_customer");
    Struct schema = flytekit.getScalar().getUnion().getType().getMetadata();
    Struct onlyName = schema.toBuilder().putFields("properties", Value.newBuilder().setStructValue(
        Struct.newBuilder().putFields("name", schema.getFieldsOrThrow("properties").getStructValue()
            .getFieldsOrThrow("name"))).build()).build();
    Literal narrowed = flytekit.toBuilder().setScalar(flytekit.getScalar().toBuilder().setUnion(
        flytekit.getScalar().getUnion().toBuilder().setType(
            flytekit.getScalar().getUnion().getType().toBuilder().setMetadata(onlyName)))).build();
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.optionalOf(LiteralCodecs.struct(Customer.class)).decode(narrowed, null));
    assertEquals("input mismatch: expected STRUCT Customer[name, email] (" + Customer.class.getName()
        + "), got STRUCT Customer[name] whose schema lacks property 'email' (STRING) that "
        + Customer.class.getName() + " needs", e.getMessage());
  }

  @Test
  void theJavaRecordsAreTheReadmesEquivalents() {
    assertEquals(10, Customer.class.getRecordComponents().length);
  }
}
