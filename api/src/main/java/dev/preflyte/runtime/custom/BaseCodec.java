package dev.preflyte.runtime.custom;

import dev.preflyte.idl.protobuf.Value;

/**
 * The codecs of this package. They know the property path while encoding, so that a value refused
 * deep inside a list or map is named ({@code tags[2]}); and their {@link #decode} rejects JSON null
 * with the message of the shape they expect.
 */
abstract class BaseCodec<T> implements CustomCodec<T> {

  @Override
  public final Value encode(T value) {
    if (value == null) {
      throw new NullPointerException("a custom codec encodes non-null values; encodeNull writes a null");
    }
    return encodeAt(value, "");
  }

  /** Encodes the non-null {@code value}, found at {@code path}. */
  abstract Value encodeAt(T value, String path);

  /** Encodes the non-null {@code value} at {@code path} with any codec. */
  static <T> Value encode(CustomCodec<T> codec, T value, String path) {
    if (codec instanceof BaseCodec<T> own) {
      return own.encodeAt(value, path);
    }
    if (codec instanceof CustomStruct<T> struct) {
      return struct.encodeAt(value, path);
    }
    return codec.encode(value);
  }

  /** A list element or map value: JSON null through {@link CustomCodec#encodeNull}. */
  static <T> Value encodeNullable(CustomCodec<T> codec, T value, String path) {
    return value == null ? codec.encodeNull(path) : encode(codec, value, path);
  }

  /** A list element or map value: JSON null through {@link CustomCodec#decodeNull}. */
  static <T> T decodeNullable(CustomCodec<T> codec, Value value, String path) {
    return Shapes.isNull(value) ? codec.decodeNull(path) : codec.decode(value, path);
  }

  /**
   * A struct property that is JSON null. Only a codec that gives null a meaning (an {@code Optional}
   * one) writes that; for any other it is the wrong shape, reported as the codec reports it.
   */
  static <T> T decodeNullProperty(CustomCodec<T> codec, Value nullValue, String path) {
    T meaning = codec.decodeNull(path);
    if (meaning != null) {
      return meaning;
    }
    CustomCodec<T> resolved = codec;
    while (resolved instanceof LazyCodec<T> lazy) {
      resolved = lazy.resolved();
    }
    if (resolved instanceof BaseCodec || resolved instanceof CustomStruct) {
      resolved.decode(nullValue, path); // throws "expected <its shape>, got null"
    }
    throw Shapes.wrongShape(path, "a value other than null", nullValue);
  }
}
