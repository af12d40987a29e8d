package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.preflyte.idl.core.Binary;
import dev.preflyte.idl.core.Blob;
import dev.preflyte.idl.core.BlobMetadata;
import dev.preflyte.idl.core.BlobType;
import dev.preflyte.idl.core.EnumType;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralCollection;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralOffloadedMetadata;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.StructuredDataset;
import dev.preflyte.idl.core.StructuredDatasetMetadata;
import dev.preflyte.idl.core.StructuredDatasetType;
import dev.preflyte.idl.core.Union;
import dev.preflyte.idl.core.UnionType;
import dev.preflyte.idl.core.Void;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Timestamp;
import dev.preflyte.idl.protobuf.Value;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import org.junit.jupiter.api.Test;

class LiteralTypeCheckTest {

  private static final LiteralType INTEGER = Literals.simple(SimpleType.INTEGER);
  private static final LiteralType STRING = Literals.simple(SimpleType.STRING);
  private static final LiteralType NONE = Literals.simple(SimpleType.NONE);

  private static Literal scalar(Scalar.Builder scalar) {
    return Literal.newBuilder().setScalar(scalar).build();
  }

  private static Literal list(Literal... elements) {
    return Literal.newBuilder().setCollection(LiteralCollection.newBuilder().addAllLiterals(java.util.List.of(elements))).build();
  }

  private static LiteralType listOf(LiteralType element) {
    return LiteralType.newBuilder().setCollectionType(element).build();
  }

  private static Literal none() {
    return scalar(Scalar.newBuilder().setNoneType(Void.getDefaultInstance()));
  }

  @Test
  void simpleTypes() {
    assertTrue(LiteralTypeCheck.matches(Literals.integer(3), INTEGER));
    assertTrue(LiteralTypeCheck.matches(Literals.floating(0.5), Literals.simple(SimpleType.FLOAT)));
    assertTrue(LiteralTypeCheck.matches(Literals.primitive(Primitive.newBuilder().setBoolean(true).build()),
        Literals.simple(SimpleType.BOOLEAN)));
    assertTrue(LiteralTypeCheck.matches(Literals.primitive(Primitive.newBuilder()
        .setDatetime(Timestamp.newBuilder().setSeconds(1)).build()), Literals.simple(SimpleType.DATETIME)));
    assertTrue(LiteralTypeCheck.matches(none(), NONE));
    assertEquals("expected INTEGER, got STRING \"3\"",
        LiteralTypeCheck.mismatch(Literals.string("3"), INTEGER).orElseThrow());
    assertFalse(LiteralTypeCheck.matches(Literals.integer(3), Literals.simple(SimpleType.FLOAT)),
        "no silent integer to float");
  }

  @Test
  void collectionsNameTheBadElement() {
    assertTrue(LiteralTypeCheck.matches(list(Literals.integer(1), Literals.integer(2)), listOf(INTEGER)));
    assertTrue(LiteralTypeCheck.matches(list(), listOf(INTEGER)));
    assertEquals("[1]: expected INTEGER, got STRING \"x\"",
        LiteralTypeCheck.mismatch(list(Literals.integer(1), Literals.string("x")), listOf(INTEGER)).orElseThrow());
    assertEquals("[0][0]: expected STRING, got INTEGER 1",
        LiteralTypeCheck.mismatch(list(list(Literals.integer(1))), listOf(listOf(STRING))).orElseThrow());
    assertFalse(LiteralTypeCheck.matches(Literals.integer(1), listOf(INTEGER)));
  }

  @Test
  void mapsNameTheBadKey() {
    Literal map = Literal.newBuilder().setMap(LiteralMap.newBuilder()
        .putLiterals("k", Literals.integer(1)).putLiterals("bad", Literals.string("s"))).build();
    LiteralType mapOfInt = LiteralType.newBuilder().setMapValueType(INTEGER).build();
    assertEquals("[\"bad\"]: expected INTEGER, got STRING \"s\"",
        LiteralTypeCheck.mismatch(map, mapOfInt).orElseThrow());
    assertTrue(LiteralTypeCheck.matches(map, LiteralType.newBuilder()
        .setMapValueType(LiteralType.newBuilder().setUnionType(UnionType.newBuilder()
            .addVariants(INTEGER).addVariants(STRING))).build()));
  }

  @Test
  void enumsAcceptOnlyTheirValues() {
    LiteralType color = LiteralType.newBuilder().setEnumType(EnumType.newBuilder().addValues("red").addValues("blue"))
        .build();
    assertTrue(LiteralTypeCheck.matches(Literals.string("red"), color));
    assertEquals("expected ENUM[red, blue], got STRING \"green\"",
        LiteralTypeCheck.mismatch(Literals.string("green"), color).orElseThrow());
  }

  @Test
  void unionsAcceptWrappedAndPlainValuesOfAnyVariant() {
    LiteralType optionalInt = LiteralType.newBuilder().setUnionType(UnionType.newBuilder()
        .addVariants(INTEGER).addVariants(NONE)).build();
    Literal wrapped = scalar(Scalar.newBuilder().setUnion(Union.newBuilder().setValue(Literals.integer(4)).setType(INTEGER)));
    assertTrue(LiteralTypeCheck.matches(wrapped, optionalInt));
    assertTrue(LiteralTypeCheck.matches(none(), optionalInt));
    assertTrue(LiteralTypeCheck.matches(Literals.integer(4), optionalInt));
    assertEquals("expected UNION<INTEGER | NONE>, got STRING \"4\"",
        LiteralTypeCheck.mismatch(Literals.string("4"), optionalInt).orElseThrow());
  }

