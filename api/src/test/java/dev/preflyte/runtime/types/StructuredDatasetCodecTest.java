package dev.preflyte.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.FlyteFixtures;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.StructuredDatasetMetadata;
import dev.preflyte.idl.core.StructuredDatasetType;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.literal.LiteralConversionException;
import dev.preflyte.runtime.literal.LiteralTypes;
import dev.preflyte.runtime.literal.TestContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructuredDatasetCodecTest {

  @TempDir
  Path root;

  static Literal dataset(String uri, String format) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setStructuredDataset(
        dev.preflyte.idl.core.StructuredDataset.newBuilder().setUri(uri).setMetadata(StructuredDatasetMetadata
            .newBuilder().setStructuredDatasetType(StructuredDatasetType.newBuilder().setFormat(format))))).build();
  }

  @Test
  void typeIsAStructuredDatasetTypeWithTheFormat() throws IOException {
    // A plain StructuredDataset is declared with any format (""), as flytekit declares one.
    LiteralType any = LiteralType.newBuilder()
        .setStructuredDatasetType(StructuredDatasetType.newBuilder().setFormat("")).build();
    assertEquals(any, LiteralCodecs.structuredDataset().literalType());
    assertEquals(any, LiteralCodecs.structuredDataset("").literalType());
    LiteralType parquet = LiteralType.newBuilder()
        .setStructuredDatasetType(StructuredDatasetType.newBuilder().setFormat("parquet")).build();
    assertEquals(parquet, LiteralCodecs.structuredDataset("parquet").literalType());
    assertEquals("STRUCTURED_DATASET(parquet)", LiteralTypes.describe(parquet));
    assertEquals("STRUCTURED_DATASET(csv)", LiteralTypes.describe(LiteralCodecs.structuredDataset("csv").literalType()));
    // flytekit declares the same format for a typed DataFrame output, plus its columns.
    LiteralType declared = FlyteFixtures.declaredType("175_core.type_system.structured_dataset.get_df_1.pb", "o0");
    assertEquals(parquet.getStructuredDatasetType().getFormat(), declared.getStructuredDatasetType().getFormat());
  }

  @Test
  void remoteDatasetIsPassedByReference() {
    StructuredDataset value = new StructuredDataset("s3://bucket/df", "parquet");
    Literal literal = LiteralCodecs.structuredDataset().encode(value, null);
    assertEquals(dataset("s3://bucket/df", "parquet"), literal);
    assertEquals(value, LiteralCodecs.structuredDataset().decode(literal, null));
  }

  @Test
  void emptyFormatsTakeTheDeclaredOne() {
    assertEquals(dataset("s3://b/d", "parquet"),
        LiteralCodecs.structuredDataset().encode(new StructuredDataset("s3://b/d", ""), null));
    assertEquals(new StructuredDataset("s3://b/d", "parquet"),
        LiteralCodecs.structuredDataset().decode(dataset("s3://b/d", ""), null));
    assertEquals(new StructuredDataset("s3://b/d", "csv"),
        LiteralCodecs.structuredDataset("").decode(dataset("s3://b/d", "csv"), null));
  }

  @Test
  void formatMismatchNamesBothFormats() {
    LiteralCodec<StructuredDataset> csv = LiteralCodecs.structuredDataset("csv");
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> csv.decode(dataset("s3://b/d", "parquet"), null));
    assertEquals("expected STRUCTURED_DATASET(csv), got STRUCTURED_DATASET(parquet) s3://b/d", e.getMessage());
  }

  @Test
  void localDirectoryIsUploadedAndASingleFileBecomes00000() throws IOException {
    TestContext context = TestContext.in(root);
    Path dir = Files.createDirectories(root.resolve("df"));
    Files.writeString(dir.resolve("00000"), "PAR1");
    String uri = LiteralCodecs.structuredDataset().encode(new StructuredDataset(dir.toString(), "parquet"), context)
        .getScalar().getStructuredDataset().getUri();
    assertTrue(uri.startsWith(context.rawOutputPrefix()), uri);
    assertEquals("PAR1", Files.readString(Path.of(URI.create(uri)).resolve("00000")));

    Path single = Files.writeString(root.resolve("table.parquet"), "PAR2");
    String folder = LiteralCodecs.structuredDataset().encode(new StructuredDataset(single.toString(), ""), context)
        .getScalar().getStructuredDataset().getUri();
    assertEquals("PAR2", Files.readString(Path.of(URI.create(folder)).resolve("00000")));
  }

  @Test
  void missingLocalDatasetIsAClearError() {
    TestContext context = TestContext.in(root);
    Path missing = root.resolve("missing");
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.structuredDataset().encode(new StructuredDataset(missing.toString(), "parquet"), context));
    assertEquals("expected STRUCTURED_DATASET, but the local path " + missing
        + " does not exist: write the dataset before returning it, or give its URI", e.getMessage());
  }

  @Test
  void datasetInsideAStructIsUriAndFileFormat() {
    record Holder(StructuredDataset table) {}
    LiteralCodec<Holder> codec = LiteralCodecs.struct(Holder.class);
    Holder value = new Holder(new StructuredDataset("s3://b/t", "parquet"));
    assertEquals(value, codec.decode(codec.encode(value, null), null));
    // flytekit declares a StructuredDataset field with format "": a value without one is still Parquet.
    assertEquals(LiteralCodecs.structuredDataset("").literalType(),
        codec.literalType().getStructure().getDataclassTypeOrThrow("table"));
    Holder unnamed = new Holder(new StructuredDataset("s3://b/t", null));
    assertEquals(value, codec.decode(codec.encode(unnamed, null), null));
  }
}
