package dev.preflyte.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.FlyteFixtures;
import dev.preflyte.idl.core.Blob;
import dev.preflyte.idl.core.BlobMetadata;
import dev.preflyte.idl.core.BlobType;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.literal.LiteralConversionException;
import dev.preflyte.runtime.literal.TestContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobCodecsTest {

  @TempDir
  Path root;

  private static final String RANDOM_FOLDER = "/?[0-9a-f]{32}";

  static LiteralType declaredType(String taskSpecFile, String input) throws IOException {
    return FlyteFixtures.declaredType(taskSpecFile, input);
  }

  static Literal blob(String uri, BlobType.BlobDimensionality dimensionality) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setBlob(Blob.newBuilder()
        .setMetadata(BlobMetadata.newBuilder().setType(BlobType.newBuilder().setDimensionality(dimensionality)))
        .setUri(uri))).build();
  }

  @Test
  void typesAreTheBlobTypesFlytekitDeclares() throws IOException {
    assertEquals(declaredType("104_core.flyte_basics.files.normalize_columns_1.pb", "csv_url"),
        LiteralCodecs.file().literalType());
    assertEquals(declaredType("108_core.flyte_basics.folders.normalize_all_files_1.pb", "csv_files_dir"),
        LiteralCodecs.directory().literalType());
    assertEquals("BLOB(SINGLE)", dev.preflyte.runtime.literal.LiteralTypes.describe(LiteralCodecs.file().literalType()));
    assertEquals("BLOB(MULTIPART)",
        dev.preflyte.runtime.literal.LiteralTypes.describe(LiteralCodecs.directory().literalType()));
  }

  @Test
  void localFileIsUploadedUnderAFreshFolderKeepingItsName() throws IOException {
    TestContext context = TestContext.in(root);
    Path local = Files.writeString(Files.createDirectories(root.resolve("out")).resolve("report 1.csv"), "a,b\n1,2\n");
    Literal literal = LiteralCodecs.file().encode(FlyteFile.of(local), context);

    String uri = literal.getScalar().getBlob().getUri();
    String prefix = context.rawOutputPrefix();
    assertTrue(uri.startsWith(prefix), uri);
    assertTrue(uri.substring(prefix.length()).matches(RANDOM_FOLDER + "/report%201.csv"), uri);
    assertEquals("a,b\n1,2\n", Files.readString(Path.of(URI.create(uri))));
    assertEquals(blob(uri, BlobType.BlobDimensionality.SINGLE), literal);
    assertEquals(1, context.storage().uploads());

    String second = LiteralCodecs.file().encode(FlyteFile.of(local), context).getScalar().getBlob().getUri();
    assertFalse(second.equals(uri), "each upload gets its own folder");
  }

  @Test
  void remoteFileIsPassedByReference() {
    TestContext context = TestContext.in(root);
    Literal literal = LiteralCodecs.file().encode(FlyteFile.ofUri("s3://bucket/data/in.csv"), context);
    assertEquals(blob("s3://bucket/data/in.csv", BlobType.BlobDimensionality.SINGLE), literal);
    assertEquals(0, context.storage().uploads());
  }

  @Test
  void decodedFileDownloadsLazilyOnceIntoTheWorkingDirectory() throws IOException {
    TestContext context = TestContext.in(root);
    Path stored = Files.writeString(Files.createDirectories(root.resolve("bucket")).resolve("in.txt"), "héllo");
    FlyteFile file = LiteralCodecs.file().decode(blob(stored.toUri().toString(),
        BlobType.BlobDimensionality.SINGLE), context);

    assertEquals(stored.toUri().toString(), file.uri());
    assertEquals(0, context.storage().downloads());
    assertFalse(file.isDownloaded());
    Path local = file.localPath();
    assertTrue(local.startsWith(context.workingDirectory()), local.toString());
    assertEquals("in.txt", local.getFileName().toString());
    assertEquals("héllo", Files.readString(local));
    assertEquals(local, file.localPath());
    assertEquals(1, context.storage().downloads());
    assertTrue(file.isDownloaded());

    // Returned again as an output, the decoded file is referenced, not copied.
    assertEquals(stored.toUri().toString(),
        LiteralCodecs.file().encode(file, context).getScalar().getBlob().getUri());
    assertEquals(0, context.storage().uploads());
  }

  @Test
  void missingOrWrongKindOfLocalPathIsAClearError() throws IOException {
    TestContext context = TestContext.in(root);
    LiteralConversionException missing = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.file().encode(FlyteFile.of(root.resolve("nope.txt")), context));
    assertEquals("expected a FlyteFile, but the local file " + root.resolve("nope.txt")
        + " does not exist: write it before returning it", missing.getMessage());
    LiteralConversionException directory = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.file().encode(FlyteFile.of(root), context));
    assertTrue(directory.getMessage().endsWith(" is a directory: use FlyteDirectory"), directory.getMessage());
    Path file = Files.writeString(root.resolve("f"), "x");
    LiteralConversionException notDirectory = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.directory().encode(FlyteDirectory.of(file), context));
    assertTrue(notDirectory.getMessage().endsWith(" is a file: use FlyteFile"), notDirectory.getMessage());
  }

  @Test
  void dimensionalityMismatchNamesBothTypes() {
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.file().decode(blob("s3://b/dir", BlobType.BlobDimensionality.MULTIPART), null));
    assertEquals("expected BLOB(SINGLE), got BLOB(MULTIPART) s3://b/dir", e.getMessage());
    assertEquals("expected BLOB(MULTIPART), got STRING \"s3://b/dir\"", assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.directory().decode(LiteralCodecs.string().encode("s3://b/dir", null), null)).getMessage());
  }

  @Test
  void directoryRoundTripsThroughStorageWithNestedFiles() throws IOException {
    TestContext context = TestContext.in(root);
    Path dir = Files.createDirectories(root.resolve("results"));
    Files.writeString(dir.resolve("a.txt"), "A");
    Files.writeString(Files.createDirectories(dir.resolve("sub/deeper")).resolve("b.txt"), "B");

    Literal literal = LiteralCodecs.directory().encode(FlyteDirectory.of(dir), context);
    String uri = literal.getScalar().getBlob().getUri();
    assertTrue(uri.substring(context.rawOutputPrefix().length()).matches(RANDOM_FOLDER), uri);
    assertEquals(blob(uri, BlobType.BlobDimensionality.MULTIPART), literal);

    FlyteDirectory decoded = LiteralCodecs.directory().decode(literal, context);
    assertEquals(0, context.storage().downloads());
    Path local = decoded.localPath();
    assertTrue(local.startsWith(context.workingDirectory()), local.toString());
    assertEquals("A", Files.readString(local.resolve("a.txt")));
    assertEquals("B", Files.readString(local.resolve("sub/deeper/b.txt")));
    decoded.localPath();
    assertEquals(1, context.storage().downloads());
  }

  @Test
  void fileWithoutStorageResolvesLocalUrisOnlyAndSaysWhy() {
    assertEquals(Path.of("/tmp/x.txt"), FlyteFile.ofUri("file:///tmp/x.txt").localPath());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> FlyteFile.ofUri("s3://b/k").localPath());
    assertTrue(e.getMessage().startsWith("file s3://b/k is remote and has no storage to download it from"),
        e.getMessage());
  }

  @Test
  void filesInsideStructsAreSerializedAsPath() throws IOException {
    record Bundle(FlyteFile data, Optional<FlyteDirectory> extras, List<FlyteFile> more) {}
    TestContext context = TestContext.in(root);
    Path local = Files.writeString(root.resolve("d.bin"), "D");
    LiteralCodec<Bundle> codec = LiteralCodecs.struct(Bundle.class);
    Literal literal = codec.encode(new Bundle(FlyteFile.of(local), Optional.of(FlyteDirectory.ofUri("s3://b/x")),
        List.of(FlyteFile.ofUri("s3://b/y"))), context);
    Bundle decoded = codec.decode(literal, context);
    assertTrue(decoded.data().uri().startsWith(context.rawOutputPrefix()), decoded.data().uri());
    assertEquals("D", Files.readString(decoded.data().localPath()));
    assertEquals("s3://b/x", decoded.extras().orElseThrow().uri());
    assertEquals("s3://b/y", decoded.more().get(0).uri());
  }
}
