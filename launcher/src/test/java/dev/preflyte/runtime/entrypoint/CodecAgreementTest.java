package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.literal.LiteralContext;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.Storages;
import dev.preflyte.runtime.types.FlyteDirectory;
import dev.preflyte.runtime.types.FlyteFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the literal codecs write passes the entrypoint's output check exactly, and its input check:
 * generated executors never fail with a mismatch the codecs did not cause.
 */
class CodecAgreementTest {

  enum Color {
    RED,
    BLUE
  }

  public record Point(long x, String label, List<Double> weights) {}

  @TempDir Path dir;

  private <T> void agree(LiteralCodec<T> codec, T value) {
    Literal literal = codec.encode(value, new LocalContext(dir));
    assertEquals(Optional.empty(), LiteralTypeCheck.mismatch(literal, codec.literalType()),
        codec.literalType() + "\n" + literal);
    assertEquals(Optional.empty(),
        LiteralTypeCheck.mismatch(literal, codec.literalType(), LiteralTypeCheck.Mode.AS_INPUT));
  }

  private record LocalContext(Path dir) implements LiteralContext {
    @Override
    public String rawOutputPrefix() {
      return dir.resolve("raw").toString();
    }

    @Override
    public Path workingDirectory() {
      return dir.resolve("work");
    }

    @Override
    public Storage storage() {
      return Storages.localOnly();
    }
  }

  @Test
  void everyCodecsOutputPassesTheOutputCheck() throws Exception {
    agree(LiteralCodecs.int64(), 5L);
    agree(LiteralCodecs.int32(), 5);
    agree(LiteralCodecs.float64(), 2.5);
    agree(LiteralCodecs.float32(), 2.5f);
    agree(LiteralCodecs.string(), "s");
    agree(LiteralCodecs.bool(), true);
    agree(LiteralCodecs.datetime(), Instant.ofEpochSecond(5));
    agree(LiteralCodecs.duration(), Duration.ofSeconds(3));
    agree(LiteralCodecs.listOf(LiteralCodecs.int64()), List.of(1L, 2L));
    agree(LiteralCodecs.mapOf(LiteralCodecs.string()), Map.of("k", "v"));
    agree(LiteralCodecs.enumOf(Color.class), Color.BLUE);
    agree(LiteralCodecs.optionalOf(LiteralCodecs.int64()), Optional.of(3L));
    agree(LiteralCodecs.optionalOf(LiteralCodecs.int64()), Optional.empty());
    agree(LiteralCodecs.nullable(LiteralCodecs.string()), null);
    agree(LiteralCodecs.nullable(LiteralCodecs.string()), "x");
    agree(LiteralCodecs.listOf(LiteralCodecs.optionalOf(LiteralCodecs.string())),
        List.of(Optional.of("a"), Optional.empty()));
    agree(LiteralCodecs.struct(Point.class), new Point(1, "p", List.of(0.5)));
    agree(LiteralCodecs.optionalOf(LiteralCodecs.struct(Point.class)),
        Optional.of(new Point(1, "p", List.of())));
    Path file = Files.writeString(dir.resolve("f.csv"), "a,b\n");
    agree(LiteralCodecs.file(), FlyteFile.of(file));
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Files.writeString(folder.resolve("x"), "x");
    agree(LiteralCodecs.directory(), FlyteDirectory.of(folder));
    agree(LiteralCodecs.optionalOf(LiteralCodecs.file()), Optional.of(FlyteFile.of(file)));
  }
}
