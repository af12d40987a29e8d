package dev.preflyte.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/** The shape of a value the generated code converts: an input, an output or a configuration property. */
sealed interface ValueType {

  /** The Java type, boxed if primitive (as it appears in type arguments). */
  TypeName boxed();

  /** The Java type as declared (primitive or not). */
  default TypeName declared() {
    return boxed();
  }

  /** Whether a value of this type can be {@code null}. */
  default boolean nullable() {
    return true;
  }

  /** A type the runtime has a scalar codec and a scalar custom encoding for. */
  record Scalar(ScalarKind kind, boolean primitive) implements ValueType {
    @Override
    public TypeName boxed() {
      return kind.boxed;
    }

    @Override
    public TypeName declared() {
      return primitive ? kind.boxed.unbox() : kind.boxed;
    }

    @Override
    public boolean nullable() {
      return !primitive;
    }
  }

  record ListOf(ValueType element) implements ValueType {
    @Override
    public TypeName boxed() {
      return ParameterizedTypeName.get(ClassName.get(List.class), element.boxed());
    }
  }

  record MapOf(ValueType value) implements ValueType {
    @Override
    public TypeName boxed() {
      return ParameterizedTypeName.get(
          ClassName.get(java.util.Map.class), ClassName.get(String.class), value.boxed());
    }
  }

  record OptionalOf(ValueType value) implements ValueType {
    @Override
    public TypeName boxed() {
      return ParameterizedTypeName.get(ClassName.get(java.util.Optional.class), value.boxed());
    }
  }

  record EnumType(ClassName name) implements ValueType {
    @Override
    public TypeName boxed() {
      return name;
    }
  }

  /**
   * A record or simple class: a STRUCT literal for inputs and outputs; for configuration (records
   * only) a nested struct of its {@code properties}, which are filled in after construction so that
   * recursive records resolve.
   */
  final class StructType implements ValueType {
    private final ClassName name;
    private List<ConfigProperty> properties = List.of();

    StructType(ClassName name) {
      this.name = name;
    }

    ClassName name() {
      return name;
    }

    List<ConfigProperty> properties() {
      return properties;
    }

    void properties(List<ConfigProperty> properties) {
      this.properties = List.copyOf(properties);
    }

    @Override
    public TypeName boxed() {
      return name;
    }
  }

  /** FlyteFile, FlyteDirectory or StructuredDataset. */
  record Blob(BlobKind kind) implements ValueType {
    @Override
    public TypeName boxed() {
      return kind.name;
    }
  }

  enum ScalarKind {
    LONG(ClassName.get(Long.class), "int64", "int64"),
    INT(ClassName.get(Integer.class), "int32", "int32"),
    DOUBLE(ClassName.get(Double.class), "float64", "float64"),
    FLOAT(ClassName.get(Float.class), "float32", "float32"),
    BOOLEAN(ClassName.get(Boolean.class), "bool", "bool"),
    STRING(ClassName.get(String.class), "string", "string"),
    INSTANT(ClassName.get(java.time.Instant.class), "datetime", "instant"),
    DURATION(ClassName.get(java.time.Duration.class), "duration", "duration");

    final ClassName boxed;
    /** The {@code LiteralCodecs} factory method. */
    final String codec;
    /** The {@code CustomCodecs} factory method. */
    final String custom;

    ScalarKind(ClassName boxed, String codec, String custom) {
      this.boxed = boxed;
      this.codec = codec;
      this.custom = custom;
    }
  }

  enum BlobKind {
    FILE(RuntimeNames.FLYTE_FILE, "file"),
    DIRECTORY(RuntimeNames.FLYTE_DIRECTORY, "directory"),
    DATASET(RuntimeNames.STRUCTURED_DATASET, "structuredDataset");

    final ClassName name;
    final String codec;

    BlobKind(ClassName name, String codec) {
      this.name = name;
      this.codec = codec;
    }
  }
}
