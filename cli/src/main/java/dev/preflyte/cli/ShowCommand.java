package dev.preflyte.cli;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageLite;
import com.google.protobuf.util.JsonFormat;
import dev.preflyte.idl.ModelDescriptors;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preflyte show FILE}: a TaskTemplate, admin.TaskSpec, LiteralMap ({@code inputs.pb},
 * {@code outputs.pb}) or ErrorDocument ({@code error.pb}) as JSON. Without {@code --as}: Flyte's file
 * names ({@code inputs.pb}, {@code outputs.pb}, {@code error.pb}) say which; otherwise the first type
 * that parses with no unknown field at any depth and no control character in any string (bytes of
 * one message read as a string of another would have them).
 */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Preflyte.Version.class,
    description = {"Decodes a Flyte protobuf file and prints it as JSON.",
        "A .tgz package archive: each .pb entry, after a '# <entry>' line."})
final class ShowCommand implements Callable<Integer> {

  /** What a file may hold, in the order tried. */
  enum Kind {
    taskspec(TaskSpec.class),
    template(TaskTemplate.class),
    error(ErrorDocument.class),
    literals(LiteralMap.class);

    /** The model's class: its descriptors read the file, unknown fields and all. */
    final Class<? extends MessageLite> type;

    Kind(Class<? extends MessageLite> type) {
      this.type = type;
    }
  }

  @Parameters(paramLabel = "FILE", description = "The protobuf file (inputs.pb, outputs.pb, error.pb, a TaskSpec ...).")
  Path file;

  @Option(names = "--as", paramLabel = "KIND", description = "What the file holds: ${COMPLETION-CANDIDATES};"
      + " default: detected")
  Kind as;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InvalidProtocolBufferException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + (Files.isDirectory(file) ? "it is a directory"
          : Files.exists(file) ? e.getMessage() : "it does not exist"), e);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      showArchive(bytes);
      return 0;
    }
    Message message = decode(bytes, file.getFileName().toString(), file.toString());
    spec.commandLine().getOut().println(JsonFormat.printer().print(message));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Each {@code .pb} entry of a package archive: a {@code # <entry>} line, then its JSON. */
  private void showArchive(byte[] bytes) throws InvalidProtocolBufferException {
    Map<String, byte[]> entries;
    try {
      entries = TarGz.read(new java.io.ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new CliException(file + " is not a readable .tgz archive: " + e.getMessage(), e);
    }
    java.io.PrintWriter out = spec.commandLine().getOut();
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      if (!entry.getKey().endsWith(".pb")) {
        out.println("# " + entry.getKey() + ": skipped, not a .pb file");
        continue;
      }
      Message message = as != null ? parse(as, entry.getValue()) : detect(entry.getKey(), entry.getValue());
      if (message == null) {
        out.println("# " + entry.getKey() + ": skipped, none of " + List.of(Kind.values())
            + " (a workflow or launch plan?)");
        continue;
      }
      out.println("# " + entry.getKey());
      out.println(JsonFormat.printer().print(message));
    }
    out.flush();
  }

  private Message decode(byte[] bytes, String fileName, String what) {
    Message message;
    if (as != null) {
      message = parse(as, bytes);
      if (message == null) {
        throw new CliException(what + " is not a " + as + " (it does not parse as one without unknown fields)");
      }
    } else {
      message = detect(fileName, bytes);
      if (message == null) {
        throw new CliException(what + " is none of " + List.of(Kind.values())
            + ": no type parses it without unknown fields");
      }
    }
    return message;
  }

  static Message detect(String fileName, byte[] bytes) {
    Kind hinted = switch (fileName) {
      case "inputs.pb", "outputs.pb" -> Kind.literals;
      case "error.pb" -> Kind.error;
      default -> null;
    };
    if (hinted != null) {
      Message message = parse(hinted, bytes);
      if (message != null) {
        return message;
      }
    }
    for (Kind kind : Kind.values()) {
      Message message = parse(kind, bytes);
      if (message != null && !hasControlCharacters(message)) {
        return message;
      }
    }
    return null;
  }

  private static boolean hasControlCharacters(Message message) {
    for (Map.Entry<com.google.protobuf.Descriptors.FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      List<?> values = field.getKey().isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
      for (Object value : values) {
        if (value instanceof String text && text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
          return true;
        }
        if (value instanceof Message nested && hasControlCharacters(nested)) {
          return true;
        }
      }
    }
    return false;
  }

  static Message parse(Kind kind, byte[] bytes) {
    try {
      Message message = DynamicMessage.parseFrom(ModelDescriptors.descriptorOf(kind.type), bytes);
      return unknownFields(message).isEmpty() ? message : null;
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  /** The paths of every unknown field in {@code message}, at any depth. */
  static List<String> unknownFields(Message message) {
    List<String> found = new ArrayList<>();
    collect(message, message.getDescriptorForType().getName(), found);
    return found;
  }

  private static void collect(Message message, String path, List<String> found) {
    if (message.getUnknownFields().asMap().size() > 0) {
      found.add(path);
    }
    for (Map.Entry<com.google.protobuf.Descriptors.FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      String fieldPath = path + "." + field.getKey().getName();
      if (field.getKey().isRepeated()) {
        for (Object element : (List<?>) field.getValue()) {
          collect((Message) element, fieldPath, found);
        }
      } else {
        collect((Message) field.getValue(), fieldPath, found);
      }
    }
  }
}
