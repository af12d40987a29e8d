package dev.preflyte.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Timestamp;
import dev.preflyte.idl.protobuf.Value;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModelDescriptorsTest {

  /**
   * The model's own definitions of protobuf's well-known types must be those types field for field:
   * Flyte's bytes and JSON depend on it, and the descriptors that stand in for them are protobuf-java's.
   */
  @Test
  void wellKnownTypesHaveProtobufsOwnFields() throws Exception {
    Map<String, FileDescriptor> real = Map.of(
        "google/protobuf/struct.proto", com.google.protobuf.StructProto.getDescriptor(),
        "google/protobuf/timestamp.proto", com.google.protobuf.TimestampProto.getDescriptor(),
        "google/protobuf/duration.proto", com.google.protobuf.DurationProto.getDescriptor(),
        "google/protobuf/wrappers.proto", com.google.protobuf.WrappersProto.getDescriptor());
    int compared = 0;
    for (FileDescriptorProto ours : descriptorSet().getFileList()) {
      FileDescriptor theirs = real.get(ours.getName());
      if (theirs == null) {
        assertTrue(ours.getPackage().startsWith("flyteidl."), ours.getName() + " is a model file");
        continue;
      }
      assertEquals("google.protobuf", ours.getPackage(), ours.getName());
      assertEquals("dev.preflyte.idl.protobuf", ours.getOptions().getJavaPackage(), ours.getName());
      for (DescriptorProto message : ours.getMessageTypeList()) {
        Descriptor counterpart = theirs.findMessageTypeByName(message.getName());
        assertNotNull(counterpart, "google.protobuf." + message.getName() + " is a well-known type");
        assertEquals(fields(counterpart.toProto()), fields(message), message.getName());
        compared++;
      }
      ours.getEnumTypeList().forEach(type -> assertEquals(
          theirs.findEnumTypeByName(type.getName()).toProto().getValueList(), type.getValueList(), type.getName()));
    }
    assertEquals(6, compared, "Struct, Value, ListValue, Timestamp, Duration and BoolValue");
  }

  private static List<String> fields(DescriptorProto message) {
    return message.getFieldList().stream()
        .map((FieldDescriptorProto f) -> f.getNumber() + " " + f.getName() + " " + f.getType() + " " + f.getLabel()
            + " " + f.getTypeName() + " " + f.hasOneofIndex())
        .collect(Collectors.toList());
  }

  private static FileDescriptorSet descriptorSet() throws Exception {
    try (InputStream in = ModelDescriptors.class.getResourceAsStream("model.desc")) {
      assertNotNull(in, "model.desc is beside ModelDescriptors");
      return FileDescriptorSet.parseFrom(in);
    }
  }

  @Test
  void describesEveryModelClassNestedOnesIncluded() {
    assertEquals("flyteidl.core.TaskTemplate", ModelDescriptors.descriptorOf(TaskTemplate.class).getFullName());
    assertEquals("flyteidl.core.Literal", ModelDescriptors.descriptorOf(Literal.class).getFullName());
    assertEquals("google.protobuf.Struct", ModelDescriptors.descriptorOf(Struct.class).getFullName());
    assertEquals(com.google.protobuf.Struct.getDescriptor(), ModelDescriptors.descriptorOf(Struct.class));
    assertEquals("flyteidl/core/tasks.proto", ModelDescriptors.descriptorOf(TaskTemplate.class).getFile().getName());
    assertEquals("flyteidl.core.Literal.MetadataEntry",
        ModelDescriptors.descriptorOf(Literal.class).findNestedTypeByName("MetadataEntry").getFullName());
  }

  @Test
  void aViewKeepsEveryFieldAndReadsBack() throws Exception {
    Literal literal = Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setDatetime(Timestamp.newBuilder().setSeconds(7))))
        .build();
    LiteralMap map = LiteralMap.newBuilder().putLiterals("when", literal).build();
    TaskTemplate template = TaskTemplate.newBuilder().setType("t")
        .setCustom(Struct.newBuilder().putFields("k", Value.newBuilder().setStringValue("v").build())).build();

    DynamicMessage view = ModelDescriptors.view(template);
    assertEquals(template.toByteString(), view.toByteString());
    assertEquals(template, ModelDescriptors.fromView(view, TaskTemplate.getDefaultInstance()));
    // JSON through the view writes the well-known types in their JSON forms, as Flyte's tools do.
    assertEquals("{\"type\":\"t\",\"custom\":{\"k\":\"v\"}}", JsonFormat.printer().omittingInsignificantWhitespace().print(view));
    assertEquals("{\"literals\":{\"when\":{\"scalar\":{\"primitive\":{\"datetime\":\"1970-01-01T00:00:07Z\"}}}}}",
        JsonFormat.printer().omittingInsignificantWhitespace().print(ModelDescriptors.view(map)));
  }

  @Test
  void refusesWhatIsNotTheModel() {
    IllegalArgumentException notModel = assertThrows(IllegalArgumentException.class,
        () -> ModelDescriptors.descriptorOf(com.google.protobuf.Empty.class));
    assertEquals("com.google.protobuf.Empty is not a message of the Flyte model (dev.preflyte.idl)", notModel.getMessage());
  }
}
