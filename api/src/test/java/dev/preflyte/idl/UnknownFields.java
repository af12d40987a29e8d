package dev.preflyte.idl;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageLite;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists every place in a message tree where the parser put bytes it did not recognise.
 *
 * <p>A protobuf parser accepts bytes of the wrong type without complaint and keeps what it does not
 * understand as unknown fields, so a compatibility check must look at every depth: singular,
 * repeated and map-valued message fields, {@code google.protobuf.Struct} values included.
 */
public final class UnknownFields {

  private UnknownFields() {}

  /**
   * The paths of all messages under (and including) {@code root} that hold unknown fields, each with
   * the unknown field numbers, for example {@code template.interface.inputs.variables[x] holds [3]}.
   * Empty when the whole tree was understood.
   */
  public static List<String> find(MessageLite root) {
    List<String> found = new ArrayList<>();
    Message view = ModelDescriptors.view(root);
    walk(view, view.getDescriptorForType().getName(), found);
    return found;
  }

  /** The unknown fields of {@code message} itself (the lite model keeps them but does not show them). */
  public static UnknownFieldSet of(MessageLite message) {
    return ModelDescriptors.view(message).getUnknownFields();
  }

  private static void walk(MessageOrBuilder message, String path, List<String> found) {
    if (!message.getUnknownFields().asMap().isEmpty()) {
      found.add(path + " holds " + message.getUnknownFields().asMap().keySet());
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      FieldDescriptor descriptor = field.getKey();
      String fieldPath = path + "." + descriptor.getName();
      if (descriptor.isMapField()) {
        for (Object entry : (List<?>) field.getValue()) {
          walkMapEntry((Message) entry, fieldPath, found);
        }
      } else if (descriptor.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      } else if (descriptor.isRepeated()) {
        List<?> items = (List<?>) field.getValue();
        for (int i = 0; i < items.size(); i++) {
          walk((Message) items.get(i), fieldPath + "[" + i + "]", found);
        }
      } else {
        walk((Message) field.getValue(), fieldPath, found);
      }
    }
  }

  private static void walkMapEntry(Message entry, String mapPath, List<String> found) {
    FieldDescriptor key = entry.getDescriptorForType().findFieldByNumber(1);
    FieldDescriptor value = entry.getDescriptorForType().findFieldByNumber(2);
    String entryPath = mapPath + "[" + entry.getField(key) + "]";
    if (!entry.getUnknownFields().asMap().isEmpty()) {
      found.add(entryPath + " (map entry) holds " + entry.getUnknownFields().asMap().keySet());
    }
    if (value.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      walk((Message) entry.getField(value), entryPath, found);
    }
  }
}
