package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralCollection;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Scalar;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Turns the relative local paths of a LiteralMap's files, folders and datasets (such as
 * {@code data/rows.csv}) into absolute ones under a folder. Flyte never writes such paths: they let
 * training inputs name data beside them, wherever the folder is mounted.
 */
final class RelativeDataPaths {

  private RelativeDataPaths() {}

  /** {@code inputs} with every relative local path resolved against {@code folder}; the rest as it was. */
  static LiteralMap resolve(LiteralMap inputs, Path folder) {
    LiteralMap.Builder resolved = LiteralMap.newBuilder();
    inputs.getLiteralsMap().forEach((name, literal) -> resolved.putLiterals(name, resolve(literal, folder)));
    return resolved.build();
  }

  private static Literal resolve(Literal literal, Path folder) {
    switch (literal.getValueCase()) {
      case SCALAR:
        return literal.toBuilder().setScalar(resolve(literal.getScalar(), folder)).build();
      case COLLECTION:
        LiteralCollection.Builder items = LiteralCollection.newBuilder();
        literal.getCollection().getLiteralsList().forEach(item -> items.addLiterals(resolve(item, folder)));
        return literal.toBuilder().setCollection(items).build();
      case MAP:
        return literal.toBuilder().setMap(resolve(literal.getMap(), folder)).build();
      default:
        return literal;
    }
  }

  private static Scalar resolve(Scalar scalar, Path folder) {
    return switch (scalar.getValueCase()) {
      case BLOB -> scalar.toBuilder()
          .setBlob(scalar.getBlob().toBuilder().setUri(resolve(scalar.getBlob().getUri(), folder))).build();
      case STRUCTURED_DATASET -> scalar.toBuilder().setStructuredDataset(scalar.getStructuredDataset().toBuilder()
          .setUri(resolve(scalar.getStructuredDataset().getUri(), folder))).build();
      case SCHEMA -> scalar.toBuilder()
          .setSchema(scalar.getSchema().toBuilder().setUri(resolve(scalar.getSchema().getUri(), folder))).build();
      case UNION -> scalar.toBuilder()
          .setUnion(scalar.getUnion().toBuilder().setValue(resolve(scalar.getUnion().getValue(), folder))).build();
      default -> scalar;
    };
  }

  private static String resolve(String uri, Path folder) {
    if (!InputLocations.isLocal(uri) || uri.regionMatches(true, 0, "file:", 0, 5)) {
      return uri; // remote, or a file: URI, which is absolute
    }
    try {
      Path path = Path.of(uri);
      return path.isAbsolute() ? uri : folder.toAbsolutePath().resolve(path).normalize().toString();
    } catch (InvalidPathException e) {
      return uri; // reading it fails as a storage error naming the URI
    }
  }
}
