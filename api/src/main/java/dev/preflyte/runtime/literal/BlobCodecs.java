package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Blob;
import dev.preflyte.idl.core.BlobMetadata;
import dev.preflyte.idl.core.BlobType;
import dev.preflyte.idl.core.BlobType.BlobDimensionality;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.runtime.types.FlyteDirectory;
import dev.preflyte.runtime.types.FlyteFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files and directories as Flyte Blobs, as flytekit's FlyteFile and FlyteDirectory: type {@code
 * blob{format: "", dimensionality: SINGLE | MULTIPART}}, literal {@code Scalar.blob{metadata{type},
 * uri}}. Inside a struct, the value is {@code {"path": uri}}, as flytekit serializes them.
 */
final class BlobCodecs {

  static final FileCodec FILE = new FileCodec();
  static final DirectoryCodec DIRECTORY = new DirectoryCodec();

  private BlobCodecs() {}

  private static LiteralType blobType(BlobDimensionality dimensionality) {
    return LiteralType.newBuilder()
        .setBlob(BlobType.newBuilder().setFormat("").setDimensionality(dimensionality))
        .build();
  }

  /** The common shape; subclasses say how to upload and how to wrap a URI. */
  private abstract static class BlobCodec<T> extends FlyteCodec<T> {
    private final BlobDimensionality dimensionality;
    private final String unionTag;

    BlobCodec(BlobDimensionality dimensionality, String unionTag) {
      super(blobType(dimensionality));
      this.dimensionality = dimensionality;
      this.unionTag = unionTag;
    }

    /** The URI to write: the value's own, or where its local content was uploaded to. */
    abstract String publish(T value, LiteralContext context);

    /** The value for a URI read from a literal. */
    abstract T fromUri(String uri, LiteralContext context);

    @Override
    final String unionTag() {
      return unionTag;
    }

    @Override
    public final Literal encode(T value, LiteralContext context) {
      String uri = publish(requireNonNull(value), context);
      Blob blob = Blob.newBuilder()
          .setMetadata(BlobMetadata.newBuilder().setType(literalType().getBlob()))
          .setUri(uri)
          .build();
      return Literal.newBuilder().setScalar(Scalar.newBuilder().setBlob(blob)).build();
    }

    @Override
    public final T decode(Literal literal, LiteralContext context) {
      Literal resolved = Literals.resolve(literal, context);
      if (resolved.hasScalar() && resolved.getScalar().hasBlob()) {
        Blob blob = resolved.getScalar().getBlob();
        if (blob.getMetadata().getType().getDimensionality() == dimensionality && !blob.getUri().isEmpty()) {
          return fromUri(blob.getUri(), context);
        }
      }
      throw mismatch(resolved);
    }

    @Override
    final Object toPlain(T value, LiteralContext context) {
      Map<String, Object> serialized = new LinkedHashMap<>();
      serialized.put("path", publish(requireNonNull(value), context));
      return serialized;
    }

    @Override
    final T fromPlain(Object plain, LiteralContext context) {
      if (plain instanceof Map<?, ?> map && map.get("path") instanceof String path && !path.isEmpty()) {
        return fromUri(path, context);
      }
      throw new LiteralConversionException("expected " + describeType() + " as {\"path\": uri}, got "
          + PlainValues.describe(plain));
    }
  }

  /** {@link FlyteFile} as a single-part blob. */
  static final class FileCodec extends BlobCodec<FlyteFile> {
    FileCodec() {
      super(BlobDimensionality.SINGLE, "FlyteFilePath");
    }

    @Override
    String publish(FlyteFile file, LiteralContext context) {
      if (!file.isLocal()) {
        return file.uri();
      }
      Path source = file.localPath();
      if (!Files.isRegularFile(source)) {
        throw new LiteralConversionException("expected a FlyteFile, but the local file " + source
            + (Files.isDirectory(source) ? " is a directory: use FlyteDirectory" : " does not exist: write it"
                + " before returning it"));
      }
      String target = RawOutputs.freshLocation(context, source.getFileName().toString());
      context.storage().upload(source, target);
      return target;
    }

    @Override
    FlyteFile fromUri(String uri, LiteralContext context) {
      if (context == null) {
        return FlyteFile.ofUri(uri);
      }
      String name = RawOutputs.lastSegment(uri);
      Path target = RawOutputs.freshLocalDirectory(context).resolve(name.isEmpty() ? "file" : name);
      return FlyteFile.remote(uri, context.storage(), target);
    }
  }

  /** {@link FlyteDirectory} as a multipart blob. */
  static final class DirectoryCodec extends BlobCodec<FlyteDirectory> {
    DirectoryCodec() {
      super(BlobDimensionality.MULTIPART, "FlyteDirectory");
    }

    @Override
    String publish(FlyteDirectory directory, LiteralContext context) {
      if (!directory.isLocal()) {
        return directory.uri();
      }
      Path source = directory.localPath();
      if (!Files.isDirectory(source)) {
        throw new LiteralConversionException("expected a FlyteDirectory, but the local directory " + source
            + (Files.isRegularFile(source) ? " is a file: use FlyteFile" : " does not exist: create it before"
                + " returning it"));
      }
      String target = RawOutputs.freshLocation(context);
      context.storage().uploadDirectory(source, target);
      return target;
    }

    @Override
    FlyteDirectory fromUri(String uri, LiteralContext context) {
      if (context == null) {
        return FlyteDirectory.ofUri(uri);
      }
      return FlyteDirectory.remote(uri, context.storage(), RawOutputs.freshLocalDirectory(context));
    }
  }
}
