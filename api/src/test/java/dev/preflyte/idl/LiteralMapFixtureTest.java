package dev.preflyte.idl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The LiteralMap flytekit wrote for {@code {a: 30, b: 0}}. */
class LiteralMapFixtureTest {

  private static Literal integer(long value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(value)))
        .build();
  }

  @Test
  void decodesToTwoIntegersAndReencodesByteForByte() throws Exception {
    byte[] bytes = FlyteFixtures.read(FlyteFixtures.file("literalmaps/a30_b0.pb"));
    assertEquals(26, bytes.length);
    // Byte for byte the encoding the wire facts give for it.
    assertEquals(WireEncodingTest.LITERAL_MAP_A30_B0, WireEncodingTest.hex(bytes));

    LiteralMap map = LiteralMap.parseFrom(bytes);

    assertEquals(List.of(), UnknownFields.find(map));
    assertEquals(Map.of("a", integer(30), "b", integer(0)), map.getLiteralsMap());
    // b = 0 is present as an explicitly set oneof member, not an empty literal.
    assertEquals(Primitive.ValueCase.INTEGER, map.getLiteralsOrThrow("b").getScalar().getPrimitive().getValueCase());
    assertArrayEquals(bytes, map.toByteArray());
  }
}
