package dev.preflyte.runtime.literal;

import dev.preflyte.runtime.types.FlyteDirectory;
import dev.preflyte.runtime.types.FlyteFile;
import dev.preflyte.runtime.types.StructuredDataset;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the codec for a Java type, as declared on a struct property. */
final class JavaTypeCodecs {

  private JavaTypeCodecs() {}

  /**
   * The codec for {@code type}.
   *
   * @throws IllegalArgumentException if the type has no Flyte counterpart
   */
  static FlyteCodec<?> forType(Type type) {
    return forType(type, new ArrayDeque<>());
  }

  /** As {@link #forType(Type)}; {@code building} holds the struct classes being built, to refuse cycles. */
  static FlyteCodec<?> forType(Type type, Deque<Class<?>> building) {
    if (type instanceof WildcardType wildcard && wildcard.getUpperBounds().length == 1
        && wildcard.getLowerBounds().length == 0) {
      return forType(wildcard.getUpperBounds()[0], building);
    }
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
      Type[] args = parameterized.getActualTypeArguments();
      if (raw == List.class) {
        return new ListCodec<>(forType(args[0], building));
      }
      if (raw == Map.class) {
        if (args[0] != String.class) {
          throw new IllegalArgumentException("Map key type " + args[0].getTypeName()
              + " is not supported: Flyte maps have String keys");
        }
        return new MapCodec<>(forType(args[1], building));
      }
      if (raw == Optional.class) {
        return OptionalCodec.of(forType(args[0], building));
      }
      throw unsupported(type);
    }
    if (!(type instanceof Class<?> c)) {
      throw unsupported(type);
    }
    if (c == long.class || c == Long.class) {
      return NumberCodecs.INT64;
    }
    if (c == int.class || c == Integer.class) {
      return NumberCodecs.INT32;
    }
    if (c == double.class || c == Double.class) {
      return NumberCodecs.FLOAT64;
    }
    if (c == float.class || c == Float.class) {
      return NumberCodecs.FLOAT32;
    }
    if (c == boolean.class || c == Boolean.class) {
      return TextCodecs.BOOL;
    }
    if (c == String.class) {
      return TextCodecs.STRING;
    }
    if (c == Instant.class) {
      return TimeCodecs.DATETIME;
    }
    if (c == Duration.class) {
      return TimeCodecs.DURATION;
    }
    if (c == FlyteFile.class) {
      return BlobCodecs.FILE;
    }
    if (c == FlyteDirectory.class) {
      return BlobCodecs.DIRECTORY;
    }
    if (c == StructuredDataset.class) {
      return StructuredDatasetCodec.ANY_FORMAT;
    }
    if (c.isEnum()) {
      return enumCodec(c);
    }
    if (c == List.class || c == Map.class || c == Optional.class) {
      throw new IllegalArgumentException("raw " + c.getSimpleName() + " has no element type: declare it as "
          + c.getSimpleName() + "<...>");
    }
    if (c.isPrimitive() || c.isArray() || c.getName().startsWith("java.") || c.isInterface()) {
      throw unsupported(type);
    }
    return StructCodec.forClass(c, building);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static FlyteCodec<?> enumCodec(Class<?> c) {
    return new EnumCodec(c);
  }

  private static IllegalArgumentException unsupported(Type type) {
    return new IllegalArgumentException("type " + type.getTypeName() + " has no Flyte literal type: use long, int,"
        + " double, float, boolean, String, Instant, Duration, an enum, List<T>, Map<String, T>, Optional<T>,"
        + " FlyteFile, FlyteDirectory, StructuredDataset, a record or a simple class");
  }
}
