package dev.preflyte.runtime.literal;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.runtime.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;

/** Steps every codec takes before looking at a literal. */
final class Literals {

  /** Largest offloaded literal read, declared size or not: Flyte offloads literals of megabytes. */
  static final long MAX_OFFLOADED_BYTES = 1L << 30;

  private Literals() {}

  /**
   * The bytes of an offloaded literal, never more than it declares ({@code size_bytes}, when set)
   * nor more than {@link #MAX_OFFLOADED_BYTES}: an object that is longer is refused unread.
   */
  private static byte[] readDeclared(String uri, long declared, LiteralContext context) {
    long limit = declared > 0 ? Math.min(declared, MAX_OFFLOADED_BYTES) : MAX_OFFLOADED_BYTES;
    if (declared > MAX_OFFLOADED_BYTES) {
      throw new LiteralConversionException("offloaded literal at " + uri + " declares " + declared
          + " bytes, more than the " + MAX_OFFLOADED_BYTES + " a task reads: pass it as a FlyteFile instead");
    }
    try (InputStream in = context.storage().open(uri)) {
      byte[] bytes = in.readNBytes((int) limit);
      if (in.read() >= 0) {
        throw new LiteralConversionException("offloaded literal at " + uri + " is longer than "
            + (declared > 0 ? "its declared size_bytes " + declared : "the " + limit + " bytes a task reads")
            + ": it was changed or replaced after Flyte offloaded it");
      }
      if (declared > 0 && bytes.length != declared) {
        throw new LiteralConversionException("offloaded literal at " + uri + " has " + bytes.length
            + " bytes, not its declared size_bytes " + declared + ": it was truncated or replaced");
      }
      return bytes;
    } catch (IOException e) {
      throw new StorageException("cannot read the offloaded literal " + uri + ": " + e, e);
    }
  }

  /**
   * The literal itself, or, for a literal Flyte offloaded to storage ({@code offloaded_metadata}), the
   * literal read back from its URI.
   */
  static Literal resolve(Literal literal, LiteralContext context) {
    if (literal == null) {
      throw new LiteralConversionException("expected a literal, got null");
    }
    if (!literal.hasOffloadedMetadata()) {
      return literal;
    }
    String uri = literal.getOffloadedMetadata().getUri();
    if (context == null) {
      throw new LiteralConversionException("literal offloaded to " + uri + " cannot be read without storage:"
          + " decode it with a LiteralContext");
    }
    byte[] bytes = readDeclared(uri, literal.getOffloadedMetadata().getSizeBytes(), context);
    try {
      Literal loaded = Literal.parseFrom(bytes);
      if (loaded.hasOffloadedMetadata()) {
        throw new LiteralConversionException("offloaded literal at " + uri + " points to another offloaded literal");
      }
      return loaded;
    } catch (InvalidProtocolBufferException e) {
      throw new LiteralConversionException("offloaded literal at " + uri + " is not a Literal: " + e.getMessage(), e);
    }
  }
}
