package dev.preflyte.processor;

import com.palantir.javapoet.CodeBlock;

/** The {@code LiteralCodecs} expression that converts a value type to and from Flyte literals. */
final class Codecs {

  private Codecs() {}

  static CodeBlock codec(ValueType type) {
    if (type instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T.$L()", RuntimeNames.LITERAL_CODECS, scalar.kind().codec);
    }
    if (type instanceof ValueType.ListOf list) {
      return CodeBlock.of("$T.listOf($L)", RuntimeNames.LITERAL_CODECS, codec(list.element()));
    }
    if (type instanceof ValueType.MapOf map) {
      return CodeBlock.of("$T.mapOf($L)", RuntimeNames.LITERAL_CODECS, codec(map.value()));
    }
    if (type instanceof ValueType.OptionalOf optional) {
      return CodeBlock.of("$T.optionalOf($L)", RuntimeNames.LITERAL_CODECS, codec(optional.value()));
    }
    if (type instanceof ValueType.EnumType enumType) {
      return CodeBlock.of("$T.enumOf($T.class)", RuntimeNames.LITERAL_CODECS, enumType.name());
    }
    if (type instanceof ValueType.StructType struct) {
      return CodeBlock.of("$T.struct($T.class)", RuntimeNames.LITERAL_CODECS, struct.name());
    }
    ValueType.Blob blob = (ValueType.Blob) type;
    return CodeBlock.of("$T.$L()", RuntimeNames.LITERAL_CODECS, blob.kind().codec);
  }
}
