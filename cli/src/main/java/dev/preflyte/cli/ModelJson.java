package dev.preflyte.cli;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.util.JsonFormat;
import dev.preflyte.idl.ModelDescriptors;

/**
 * Protobuf's JSON mapping for the model's lite messages, through the descriptors of {@link
 * ModelDescriptors}: the JSON Flyte's own tools print and read.
 */
final class ModelJson {

  private ModelJson() {}

  /** {@code message} as indented JSON. */
  static String print(MessageLite message) {
    return print(message, false);
  }

  /** {@code message} as JSON, on one line when {@code compact}. */
  static String print(MessageLite message, boolean compact) {
    JsonFormat.Printer printer = compact ? JsonFormat.printer().omittingInsignificantWhitespace() : JsonFormat.printer();
    try {
      return printer.print(ModelDescriptors.view(message));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("protobuf's JSON mapping cannot print a " + message.getClass().getSimpleName()
          + ": " + e.getMessage(), e);
    }
  }

  /** {@code json} as a message of {@code prototype}'s type; unknown field names are refused. */
  static <T extends MessageLite> T parse(String json, T prototype) throws InvalidProtocolBufferException {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(ModelDescriptors.descriptorOf(prototype.getClass()));
    JsonFormat.parser().merge(json, builder);
    return ModelDescriptors.fromView(builder.build(), prototype);
  }
}
