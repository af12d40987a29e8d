package dev.preflyte.runtime.custom;

import dev.preflyte.idl.protobuf.Value;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A codec obtained on first use, so that a record can contain itself: its struct's property refers
 * to the struct through this before the struct exists. The supplier may be called more than once
 * when threads race on first use; it is expected to return the same codec each time.
 */
final class LazyCodec<T> extends BaseCodec<T> {

  private final Supplier<CustomCodec<T>> supplier;
  private volatile CustomCodec<T> resolved;

  LazyCodec(Supplier<CustomCodec<T>> supplier) {
    this.supplier = Objects.requireNonNull(supplier, "codec");
  }

  CustomCodec<T> resolved() {
    CustomCodec<T> codec = resolved;
    if (codec == null) {
      codec = supplier.get();
      if (codec == null) {
        throw new IllegalStateException(
            "the supplier given to CustomCodecs.lazy returned null: it must return a codec that is"
                + " initialized by the time the codec is first used");
      }
      resolved = codec;
    }
    return codec;
  }

  @Override
  Value encodeAt(T value, String path) {
    return encode(resolved(), value, path);
  }

  @Override
  public T decode(Value value, String path) {
    return resolved().decode(value, path);
  }

  @Override
  public T decodeNull(String path) {
    return resolved().decodeNull(path);
  }

  @Override
  public Value encodeNull(String path) {
    return resolved().encodeNull(path);
  }

  @Override
  public String toString() {
    CustomCodec<T> codec = resolved;
    return codec == null ? "lazy(unresolved)" : "lazy(" + codec.getClass().getSimpleName() + ")";
  }
}
