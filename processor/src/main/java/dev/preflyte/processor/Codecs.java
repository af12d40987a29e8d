package dev.preflyte.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;

/** The {@code LiteralCodecs} expression that converts a value type to and from Flyte literals. */
final class Codecs {

  static final ClassName LITERAL_CODECS = ClassName.get("dev.preflyte.runtime.literal", "LiteralCodecs");
  static final ClassName LITERAL_CODEC = ClassName.get("dev.preflyte.runtime.literal", "LiteralCodec");

  private Codecs() {}

  static CodeBlock codec(ValueType type) {
    if (type instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T.$L()", LITERAL_CODECS, scalar.kind().codec);
    }
    if (type instanceof ValueType.ListOf list) {
      return CodeBlock.of("$T.listOf($L)", LITERAL_CODECS, codec(list.element()));
    }
    if (type instanceof ValueType.MapOf map) {
      return CodeBlock.of("$T.mapOf($L)", LITERAL_CODECS, codec(map.value()));
    }
    if (type instanceof ValueType.OptionalOf optional) {
      return CodeBlock.of("$T.optionalOf($L)", LITERAL_CODECS, codec(optional.value()));
    }
    if (type instanceof ValueType.EnumType enumType) {
      return CodeBlock.of("$T.enumOf($T.class)", LITERAL_CODECS, enumType.name());
    }
    if (type instanceof ValueType.StructType struct) {
      return CodeBlock.of("$T.struct($T.class)", LITERAL_CODECS, struct.name());
    }
    ValueType.Blob blob = (ValueType.Blob) type;
    return CodeBlock.of("$T.$L()", LITERAL_CODECS, blob.kind().codec);
  }
}
