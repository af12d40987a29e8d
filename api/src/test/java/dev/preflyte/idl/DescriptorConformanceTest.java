package dev.preflyte.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.LiteralMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our compiled Flyte IDL model against the wire reference, in both directions: every field the
 * reference lists exists with the same number, name, type, label, oneof and tag bytes, and our model
 * has no field, message or enum value the reference does not list.
 */
class DescriptorConformanceTest {

  /**
   * {@code Variable.artifact_partial_id} (3) and {@code artifact_tag} (4) point at artifact messages
   * Preflyte does not model. Leaving them out is safe only because unknown fields survive a round
   * trip, which {@link ForwardCompatibilityTest} proves for exactly these two numbers.
   */
  static final Set<String> NOT_MODELLED = Set.of("flyteidl.core.Variable#3", "flyteidl.core.Variable#4");

  private static WireReference reference;
  private static Map<String, Descriptor> messages;
  private static Map<String, EnumDescriptor> enums;
  private static List<FileDescriptor> ourFiles;

  @BeforeAll
  static void load() {
    reference = WireReference.load();
    messages = new LinkedHashMap<>();
    enums = new LinkedHashMap<>();
    ourFiles = new ArrayList<>();
    Set<FileDescriptor> seen = new HashSet<>();
    for (FileDescriptor root : List.of(
        ModelDescriptors.descriptorOf(TaskSpec.class).getFile(), ModelDescriptors.descriptorOf(LiteralMap.class).getFile(),
        ModelDescriptors.descriptorOf(ErrorDocument.class).getFile())) {
      collect(root, seen);
    }
  }

  private static void collect(FileDescriptor file, Set<FileDescriptor> seen) {
    if (!seen.add(file)) {
      return;
    }
    if (file.getPackage().startsWith("flyteidl.")) {
      ourFiles.add(file);
    }
    file.getMessageTypes().forEach(DescriptorConformanceTest::collect);
    file.getEnumTypes().forEach(type -> enums.put(type.getFullName(), type));
    file.getDependencies().forEach(dependency -> collect(dependency, seen));
  }

  private static void collect(Descriptor message) {
    if (message.getOptions().getMapEntry()) {
      return;
    }
    messages.put(message.getFullName(), message);
    message.getNestedTypes().forEach(DescriptorConformanceTest::collect);
    message.getEnumTypes().forEach(type -> enums.put(type.getFullName(), type));
  }

  @Test
  void referenceIsCompletelyTranscribed() {
    // The numbers of the wire reference: 64 messages, 207 field rows, 63 enum values, 3 reserved numbers.
    assertEquals(64, reference.messages.size());
    assertEquals(207, reference.fields.size());
    assertEquals(63, reference.enumValues.size());
    assertEquals(3, reference.reserved.size());
  }

