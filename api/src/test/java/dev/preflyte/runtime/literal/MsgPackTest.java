package dev.preflyte.runtime.literal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bytes checked against the MessagePack specification and what Python's msgpack.packb writes. */
class MsgPackTest {

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  private static void assertEncodes(Object plain, String hex) {
    assertArrayEquals(hex(hex), MsgPackWriter.write(plain), () -> "encoding " + plain);
    Object back = MsgPackReader.read(hex(hex));
    if (plain instanceof Integer i) {
      assertEquals((long) i, back);
    } else if (plain instanceof byte[] bytes) {
      assertArrayEquals(bytes, (byte[]) back);
    } else {
      assertEquals(plain, back);
    }
  }

  @Test
  void integersUseTheSmallestEncoding() {
    assertEncodes(0L, "00");
    assertEncodes(127L, "7f");
    assertEncodes(128L, "cc 80");
    assertEncodes(255L, "cc ff");
    assertEncodes(256L, "cd 0100");
    assertEncodes(65535L, "cd ffff");
    assertEncodes(65536L, "ce 00010000");
    assertEncodes(4294967295L, "ce ffffffff");
    assertEncodes(4294967296L, "cf 0000000100000000");
    assertEncodes(Long.MAX_VALUE, "cf 7fffffffffffffff");
    assertEncodes(-1L, "ff");
    assertEncodes(-32L, "e0");
    assertEncodes(-33L, "d0 df");
    assertEncodes(-128L, "d0 80");
    assertEncodes(-129L, "d1 ff7f");
    assertEncodes(-32768L, "d1 8000");
    assertEncodes(-32769L, "d2 ffff7fff");
    assertEncodes((long) Integer.MIN_VALUE, "d2 80000000");
    assertEncodes(Integer.MIN_VALUE - 1L, "d3 ffffffff7fffffff");
    assertEncodes(Long.MIN_VALUE, "d3 8000000000000000");
  }

  @Test
  void uint64AboveLongRangeIsABigInteger() {
    BigInteger max = new BigInteger("18446744073709551615");
    assertEncodes(max, "cf ffffffffffffffff");
    assertEquals(new BigInteger("9223372036854775808"), MsgPackReader.read(hex("cf 8000000000000000")));
    assertThrows(IllegalArgumentException.class, () -> MsgPackWriter.write(max.add(BigInteger.ONE)));
  }

  @Test
  void otherScalars() {
    assertEncodes(null, "c0");
    assertEncodes(true, "c3");
    assertEncodes(false, "c2");
    assertEncodes(1.5, "cb 3ff8000000000000");
    assertEncodes(Double.NaN, "cb 7ff8000000000000");
    assertEncodes(Double.NEGATIVE_INFINITY, "cb fff0000000000000");
    assertEquals(1.5, MsgPackReader.read(hex("ca 3fc00000")));
    assertEncodes("", "a0");
    assertEncodes("é", "a2 c3a9");
    assertEncodes("x".repeat(31), "bf" + "78".repeat(31));
    assertEncodes("x".repeat(32), "d9 20" + "78".repeat(32));
    assertEncodes("x".repeat(256), "da 0100" + "78".repeat(256));
    assertEncodes(new byte[] {1, 2}, "c4 02 0102");
    assertEncodes(new byte[256], "c5 0100" + "00".repeat(256));
  }

  @Test
  void containers() {
    assertEncodes(List.of(), "90");
    assertEncodes(List.of(1L, "a"), "92 01 a161");
    assertEncodes(Collections.nCopies(16, 0L), "dc 0010" + "00".repeat(16));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1L);
    map.put("b", Arrays.asList(null, true));
    assertEncodes(map, "82 a161 01 a162 92 c0 c3");
    Map<String, Object> big = new LinkedHashMap<>();
    for (int i = 0; i < 16; i++) {
      big.put(Integer.toHexString(i), (long) i);
    }
    StringBuilder expected = new StringBuilder("de 0010");
    for (int i = 0; i < 16; i++) {
      expected.append(String.format("a1%02x%02x", (int) Integer.toHexString(i).charAt(0), i));
    }
    assertEncodes(big, expected.toString());
  }

  @Test
  void malformedInputIsRejectedWithThePosition() {
    assertEquals("malformed msgpack at byte 1 of 3: truncated: needs 4 more bytes, 2 left",
        assertThrows(LiteralConversionException.class, () -> MsgPackReader.read(hex("ce 0001"))).getMessage());
    assertEquals("malformed msgpack at byte 1 of 2: 1 bytes left after the value",
        assertThrows(LiteralConversionException.class, () -> MsgPackReader.read(hex("01 02"))).getMessage());
    assertEquals("malformed msgpack at byte 0 of 3: unsupported type byte 0xd4",
        assertThrows(LiteralConversionException.class, () -> MsgPackReader.read(hex("d4 01 02"))).getMessage());
    assertEquals("malformed msgpack at byte 1 of 3: map key is integer 1, only string keys are supported",
        assertThrows(LiteralConversionException.class, () -> MsgPackReader.read(hex("81 01 02"))).getMessage());
    assertEquals("malformed msgpack at byte 1 of 2: str is not valid UTF-8",
        assertThrows(LiteralConversionException.class, () -> MsgPackReader.read(hex("a1 ff"))).getMessage());
    assertThrows(LiteralConversionException.class, () -> MsgPackReader.read(new byte[0]));
    assertThrows(LiteralConversionException.class, () -> MsgPackReader.read(hex("dd 7fffffff")));
    byte[] deep = new byte[1000];
    Arrays.fill(deep, (byte) 0x91);
    assertThrows(LiteralConversionException.class, () -> MsgPackReader.read(deep));
  }
}
