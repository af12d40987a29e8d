package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.BlobType;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralCollection;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Scalar;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The local paths of a LiteralMap's files, folders and datasets. Relative ones, such as
 * {@code data/rows.csv}, Flyte never writes: they let training inputs name data beside them,
 * wherever their folder is mounted, and the training run resolves them in that folder.
 */
public final class RelativeDataPaths {

  /** What an input's type wants at a local path. */
  public enum DataKind { FILE, FOLDER, FILE_OR_FOLDER }

  /** What a local data path becomes. */
  @FunctionalInterface
  public interface Rewrite {
    /**
     * @param input the top-level input that holds the path, for messages
     * @return the path or URI to write instead
     */
    String apply(String input, String path, DataKind kind);
  }

  private RelativeDataPaths() {}

  /** {@code inputs} with every relative local path resolved against {@code folder}; the rest as it was. */
  static LiteralMap resolve(LiteralMap inputs, Path folder) {
    Path absolute = folder.toAbsolutePath();
    return rewrite(inputs, (input, path, kind) -> isRelative(path) ? absolute.resolve(path).normalize().toString()
        : path);
  }

  /**
   * {@code inputs} with every local path and {@code file:} URI, at any depth (collections, maps,
   * unions), as {@code rewrite} says; remote URIs and other values as they were.
   */
  public static LiteralMap rewrite(LiteralMap inputs, Rewrite rewrite) {
    LiteralMap.Builder rewritten = LiteralMap.newBuilder();
    inputs.getLiteralsMap().forEach((name, literal) -> rewritten.putLiterals(name, rewrite(literal, name, rewrite)));
    return rewritten.build();
  }

  private static Literal rewrite(Literal literal, String input, Rewrite rewrite) {
    switch (literal.getValueCase()) {
      case SCALAR:
        return literal.toBuilder().setScalar(rewrite(literal.getScalar(), input, rewrite)).build();
      case COLLECTION:
        LiteralCollection.Builder items = LiteralCollection.newBuilder();
        literal.getCollection().getLiteralsList().forEach(item -> items.addLiterals(rewrite(item, input, rewrite)));
        return literal.toBuilder().setCollection(items).build();
      case MAP:
        LiteralMap.Builder entries = LiteralMap.newBuilder();
        literal.getMap().getLiteralsMap().forEach((key, value) -> entries.putLiterals(key, rewrite(value, input, rewrite)));
        return literal.toBuilder().setMap(entries).build();
      default:
        return literal;
    }
  }

  private static Scalar rewrite(Scalar scalar, String input, Rewrite rewrite) {
    return switch (scalar.getValueCase()) {
      case BLOB -> {
        boolean folder = scalar.getBlob().getMetadata().getType().getDimensionality()
            == BlobType.BlobDimensionality.MULTIPART;
        yield scalar.toBuilder().setBlob(scalar.getBlob().toBuilder().setUri(rewrite(scalar.getBlob().getUri(), input,
            folder ? DataKind.FOLDER : DataKind.FILE, rewrite))).build();
      }
      case STRUCTURED_DATASET -> scalar.toBuilder().setStructuredDataset(scalar.getStructuredDataset().toBuilder()
          .setUri(rewrite(scalar.getStructuredDataset().getUri(), input, DataKind.FILE_OR_FOLDER, rewrite))).build();
      case SCHEMA -> scalar.toBuilder().setSchema(scalar.getSchema().toBuilder()
          .setUri(rewrite(scalar.getSchema().getUri(), input, DataKind.FILE_OR_FOLDER, rewrite))).build();
      case UNION -> scalar.toBuilder().setUnion(scalar.getUnion().toBuilder()
          .setValue(rewrite(scalar.getUnion().getValue(), input, rewrite))).build();
      default -> scalar;
    };
  }

  private static String rewrite(String uri, String input, DataKind kind, Rewrite rewrite) {
    return InputLocations.isLocal(uri) ? rewrite.apply(input, uri, kind) : uri;
  }

  /** Whether a local path (as {@link #rewrite} hands them over) is relative; {@code file:} URIs are absolute. */
  private static boolean isRelative(String uri) {
    if (uri.regionMatches(true, 0, "file:", 0, 5)) {
      return false;
    }
    try {
      return !Path.of(uri).isAbsolute();
    } catch (InvalidPathException e) {
      return false; // reading it fails as a storage error naming the URI
    }
  }
}
