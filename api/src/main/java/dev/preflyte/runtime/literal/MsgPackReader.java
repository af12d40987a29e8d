package dev.preflyte.runtime.literal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MessagePack into plain values (see {@link PlainValues}): nil, bool, every int (a uint64 above
 * Long.MAX_VALUE as a BigInteger), float 32/64 (as Double), str, bin, array and map. Map keys must be
 * strings, as in a serialized dataclass. Extension types are rejected.
 */
final class MsgPackReader {

  /** Deeper nesting than this is refused rather than risking a stack overflow. */
  private static final int MAX_DEPTH = 512;

  private final byte[] data;
  /** Strict: malformed UTF-8 is an error, not replaced. One per read, as decoders are not thread-safe. */
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int pos;

  private MsgPackReader(byte[] data) {
    this.data = data;
  }

  /**
   * Reads exactly one value filling all of {@code data}.
   *
   * @throws LiteralConversionException if the bytes are not one complete msgpack value
   */
  static Object read(byte[] data) {
    MsgPackReader reader = new MsgPackReader(data);
    Object value = reader.value(0);
    if (reader.pos != data.length) {
      throw reader.malformed((data.length - reader.pos) + " bytes left after the value");
    }
    return value;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw malformed("nested deeper than " + MAX_DEPTH + " levels");
    }
    int start = pos;
    int b = u8();
    if (b <= 0x7f) {
      return (long) b;
    }
    if (b >= 0xe0) {
      return (long) (byte) b;
    }
    if ((b & 0xf0) == 0x80) {
      return map(b & 0x0f, depth);
    }
    if ((b & 0xf0) == 0x90) {
      return array(b & 0x0f, depth);
    }
    if ((b & 0xe0) == 0xa0) {
      return string(b & 0x1f);
    }
    switch (b) {
      case 0xc0:
        return null;
      case 0xc2:
        return Boolean.FALSE;
      case 0xc3:
        return Boolean.TRUE;
      case 0xc4:
        return bytes(length(1));
      case 0xc5:
        return bytes(length(2));
      case 0xc6:
        return bytes(length(4));
      case 0xca:
        return (double) Float.intBitsToFloat((int) bigEndian(4));
      case 0xcb:
        return Double.longBitsToDouble(bigEndian(8));
      case 0xcc:
        return bigEndian(1);
      case 0xcd:
        return bigEndian(2);
      case 0xce:
        return bigEndian(4);
      case 0xcf:
        long raw = bigEndian(8);
        return raw >= 0 ? (Object) raw : new BigInteger(Long.toUnsignedString(raw));
      case 0xd0:
        return (long) (byte) bigEndian(1);
      case 0xd1:
        return (long) (short) bigEndian(2);
      case 0xd2:
        return (long) (int) bigEndian(4);
      case 0xd3:
        return bigEndian(8);
      case 0xd9:
        return string(length(1));
      case 0xda:
        return string(length(2));
      case 0xdb:
        return string(length(4));
      case 0xdc:
        return array(length(2), depth);
      case 0xdd:
        return array(length(4), depth);
      case 0xde:
        return map(length(2), depth);
      case 0xdf:
        return map(length(4), depth);
      default:
        pos = start;
        throw malformed(String.format("unsupported type byte 0x%02x", b));
    }
  }

  private List<Object> array(int size, int depth) {
    List<Object> list = new ArrayList<>(Math.min(size, remaining()));
    for (int i = 0; i < size; i++) {
      list.add(value(depth + 1));
    }
    return Collections.unmodifiableList(list);
  }

  private Map<String, Object> map(int size, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      int keyAt = pos;
      Object key = value(depth + 1);
      if (!(key instanceof String s)) {
        pos = keyAt;
        throw malformed("map key is " + PlainValues.describe(key) + ", only string keys are supported");
      }
      map.put(s, value(depth + 1));
    }
    return Collections.unmodifiableMap(map);
  }

  private String string(int length) {
    need(length);
    try {
      String s = utf8.decode(ByteBuffer.wrap(data, pos, length)).toString();
      pos += length;
      return s;
    } catch (CharacterCodingException e) {
      throw malformed("str is not valid UTF-8");
    }
  }

  private byte[] bytes(int length) {
    need(length);
    byte[] out = new byte[length];
    System.arraycopy(data, pos, out, 0, length);
    pos += length;
    return out;
  }

  private int length(int bytes) {
    long length = bigEndian(bytes);
    if (length > Integer.MAX_VALUE) {
      throw malformed("length " + length + " too large");
    }
    return (int) length;
  }

  private int u8() {
    need(1);
    return data[pos++] & 0xff;
  }

  private long bigEndian(int bytes) {
    need(bytes);
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = (v << 8) | (data[pos++] & 0xff);
    }
    return v;
  }

  private int remaining() {
    return data.length - pos;
  }

  private void need(long bytes) {
    if (bytes > remaining()) {
      throw malformed("truncated: needs " + bytes + " more bytes, " + remaining() + " left");
    }
  }

  private LiteralConversionException malformed(String why) {
    return new LiteralConversionException("malformed msgpack at byte " + pos + " of " + data.length + ": " + why);
  }
}
