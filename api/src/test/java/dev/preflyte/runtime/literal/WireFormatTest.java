package dev.preflyte.runtime.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.preflyte.runtime.types.FlyteDirectory;
import dev.preflyte.runtime.types.FlyteFile;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Byte-level checks of literals against encodings worked out by hand from the flyteidl field numbers,
 * for messages without maps (whose entry order is not canonical).
 */
class WireFormatTest {

  private static String hex(com.google.protobuf.MessageLite message) {
    return HexFormat.of().formatHex(message.toByteArray());
  }

  @Test
  void optionalIntHoldingFive() {
    // Literal{scalar{union{value{scalar{primitive{integer 5}}}, type{simple INTEGER, structure{tag "int"}}}}}
    assertEquals("0a154a130a060a040a020805120908015a050a03696e74",
        hex(LiteralCodecs.optionalOf(LiteralCodecs.int64()).encode(Optional.of(5L), null)));
  }

  @Test
  void optionalIntHoldingNone() {
    // Literal{scalar{union{value{scalar{none_type{}}}, type{simple NONE, structure{tag "none"}}}}}
    assertEquals("0a144a120a040a022a00120a08005a060a046e6f6e65",
        hex(LiteralCodecs.optionalOf(LiteralCodecs.int64()).encode(Optional.empty(), null)));
  }

  @Test
  void fileAndDirectoryReferences() {
    // Literal{scalar{blob{metadata{type{}}, uri "s3://b/k"}}}
    assertEquals("0a10120e0a020a001a0873333a2f2f622f6b",
        hex(LiteralCodecs.file().encode(FlyteFile.ofUri("s3://b/k"), null)));
    // Literal{scalar{blob{metadata{type{dimensionality MULTIPART}}, uri "s3://b/k"}}}
    assertEquals("0a1212100a040a0210011a0873333a2f2f622f6b",
        hex(LiteralCodecs.directory().encode(FlyteDirectory.ofUri("s3://b/k"), null)));
  }

  @Test
  void enumValue() {
    // Literal{scalar{primitive{string_value "GREEN"}}}
    assertEquals("0a090a071a05475245454e",
        hex(LiteralCodecs.enumOf(ContainerCodecsTest.Color.class).encode(ContainerCodecsTest.Color.GREEN, null)));
  }
}
