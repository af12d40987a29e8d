package dev.preflyte.runtime.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralOffloadedMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyte may store a large literal elsewhere and pass only {@code offloaded_metadata{uri}}. */
class OffloadedLiteralTest {

  @TempDir
  Path root;

  private static Literal offloaded(String uri) {
    return Literal.newBuilder().setOffloadedMetadata(LiteralOffloadedMetadata.newBuilder().setUri(uri)).build();
  }

  @Test
  void offloadedLiteralIsReadThroughStorage() throws IOException {
    TestContext context = TestContext.in(root);
    LiteralCodec<List<Long>> codec = LiteralCodecs.listOf(LiteralCodecs.int64());
    Path stored = root.resolve("offloaded.pb");
    Files.write(stored, codec.encode(List.of(1L, 2L, 3L), context).toByteArray());
    assertEquals(List.of(1L, 2L, 3L), codec.decode(offloaded(stored.toUri().toString()), context));
    assertEquals(42L, LiteralCodecs.int64().decode(offloaded(Files.write(root.resolve("n.pb"),
        LiteralCodecs.int64().encode(42L, context).toByteArray()).toString()), context));
  }

  @Test
  void offloadedLiteralThatIsNotALiteralIsAClearError() throws IOException {
    TestContext context = TestContext.in(root);
    Path garbage = Files.write(root.resolve("garbage.pb"), new byte[] {(byte) 0xff, (byte) 0xff});
    LiteralConversionException e = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.int64().decode(offloaded(garbage.toString()), context));
    assertTrue(e.getMessage().startsWith("offloaded literal at " + garbage + " is not a Literal"), e.getMessage());
    assertEquals("literal offloaded to s3://b/k cannot be read without storage: decode it with a LiteralContext",
        assertThrows(LiteralConversionException.class,
            () -> LiteralCodecs.int64().decode(offloaded("s3://b/k"), null)).getMessage());
  }

  @Test
  void offloadedLiteralIsReadOnlyUpToItsDeclaredSize() throws IOException {
    TestContext context = TestContext.in(root);
    byte[] literal = LiteralCodecs.int64().encode(42L, context).toByteArray();
    Path stored = Files.write(root.resolve("sized.pb"), literal);
    Literal exact = Literal.newBuilder().setOffloadedMetadata(LiteralOffloadedMetadata.newBuilder()
        .setUri(stored.toString()).setSizeBytes(literal.length)).build();
    assertEquals(42L, LiteralCodecs.int64().decode(exact, context));

    Literal understated = exact.toBuilder().setOffloadedMetadata(exact.getOffloadedMetadata().toBuilder()
        .setSizeBytes(literal.length - 1)).build();
    LiteralConversionException longer = assertThrows(LiteralConversionException.class,
        () -> LiteralCodecs.int64().decode(understated, context));
    assertTrue(longer.getMessage().contains("is longer than its declared size_bytes " + (literal.length - 1)),
        longer.getMessage());

    Literal overstated = exact.toBuilder().setOffloadedMetadata(exact.getOffloadedMetadata().toBuilder()
        .setSizeBytes(literal.length + 5)).build();
    assertTrue(assertThrows(LiteralConversionException.class, () -> LiteralCodecs.int64().decode(overstated, context))
        .getMessage().contains("not its declared size_bytes"));

    Literal huge = exact.toBuilder().setOffloadedMetadata(exact.getOffloadedMetadata().toBuilder()
        .setSizeBytes(Literals.MAX_OFFLOADED_BYTES + 1)).build();
    assertTrue(assertThrows(LiteralConversionException.class, () -> LiteralCodecs.int64().decode(huge, context))
        .getMessage().contains("more than the " + Literals.MAX_OFFLOADED_BYTES + " a task reads"));
  }
}