  @Test
  void everyReferenceFieldExistsAsFlyteDefinesIt() {
    List<String> problems = new ArrayList<>();
    for (WireReference.Field expected : reference.fields) {
      Descriptor message = messages.get(expected.message());
      if (message == null) {
        problems.add(expected.message() + " is missing from the model");
        continue;
      }
      FieldDescriptor field = message.findFieldByNumber(expected.number());
      if (NOT_MODELLED.contains(expected.id())) {
        if (field != null) {
          problems.add(expected.id() + " is now modelled: drop it from NOT_MODELLED");
        }
        continue;
      }
      if (field == null) {
        problems.add(expected.id() + " (" + expected.name() + ") is missing");
        continue;
      }
      String actual = String.join(" | ", field.getName(), label(field), type(field), oneof(field), tag(field));
      String wanted = String.join(" | ", expected.name(), expected.label(), expected.type(), expected.oneof(), expected.tag());
      if (!actual.equals(wanted)) {
        problems.add(expected.id() + ": expected [" + wanted + "] but the model has [" + actual + "]");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void modelHasNoFieldTheReferenceLacks() {
    Set<String> listed = reference.fields.stream().map(WireReference.Field::id).collect(Collectors.toSet());
    List<String> extra = new ArrayList<>();
    for (String name : reference.messages) {
      Descriptor message = messages.get(name);
      if (message == null) {
        continue; // reported by everyReferenceFieldExistsAsFlyteDefinesIt
      }
      for (FieldDescriptor field : message.getFields()) {
        if (!listed.contains(name + "#" + field.getNumber())) {
          extra.add(name + "#" + field.getNumber() + " (" + field.getName() + ")");
        }
      }
    }
    assertEquals(List.of(), extra);
  }

  @Test
  void modelHasNoMessageTheReferenceLacks() {
    Set<String> ours = new TreeSet<>();
    for (FileDescriptor file : ourFiles) {
      for (Descriptor message : messages.values()) {
        if (message.getFile() == file) {
          ours.add(message.getFullName());
        }
      }
    }
    ours.removeAll(reference.messages);
    assertEquals(Set.of(), ours);
  }

  @Test
  void enumValuesMatchInBothDirections() {
    Map<String, Map<Integer, String>> expected = new LinkedHashMap<>();
    for (WireReference.EnumValue value : reference.enumValues) {
      expected.computeIfAbsent(value.enumName(), name -> new LinkedHashMap<>()).put(value.number(), value.name());
    }
    List<String> problems = new ArrayList<>();
    expected.forEach((name, values) -> {
      EnumDescriptor type = enums.get(name);
      if (type == null) {
        problems.add("enum " + name + " is missing from the model");
        return;
      }
      Map<Integer, String> actual = new LinkedHashMap<>();
      for (EnumValueDescriptor value : type.getValues()) {
        actual.put(value.getNumber(), value.getName());
      }
      if (!actual.equals(values)) {
        problems.add("enum " + name + ": expected " + values + " but the model has " + actual);
      }
    });
    Set<String> extraEnums = new TreeSet<>();
    enums.values().stream()
        .filter(type -> ourFiles.contains(type.getFile()))
        .map(EnumDescriptor::getFullName)
        .filter(name -> !expected.containsKey(name))
        .forEach(extraEnums::add);
    if (!extraEnums.isEmpty()) {
      problems.add("enums the reference does not list: " + extraEnums);
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void reservedNumbersMatch() {
    Map<String, Set<Integer>> expected = new LinkedHashMap<>();
    reference.reserved.forEach(r -> expected.computeIfAbsent(r.message(), m -> new TreeSet<>()).add(r.number()));
    Map<String, Set<Integer>> actual = new LinkedHashMap<>();
    for (Descriptor message : messages.values()) {
      if (!ourFiles.contains(message.getFile())) {
        continue;
      }
      Set<Integer> numbers = new TreeSet<>();
      for (DescriptorProto.ReservedRange range : message.toProto().getReservedRangeList()) {
        for (int n = range.getStart(); n < range.getEnd(); n++) {
          numbers.add(n);
        }
      }
      if (!numbers.isEmpty()) {
        actual.put(message.getFullName(), numbers);
      }
    }
    assertEquals(expected, actual);
  }

  @Test
  void onlyContainerConfigIsDeprecated() {
    Set<String> deprecated = new TreeSet<>();
    for (Descriptor message : messages.values()) {
      if (ourFiles.contains(message.getFile())) {
        message.getFields().stream()
            .filter(field -> field.getOptions().getDeprecated())
            .forEach(field -> deprecated.add(field.getFullName()));
      }
    }
    assertEquals(Set.of("flyteidl.core.Container.config"), deprecated);
  }

  @Test
  void filesAreProto3WithFlytesPackageNames() {
    assertTrue(ourFiles.size() >= 10, "all model files were found: " + ourFiles.size());
    for (FileDescriptor file : ourFiles) {
      assertEquals("proto3", file.toProto().getSyntax(), file.getName());
      String expectedPackage = file.getName().startsWith("flyteidl/admin/") ? "flyteidl.admin" : "flyteidl.core";
      assertEquals(expectedPackage, file.getPackage(), file.getName());
    }
    // No proto3 `optional`: presence comes only from messages and real oneofs.
    for (Descriptor message : messages.values()) {
      for (FieldDescriptor field : message.getFields()) {
        assertTrue(!field.toProto().getProto3Optional(), field.getFullName() + " is a proto3 optional");
      }
    }
  }

  @Test
  void unmodelledArtifactFieldsAreFreeNumbers() {
    Descriptor variable = messages.get("flyteidl.core.Variable");
    for (String id : NOT_MODELLED) {
      int number = Integer.parseInt(id.substring(id.indexOf('#') + 1));
      assertNull(variable.findFieldByNumber(number), id);
      assertTrue(reference.fields.stream().anyMatch(field -> field.id().equals(id)), id + " is in the reference");
    }
  }

  private static String label(FieldDescriptor field) {
    if (field.isMapField()) {
      return "map";
    }
    return field.isRepeated() ? "repeated" : "";
  }

  private static String type(FieldDescriptor field) {
    if (field.isMapField()) {
      Descriptor entry = field.getMessageType();
      return "map<" + type(entry.findFieldByNumber(1)) + ", " + type(entry.findFieldByNumber(2)) + ">";
    }
    switch (field.getType()) {
      case MESSAGE:
      case GROUP:
        return field.getMessageType().getFullName();
      case ENUM:
        return field.getEnumType().getFullName();
      default:
        return field.getType().name().toLowerCase(Locale.ROOT);
    }
  }

  private static String oneof(FieldDescriptor field) {
    OneofDescriptor oneof = field.getRealContainingOneof();
    return oneof == null ? "" : oneof.getName();
  }

  /** The field's tag as it appears on the wire: varint of (number << 3 | wire type), in hex. */
  private static String tag(FieldDescriptor field) {
    int wireType = field.isPacked() ? 2 : field.getLiteType().getWireType();
    int tag = field.getNumber() << 3 | wireType;
    StringBuilder bytes = new StringBuilder();
    while ((tag & ~0x7f) != 0) {
      bytes.append(HexFormat.of().toHexDigits((byte) ((tag & 0x7f) | 0x80)));
      tag >>>= 7;
    }
    bytes.append(HexFormat.of().toHexDigits((byte) tag));
    return bytes.toString();
  }
}
