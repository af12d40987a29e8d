package dev.preflyte.idl;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageLite;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.WrappersProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Descriptors of the Flyte model, for the few things its lite classes cannot do themselves: JSON
 * (the CLI), walking every set field (flytekit's hash of an offloaded output, the compatibility
 * tests). They are built on first use from the descriptor set the build writes beside the classes,
 * so a task that only parses and writes the model never pays for them.
 *
 * <p>The model's well-known types ({@code dev.preflyte.idl.protobuf}) are described by
 * protobuf-java's own descriptors of the same names, so JSON renders a {@code Struct} as a JSON
 * object, as Flyte's tools do.
 */
public final class ModelDescriptors {

  private static final String RESOURCE = "model.desc";
  private static final String WELL_KNOWN_PACKAGE = "dev.preflyte.idl.protobuf.";

  private ModelDescriptors() {}

  /** The descriptor of {@code type}, a message class of the model. */
  public static Descriptor descriptorOf(Class<? extends MessageLite> type) {
    Descriptor descriptor = Loaded.BY_CLASS_NAME.get(type.getName());
    if (descriptor == null) {
      throw new IllegalArgumentException(type.getName() + " is not a message of the Flyte model (dev.preflyte.idl)");
    }
    return descriptor;
  }

  /** {@code message} as a message with descriptors: the same fields, unknown ones included. */
  public static DynamicMessage view(MessageLite message) {
    try {
      return DynamicMessage.parseFrom(descriptorOf(message.getClass()), message.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the bytes of a " + message.getClass().getName() + " did not parse back", e);
    }
  }

  /** The model's message of {@code prototype}'s type holding the fields of {@code view}. */
  @SuppressWarnings("unchecked")
  public static <T extends MessageLite> T fromView(Message view, T prototype) {
    try {
      return (T) prototype.getParserForType().parseFrom(view.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("a " + view.getDescriptorForType().getFullName()
          + " does not parse as a " + prototype.getClass().getName(), e);
    }
  }

  /** Built once, on first use. */
  private static final class Loaded {
    static final Map<String, Descriptor> BY_CLASS_NAME = new HashMap<>();

    static {
      Map<String, FileDescriptor> files = new HashMap<>();
      files.put("google/protobuf/struct.proto", StructProto.getDescriptor());
      files.put("google/protobuf/timestamp.proto", TimestampProto.getDescriptor());
      files.put("google/protobuf/duration.proto", DurationProto.getDescriptor());
      files.put("google/protobuf/wrappers.proto", WrappersProto.getDescriptor());
      for (FileDescriptorProto proto : readSet().getFileList()) {
        if (!files.containsKey(proto.getName())) {
          files.put(proto.getName(), build(proto, files));
        }
      }
      for (FileDescriptor file : files.values()) {
        String javaPackage = file.getPackage().equals("google.protobuf")
            ? WELL_KNOWN_PACKAGE : file.getOptions().getJavaPackage() + ".";
        for (Descriptor message : file.getMessageTypes()) {
          index(message, javaPackage + message.getName());
        }
      }
    }

    private static void index(Descriptor message, String className) {
      BY_CLASS_NAME.put(className, message);
      for (Descriptor nested : message.getNestedTypes()) {
        index(nested, className + "$" + nested.getName());
      }
    }

    private static FileDescriptorSet readSet() {
      try (InputStream in = ModelDescriptors.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing beside " + ModelDescriptors.class.getName()
              + ": the preflyte-api jar is incomplete; rebuild it with 'mvn -B package'");
        }
        return FileDescriptorSet.parseFrom(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE + " from the preflyte-api jar", e);
      }
    }

    /** {@code proto}, its imports taken from {@code built}. */
    private static FileDescriptor build(FileDescriptorProto proto, Map<String, FileDescriptor> built) {
      List<String> names = proto.getDependencyList();
      FileDescriptor[] dependencies = new FileDescriptor[names.size()];
      for (int i = 0; i < dependencies.length; i++) {
        dependencies[i] = built.get(names.get(i)); // the set lists every file after its imports
      }
      try {
        return FileDescriptor.buildFrom(proto, dependencies);
      } catch (DescriptorValidationException e) {
        throw new IllegalStateException(RESOURCE + " does not describe a valid " + proto.getName(), e);
      }
    }
  }
}
