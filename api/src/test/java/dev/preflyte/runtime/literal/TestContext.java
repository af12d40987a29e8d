package dev.preflyte.runtime.literal;

import java.nio.file.Path;

/** A literal context over a temporary directory: raw outputs under {@code raw/}, downloads under {@code work/}. */
public record TestContext(String rawOutputPrefix, Path workingDirectory, LocalTestStorage storage)
    implements LiteralContext {

  public static TestContext in(Path root) {
    return new TestContext(root.resolve("raw").toUri().toString(), root.resolve("work"), new LocalTestStorage());
  }
}
