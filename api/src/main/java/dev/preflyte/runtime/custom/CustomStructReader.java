package dev.preflyte.runtime.custom;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Set;

/**
 * Reads the properties of one configuration object (the whole custom struct, or a nested record)
 * by name, and rejects properties the object does not have. {@link CustomStruct} does the same
 * for a configuration type described once, property by property.
 */
public final class CustomStructReader {

  private final Struct struct;
  private final String path;

  private CustomStructReader(Struct struct, String path) {
    this.struct = struct;
    this.path = path;
  }

  /**
   * A reader over {@code struct}, the value at {@code path} ({@code ""} for the custom struct
   * itself).
   *
   * @param properties every property the configuration type has
   * @throws CustomDecodingException naming the first property {@code struct} has that the type does
   *     not
   */
  public static CustomStructReader of(Struct struct, String path, Set<String> properties) {
    CustomStruct.checkProperties(struct, path, properties);
    return new CustomStructReader(struct, path);
  }

  /**
   * Decodes property {@code name}, which must be present (primitives are always written).
   *
   * @throws CustomDecodingException if it is missing or has the wrong shape
   */
  public <T> T required(String name, CustomDecoder<T> decoder) {
    Value value = struct.getFieldsMap().get(name);
    if (value == null) {
      throw new CustomDecodingException(child(path, name), CustomStruct.MISSING);
    }
    return decoder.decode(value, child(path, name));
  }

  /** Decodes property {@code name}, or returns {@code null} when it is absent (a null value is never written). */
  public <T> T get(String name, CustomDecoder<T> decoder) {
    Value value = struct.getFieldsMap().get(name);
    return value == null ? null : decoder.decode(value, child(path, name));
  }

  private static String child(String path, String name) {
    return Shapes.property(path, name);
  }
}
