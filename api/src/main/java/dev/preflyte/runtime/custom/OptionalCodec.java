package dev.preflyte.runtime.custom;

import dev.preflyte.idl.protobuf.Value;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** {@code Optional<T>}: empty as JSON null, present as its value; a null {@code Optional} is refused. */
final class OptionalCodec<T> extends BaseCodec<Optional<T>> {

  static final String NULL_OPTIONAL =
      "a null Optional cannot be written into the task's custom: use Optional.empty()";

  private final CustomCodec<T> value;

  OptionalCodec(CustomCodec<T> value) {
    this.value = Objects.requireNonNull(value, "value");
    if (value instanceof OptionalCodec) {
      // Optional.empty() and Optional.of(Optional.empty()) would both be JSON null.
      throw new IllegalArgumentException(
          "Optional<Optional<T>> has no encoding in the task's custom: use a single Optional");
    }
  }

  @Override
  Value encodeAt(Optional<T> optional, String path) {
    return encodeOptional(optional, path, present -> encode(value, present, path));
  }

  @Override
  public Optional<T> decode(Value encoded, String path) {
    return decodeOptional(encoded, path, value::decode);
  }

  @Override
  public Optional<T> decodeNull(String path) {
    return Optional.empty();
  }

  @Override
  public Value encodeNull(String path) {
    throw Shapes.refusal(path, NULL_OPTIONAL);
  }

  @Override
  public String toString() {
    return "optionalOf(" + value + ")";
  }

  /**
   * An empty optional as JSON null, a present one with {@code present}.
   *
   * @throws IllegalArgumentException for a null {@code Optional}, which has no encoding
   */
  static <T> Value encodeOptional(Optional<T> optional, String path, Function<? super T, Value> present) {
    if (optional == null) {
      throw Shapes.refusal(path, NULL_OPTIONAL);
    }
    return optional.isPresent() ? present.apply(optional.get()) : Shapes.NULL;
  }

  /** JSON null as {@link Optional#empty()}, anything else decoded with {@code element}. */
  static <T> Optional<T> decodeOptional(Value value, String path, CustomDecoder<T> element) {
    return Shapes.isNull(value) ? Optional.empty() : Optional.of(element.decode(value, path));
  }
}
