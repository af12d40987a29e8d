package dev.preflyte.runtime.custom;

import dev.preflyte.idl.protobuf.Value;

/**
 * Converts one configuration value to a protobuf {@link Value} and back, exactly, by the rules of
 * this package's documentation. Codecs compose: obtain them from {@link CustomCodecs}, and describe
 * a configuration type with {@link CustomStruct}, which is a codec too.
 *
 * <p>Codecs are immutable and thread-safe.
 *
 * @param <T> the Java type
 */
public interface CustomCodec<T> {

  /**
   * Encodes a non-null value.
   *
   * @throws IllegalArgumentException if the value has no encoding (a null {@code Optional} in a
   *     list, a map with a null key); the message says what to do instead
   */
  Value encode(T value);

  /**
   * Decodes a value that is not JSON null.
   *
   * @param path the property path of the value, for messages: {@code limits.max}, {@code tags[2]},
   *     {@code weights["k"]}
   * @throws CustomDecodingException naming {@code path} if the value has the wrong shape
   */
  T decode(Value value, String path);

  /**
   * What JSON null stands for as a list element or map value: {@code null}, or {@code
   * Optional.empty()} for an {@code Optional} codec.
   */
  default T decodeNull(String path) {
    return null;
  }

  /**
   * Writes a null list element or map value: JSON null. {@code Optional} codecs refuse, since a null
   * {@code Optional} has no encoding.
   *
   * @throws IllegalArgumentException naming {@code path} if null cannot be written
   */
  default Value encodeNull(String path) {
    return Shapes.NULL;
  }
}