  @Test
  void blobsCheckDimensionalityAndFormat() {
    LiteralType csvFile = LiteralType.newBuilder().setBlob(BlobType.newBuilder().setFormat("csv")).build();
    LiteralType anyDir = LiteralType.newBuilder().setBlob(BlobType.newBuilder()
        .setDimensionality(BlobType.BlobDimensionality.MULTIPART)).build();
    Literal csv = blob("csv", BlobType.BlobDimensionality.SINGLE);
    assertTrue(LiteralTypeCheck.matches(csv, csvFile));
    assertTrue(LiteralTypeCheck.matches(blob("", BlobType.BlobDimensionality.SINGLE), csvFile));
    assertFalse(LiteralTypeCheck.matches(blob("parquet", BlobType.BlobDimensionality.SINGLE), csvFile));
    assertEquals("expected BLOB(any format, MULTIPART), got BLOB(csv, SINGLE)",
        LiteralTypeCheck.mismatch(csv, anyDir).orElseThrow());
  }

  private static Literal blob(String format, BlobType.BlobDimensionality dimensionality) {
    return scalar(Scalar.newBuilder().setBlob(Blob.newBuilder().setUri("s3://b/k")
        .setMetadata(BlobMetadata.newBuilder().setType(BlobType.newBuilder().setFormat(format)
            .setDimensionality(dimensionality)))));
  }

  @Test
  void structuredDatasetsCheckTheFormat() {
    LiteralType parquet = LiteralType.newBuilder().setStructuredDatasetType(
        StructuredDatasetType.newBuilder().setFormat("parquet")).build();
    assertTrue(LiteralTypeCheck.matches(dataset("parquet"), parquet));
    assertTrue(LiteralTypeCheck.matches(dataset(""), parquet));
    assertTrue(LiteralTypeCheck.matches(dataset("csv"),
        LiteralType.newBuilder().setStructuredDatasetType(StructuredDatasetType.getDefaultInstance()).build()));
    assertFalse(LiteralTypeCheck.matches(dataset("csv"), parquet));
    assertFalse(LiteralTypeCheck.matches(Literals.string("s3://x"), parquet));
  }

  private static Literal dataset(String format) {
    return scalar(Scalar.newBuilder().setStructuredDataset(StructuredDataset.newBuilder().setUri("s3://b/d")
        .setMetadata(StructuredDatasetMetadata.newBuilder().setStructuredDatasetType(
            StructuredDatasetType.newBuilder().setFormat(format)))));
  }

  @Test
  void structsAcceptGenericAndMsgpackBinary() {
    LiteralType struct = Literals.simple(SimpleType.STRUCT);
    Literal generic = scalar(Scalar.newBuilder().setGeneric(Struct.newBuilder()
        .putFields("a", Value.newBuilder().setNumberValue(1).build())));
    Literal msgpack = scalar(Scalar.newBuilder().setBinary(Binary.newBuilder()
        .setValue(ByteString.copyFrom(new byte[] {(byte) 0x80})).setTag("msgpack")));
    Literal otherBinary = scalar(Scalar.newBuilder().setBinary(Binary.newBuilder().setTag("pickle")));
    assertTrue(LiteralTypeCheck.matches(generic, struct));
    assertTrue(LiteralTypeCheck.matches(msgpack, struct));
    assertFalse(LiteralTypeCheck.matches(otherBinary, struct));
    assertTrue(LiteralTypeCheck.matches(otherBinary, Literals.simple(SimpleType.BINARY)));
  }

  @Test
  void offloadedLiteralsAreCheckedByTheirInferredType() {
    Literal offloaded = Literal.newBuilder().setOffloadedMetadata(LiteralOffloadedMetadata.newBuilder()
        .setUri("s3://b/o").setInferredType(listOf(INTEGER))).build();
    assertTrue(LiteralTypeCheck.matches(offloaded, listOf(INTEGER)));
    assertFalse(LiteralTypeCheck.matches(offloaded, listOf(STRING)));
  }

  @Test
  void inputsAcceptWhatTheCodecsDecodeOutputsDoNot() {
    LiteralType floating = Literals.simple(SimpleType.FLOAT);
    Literal msgpack = scalar(Scalar.newBuilder().setBinary(Binary.newBuilder().setTag("msgpack")));
    LiteralTypeCheck.Mode input = LiteralTypeCheck.Mode.AS_INPUT;
    assertTrue(LiteralTypeCheck.matches(Literals.floating(3.0), INTEGER, input));
    assertFalse(LiteralTypeCheck.matches(Literals.floating(3.5), INTEGER, input));
    assertFalse(LiteralTypeCheck.matches(Literals.floating(1e17), INTEGER, input), "beyond 2^53");
    assertTrue(LiteralTypeCheck.matches(Literals.integer(3), floating, input));
    assertTrue(LiteralTypeCheck.matches(msgpack, STRING, input));
    assertTrue(LiteralTypeCheck.matches(list(Literals.floating(2.0)), listOf(INTEGER), input));
    assertFalse(LiteralTypeCheck.matches(Literals.floating(3.0), INTEGER));
    assertFalse(LiteralTypeCheck.matches(Literals.integer(3), floating));
    assertFalse(LiteralTypeCheck.matches(msgpack, STRING));
  }

  @Test
  void anUntypedSlotAcceptsAnything() {
    assertTrue(LiteralTypeCheck.matches(Literals.string("x"), LiteralType.getDefaultInstance()));
  }
}
