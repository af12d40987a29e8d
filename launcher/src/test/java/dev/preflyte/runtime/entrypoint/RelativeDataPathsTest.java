package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.preflyte.idl.core.Blob;
import dev.preflyte.idl.core.BlobMetadata;
import dev.preflyte.idl.core.BlobType;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralCollection;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.StructuredDataset;
import dev.preflyte.idl.core.Union;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training inputs name their data relative to their folder; everything else passes unchanged. */
class RelativeDataPathsTest {

  private static final Path FOLDER = Path.of("/mnt/inputs");

  @Test
  void relativePathsOfFilesFoldersAndDatasetsResolveInTheFolderAtAnyDepth() {
    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("csv", blob("data/rows.csv"))
        .putLiterals("table", dataset("data/../data/table"))
        .putLiterals("files", collection(blob("data/a.txt"), union(blob("data/b.txt"))))
        .putLiterals("byName", Literal.newBuilder().setMap(LiteralMap.newBuilder()
            .putLiterals("x", blob("data/x.txt"))).build())
        .build();
    LiteralMap expected = LiteralMap.newBuilder()
        .putLiterals("csv", blob("/mnt/inputs/data/rows.csv"))
        .putLiterals("table", dataset("/mnt/inputs/data/table"))
        .putLiterals("files", collection(blob("/mnt/inputs/data/a.txt"), union(blob("/mnt/inputs/data/b.txt"))))
        .putLiterals("byName", Literal.newBuilder().setMap(LiteralMap.newBuilder()
            .putLiterals("x", blob("/mnt/inputs/data/x.txt"))).build())
        .build();
    assertEquals(expected, RelativeDataPaths.resolve(inputs, FOLDER));
  }

  @Test
  void urisAbsolutePathsAndOtherValuesAreLeftAsTheyAre() {
    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("s3", blob("s3://bucket/rows.csv"))
        .putLiterals("file", blob("file:///data/rows.csv"))
        .putLiterals("absolute", dataset("/data/table"))
        .putLiterals("empty", blob(""))
        .putLiterals("text", Literal.newBuilder().setScalar(Scalar.newBuilder()
            .setPrimitive(Primitive.newBuilder().setStringValue("data/rows.csv"))).build())
        .build();
    assertEquals(inputs, RelativeDataPaths.resolve(inputs, FOLDER));
  }

  @Test
  void aRewriteSeesEveryLocalPathWithItsInputAndWhatItsTypeWantsThere() {
    Literal folder = Literal.newBuilder().setScalar(Scalar.newBuilder().setBlob(Blob.newBuilder().setUri("data/d")
        .setMetadata(BlobMetadata.newBuilder().setType(BlobType.newBuilder()
            .setDimensionality(BlobType.BlobDimensionality.MULTIPART))))).build();
    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("csv", blob("/abs/rows.csv"))
        .putLiterals("dir", folder)
        .putLiterals("files", collection(blob("file:///abs/a.txt"), union(dataset("data/t"))))
        .putLiterals("remote", blob("s3://bucket/key"))
        .build();
    List<String> seen = new ArrayList<>();
    LiteralMap rewritten = RelativeDataPaths.rewrite(inputs, (input, path, kind) -> {
      seen.add(input + " " + path + " " + kind);
      return "seen:" + path;
    });
    assertEquals(List.of("csv /abs/rows.csv FILE", "dir data/d FOLDER", "files data/t FILE_OR_FOLDER",
        "files file:///abs/a.txt FILE"), seen.stream().sorted().toList());
    assertEquals("seen:data/d", rewritten.getLiteralsOrThrow("dir").getScalar().getBlob().getUri());
    assertEquals(folder.getScalar().getBlob().getMetadata(),
        rewritten.getLiteralsOrThrow("dir").getScalar().getBlob().getMetadata(), "only the URI changes");
    assertEquals("s3://bucket/key", rewritten.getLiteralsOrThrow("remote").getScalar().getBlob().getUri());
  }

  private static Literal blob(String uri) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setBlob(Blob.newBuilder().setUri(uri))).build();
  }

  private static Literal dataset(String uri) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder()
        .setStructuredDataset(StructuredDataset.newBuilder().setUri(uri))).build();
  }

  private static Literal collection(Literal... items) {
    LiteralCollection.Builder collection = LiteralCollection.newBuilder();
    for (Literal item : items) {
      collection.addLiterals(item);
    }
    return Literal.newBuilder().setCollection(collection).build();
  }

  private static Literal union(Literal value) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setUnion(Union.newBuilder().setValue(value))).build();
  }
}
