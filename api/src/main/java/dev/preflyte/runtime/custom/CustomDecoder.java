package dev.preflyte.runtime.custom;

import dev.preflyte.idl.protobuf.Value;

/**
 * Decodes one configuration value from its {@link Value}.
 *
 * @param <T> the decoded Java type
 */
@FunctionalInterface
interface CustomDecoder<T> {

  /**
   * Decodes {@code value}.
   *
   * @param value the encoded value
   * @param path the property path of the value, for error messages
   * @throws CustomDecodingException naming {@code path} if the value has the wrong shape
   */
  T decode(Value value, String path);
}
