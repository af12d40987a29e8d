package dev.preflyte.runtime.literal;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.core.Literal;

/** Steps every codec takes before looking at a literal. */
final class Literals {

  private Literals() {}

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
    byte[] bytes = context.storage().read(uri);
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
