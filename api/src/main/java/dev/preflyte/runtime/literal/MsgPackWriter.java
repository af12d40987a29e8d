package dev.preflyte.runtime.literal;

import dev.preflyte.conventions.TextRules;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes plain values (see {@link PlainValues}) as MessagePack, choosing the smallest encoding for each
 * integer and length as Python's msgpack package does; doubles are always float 64, as Python writes
 * them.
 */
final class MsgPackWriter {

  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private MsgPackWriter() {}

  /** The MessagePack bytes of {@code plain}. */
  static byte[] write(Object plain) {
    MsgPackWriter writer = new MsgPackWriter();
    writer.value(plain);
    return writer.out.toByteArray();
  }

  private void value(Object plain) {
    if (plain == null) {
      out.write(0xc0);
    } else if (plain instanceof Boolean b) {
      out.write(b ? 0xc3 : 0xc2);
    } else if (plain instanceof Long l) {
      integer(l);
    } else if (plain instanceof Integer i) {
      integer(i);
    } else if (plain instanceof BigInteger b) {
      bigInteger(b);
    } else if (plain instanceof Double d) {
      out.write(0xcb);
      bigEndian(Double.doubleToRawLongBits(d), 8);
    } else if (plain instanceof Float f) {
      out.write(0xca);
      bigEndian(Float.floatToRawIntBits(f), 4);
    } else if (plain instanceof String s) {
      string(s);
    } else if (plain instanceof byte[] bytes) {
      header(bytes.length, -1, 0xc4, 0xc5, 0xc6);
      out.writeBytes(bytes);
    } else if (plain instanceof List<?> list) {
      header(list.size(), 0x90, -1, 0xdc, 0xdd);
      list.forEach(this::value);
    } else if (plain instanceof Map<?, ?> map) {
      header(map.size(), 0x80, -1, 0xde, 0xdf);
      map.forEach((k, v) -> {
        value(k);
        value(v);
      });
    } else {
      throw new IllegalArgumentException("not a plain value: " + plain.getClass().getName());
    }
  }

  private void integer(long v) {
    if (v >= 0) {
      if (v <= 0x7f) {
        out.write((int) v);
      } else if (v <= 0xff) {
        out.write(0xcc);
        bigEndian(v, 1);
      } else if (v <= 0xffff) {
        out.write(0xcd);
        bigEndian(v, 2);
      } else if (v <= 0xffffffffL) {
        out.write(0xce);
        bigEndian(v, 4);
      } else {
        out.write(0xcf);
        bigEndian(v, 8);
      }
    } else if (v >= -32) {
      out.write((int) (v & 0xff));
    } else if (v >= Byte.MIN_VALUE) {
      out.write(0xd0);
      bigEndian(v, 1);
    } else if (v >= Short.MIN_VALUE) {
      out.write(0xd1);
      bigEndian(v, 2);
    } else if (v >= Integer.MIN_VALUE) {
      out.write(0xd2);
      bigEndian(v, 4);
    } else {
      out.write(0xd3);
      bigEndian(v, 8);
    }
  }

  private void bigInteger(BigInteger b) {
    if (b.bitLength() < 64) {
      integer(b.longValue());
    } else if (b.signum() > 0 && b.compareTo(UINT64_MAX) <= 0) {
      out.write(0xcf);
      bigEndian(b.longValue(), 8);
    } else {
      throw new IllegalArgumentException("integer " + b + " is outside msgpack's int64/uint64 range");
    }
  }

  private void string(String s) {
    String problem = TextRules.problem(s);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    header(utf8.length, 0xa0, 0xd9, 0xda, 0xdb);
    out.writeBytes(utf8);
  }

  /**
   * Writes a length header: the fix form (up to 15 elements or 31 string bytes) if {@code fix >= 0},
   * then the 8-, 16- and 32-bit forms; a form given as -1 does not exist for this kind.
   */
  private void header(int length, int fix, int len8, int len16, int len32) {
    int fixMax = fix == 0xa0 ? 31 : 15;
    if (fix >= 0 && length <= fixMax) {
      out.write(fix | length);
    } else if (len8 >= 0 && length <= 0xff) {
      out.write(len8);
      bigEndian(length, 1);
    } else if (length <= 0xffff) {
      out.write(len16);
      bigEndian(length, 2);
    } else {
      out.write(len32);
      bigEndian(length, 4);
    }
  }

  private void bigEndian(long v, int bytes) {
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
      out.write((int) (v >>> shift) & 0xff);
    }
  }
}
