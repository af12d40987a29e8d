package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.Blob;
import dev.preflyte.idl.core.BlobMetadata;
import dev.preflyte.idl.core.BlobType;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralCollection;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralOffloadedMetadata;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.StructuredDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputLocationsTest {

  @TempDir Path dir;

  private InputLocations locations() {
    return new InputLocations(List.of(dir.resolve("data")), List.of(dir.resolve("data/secrets"), Path.of("/proc")));
  }

  private static Literal blob(String uri, BlobType.BlobDimensionality dimensionality) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setBlob(Blob.newBuilder().setUri(uri)
        .setMetadata(BlobMetadata.newBuilder().setType(BlobType.newBuilder().setDimensionality(dimensionality)))))
        .build();
  }

  private static LiteralMap input(Literal literal) {
    return LiteralMap.newBuilder().putLiterals("in", literal).build();
  }

  private String refused(Literal literal) {
    return assertThrows(InputLocationException.class, () -> locations().check(input(literal))).getMessage();
  }

  @Test
  void remoteUrisAndFilesInTheDataDirectoriesAreAccepted() throws Exception {
    Files.createDirectories(dir.resolve("data/folder"));
    Files.writeString(dir.resolve("data/folder/a.csv"), "a");
    locations().check(input(blob("s3://bucket/key", BlobType.BlobDimensionality.SINGLE)));
    locations().check(input(blob("gs://bucket/key", BlobType.BlobDimensionality.MULTIPART)));
    locations().check(input(blob(dir.resolve("data/folder/a.csv").toString(), BlobType.BlobDimensionality.SINGLE)));
    locations().check(input(blob(dir.resolve("data/folder").toUri().toString(), BlobType.BlobDimensionality.MULTIPART)));
    locations().check(input(blob(dir.resolve("data/not-yet").toString(), BlobType.BlobDimensionality.SINGLE)));
  }

  @Test
  void urisNestedInCollectionsMapsDatasetsAndOffloadedLiteralsAreCheckedToo() {
    Literal dataset = Literal.newBuilder().setScalar(Scalar.newBuilder()
        .setStructuredDataset(StructuredDataset.newBuilder().setUri("/proc/self/environ"))).build();
    Literal nested = Literal.newBuilder().setCollection(LiteralCollection.newBuilder()
        .addLiterals(Literal.newBuilder().setMap(LiteralMap.newBuilder().putLiterals("k", dataset)))).build();
    assertTrue(refused(nested).startsWith("input 'in' points into the container: /proc/self/environ is refused"));
    Literal offloaded = Literal.newBuilder()
        .setOffloadedMetadata(LiteralOffloadedMetadata.newBuilder().setUri("file:///etc/hostname")).build();
    assertTrue(refused(offloaded).contains("outside the task's data directories"));
  }

  @Test
  void theSecretsMountIsRefusedEvenInsideADataDirectory() throws Exception {
    Files.createDirectories(dir.resolve("data/secrets"));
    Files.writeString(dir.resolve("data/secrets/key"), "v");
    assertTrue(refused(blob(dir.resolve("data/secrets/key").toString(), BlobType.BlobDimensionality.SINGLE))
        .contains("outside the task's data directories"));
  }

  @Test
  void aDirectoryInputWithALinkOutIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("data/folder"));
    Files.createSymbolicLink(dir.resolve("data/folder/passwd"), Path.of("/etc/passwd"));
    String message = refused(blob(dir.resolve("data/folder").toString(), BlobType.BlobDimensionality.MULTIPART));
    assertTrue(message.contains("links outside the task's data directories"), message);
  }

  @Test
  void dotDotCannotClimbOut() {
    String message = refused(blob(dir.resolve("data/../outside.txt").toString(), BlobType.BlobDimensionality.SINGLE));
    assertTrue(message.contains("outside the task's data directories"), message);
  }

  @Test
  void dataDirectoriesAndTheSecretsMountGivenThroughLinksHoldForTheirRealPathsToo() throws Exception {
    Files.createDirectories(dir.resolve("real/data/secrets"));
    Files.writeString(dir.resolve("real/data/a.csv"), "a");
    Files.writeString(dir.resolve("real/data/secrets/key"), "v");
    Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("real/data"));
    InputLocations linked = new InputLocations(List.of(dir.resolve("linked")), List.of(dir.resolve("linked/secrets")));

    linked.check(input(blob(dir.resolve("real/data/a.csv").toString(), BlobType.BlobDimensionality.SINGLE)));
    linked.check(input(blob(dir.resolve("linked/a.csv").toString(), BlobType.BlobDimensionality.SINGLE)));
    String message = assertThrows(InputLocationException.class, () -> linked.check(
        input(blob(dir.resolve("real/data/secrets/key").toString(), BlobType.BlobDimensionality.SINGLE)))).getMessage();
    assertTrue(message.contains("outside the task's data directories"), message);
  }
}
