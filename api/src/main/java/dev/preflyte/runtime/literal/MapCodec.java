package dev.preflyte.runtime.literal;

import dev.preflyte.conventions.TextRules;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code Map<String, T>} as {@code map_value_type} / {@code LiteralMap}; nulls only if T is nullable.
 * Decoded maps iterate in key order, since a protobuf map has no order of its own.
 */
final class MapCodec<T> extends FlyteCodec<Map<String, T>> {

  private final FlyteCodec<T> value;

  MapCodec(FlyteCodec<T> value) {
    super(LiteralType.newBuilder().setMapValueType(value.literalType()).build());
    this.value = value;
  }

  @Override
  String unionTag() {
    return "Typed Dict";
  }

  @Override
  public Literal encode(Map<String, T> map, LiteralContext context) {
    requireNonNull(map);
    LiteralMap.Builder literals = LiteralMap.newBuilder();
    for (Map.Entry<String, T> entry : map.entrySet()) {
      String key = checkKey(entry.getKey());
      try {
        literals.putLiterals(key, value.encode(entry.getValue(), context));
      } catch (LiteralConversionException e) {
        throw Mismatch.within(Mismatch.mapSegment(key), e);
      }
    }
    return Literal.newBuilder().setMap(literals).build();
  }

  @Override
  public Map<String, T> decode(Literal literal, LiteralContext context) {
    Literal resolved = Literals.resolve(literal, context);
    if (resolved.hasMap()) {
      Map<String, T> out = new LinkedHashMap<>();
      for (Map.Entry<String, Literal> entry : new TreeMap<>(resolved.getMap().getLiteralsMap()).entrySet()) {
        try {
          out.put(entry.getKey(), value.decode(entry.getValue(), context));
        } catch (LiteralConversionException e) {
          throw Mismatch.within(Mismatch.mapSegment(entry.getKey()), e);
        }
      }
      return Collections.unmodifiableMap(out);
    }
    if (resolved.hasScalar() && MsgPackBinary.isMsgPack(resolved.getScalar())) {
      return fromPlain(MsgPackBinary.read(resolved.getScalar().getBinary()), context);
    }
    throw mismatch(resolved);
  }

  @Override
  Object toPlain(Map<String, T> map, LiteralContext context) {
    requireNonNull(map);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, T> entry : map.entrySet()) {
      String key = checkKey(entry.getKey());
      try {
        out.put(key, value.toPlain(entry.getValue(), context));
      } catch (LiteralConversionException e) {
        throw Mismatch.within(Mismatch.mapSegment(key), e);
      }
    }
    return out;
  }

  @Override
  Map<String, T> fromPlain(Object plain, LiteralContext context) {
    if (!(plain instanceof Map<?, ?> map)) {
      throw mismatchPlain(plain);
    }
    Map<String, T> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
      String key = (String) entry.getKey();
      try {
        out.put(key, value.fromPlain(entry.getValue(), context));
      } catch (LiteralConversionException e) {
        throw Mismatch.within(Mismatch.mapSegment(key), e);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private String checkKey(String key) {
    if (key == null) {
      throw new LiteralConversionException("expected " + describeType() + " with string keys, got a null key");
    }
    String problem = TextRules.problem(key);
    if (problem != null) {
      throw new LiteralConversionException("expected " + describeType() + ", but a key is not text: " + problem);
    }
    return key;
  }
}
