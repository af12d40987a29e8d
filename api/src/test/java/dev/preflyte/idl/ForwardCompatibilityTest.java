package dev.preflyte.idl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnknownFieldSet;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.core.Variable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages from a newer Flyte, with field numbers our model does not know, keep those fields and
 * their exact bytes through parse, serialize and parse. The bytes are written by hand here, not
 * by our model, as a newer flytekit would write them.
 */
class ForwardCompatibilityTest {

  private static final byte[] ARTIFACT_ID = message(w -> w.writeString(1, "artifact-project"));
  private static final byte[] ARTIFACT_TAG = message(w -> w.writeString(2, "latest"));

  /** A TaskTemplate carrying unknown fields at four depths, each after the known fields. */
  private static final byte[] NEWER_TEMPLATE = message(template -> {
    template.writeByteArray(1, message(id -> {
      id.writeEnum(1, 1);
      id.writeString(4, "newer.task");
      id.writeFixed64(20, 0x0102030405060708L); // unknown, 64-bit
    }));
    template.writeString(2, "python-task");
    template.writeByteArray(3, message(metadata -> {
      metadata.writeByteArray(2, message(runtime -> runtime.writeEnum(1, 1)));
      metadata.writeString(77, "from a newer flytekit"); // unknown, length-delimited
    }));
    template.writeByteArray(4, message(iface -> iface.writeByteArray(1, message(inputs ->
        inputs.writeByteArray(1, message(entry -> {
          entry.writeString(1, "x");
          entry.writeByteArray(2, message(variable -> {
            variable.writeByteArray(1, message(type -> type.writeEnum(1, 1)));
            variable.writeByteArray(3, ARTIFACT_ID); // artifact_partial_id, not modelled
            variable.writeByteArray(4, ARTIFACT_TAG); // artifact_tag, not modelled
          }));
        }))))));
    template.writeByteArray(6, message(container -> {
      container.writeString(1, "image:1");
      container.writeFixed32(50, 0xCAFE); // unknown, 32-bit
    }));
    template.writeUInt64(99, 7); // unknown, varint
  });

  @Test
  void unknownFieldsAreKeptAtEveryDepth() throws IOException {
    TaskTemplate template = TaskTemplate.parseFrom(NEWER_TEMPLATE);

    assertEquals(List.of(7L), UnknownFields.of(template).getField(99).getVarintList());
    assertEquals(List.of(0x0102030405060708L), UnknownFields.of(template.getId()).getField(20).getFixed64List());
    assertEquals(List.of(ByteString.copyFromUtf8("from a newer flytekit")),
        UnknownFields.of(template.getMetadata()).getField(77).getLengthDelimitedList());
    assertEquals(List.of(0xCAFE), UnknownFields.of(template.getContainer()).getField(50).getFixed32List());
    Variable x = template.getInterface().getInputs().getVariablesOrThrow("x");
    assertEquals(List.of(ByteString.copyFrom(ARTIFACT_ID)), UnknownFields.of(x).getField(3).getLengthDelimitedList());
    assertEquals(List.of(ByteString.copyFrom(ARTIFACT_TAG)), UnknownFields.of(x).getField(4).getLengthDelimitedList());
    assertEquals(
        List.of(
            "TaskTemplate holds [99]",
            "TaskTemplate.id holds [20]",
            "TaskTemplate.metadata holds [77]",
            "TaskTemplate.interface.inputs.variables[x] holds [3, 4]",
            "TaskTemplate.container holds [50]"),
        UnknownFields.find(template));
  }

  @Test
  void roundTripKeepsTheExactBytes() throws IOException {
    TaskTemplate template = TaskTemplate.parseFrom(NEWER_TEMPLATE);
    byte[] written = template.toByteArray();

    assertArrayEquals(NEWER_TEMPLATE, written);
    assertEquals(template, TaskTemplate.parseFrom(written));
  }

  @Test
  void editingAKnownFieldKeepsTheUnknownOnes() throws IOException {
    TaskTemplate edited = TaskTemplate.parseFrom(NEWER_TEMPLATE).toBuilder()
        .setType("container")
        .setMetadata(TaskTemplate.parseFrom(NEWER_TEMPLATE).getMetadata().toBuilder().setDiscoverable(true))
        .build();
    TaskTemplate reread = TaskTemplate.parseFrom(edited.toByteArray());

    assertEquals("container", reread.getType());
    assertEquals(5, UnknownFields.find(reread).size(), UnknownFields.find(reread).toString());
    assertEquals(List.of(ByteString.copyFromUtf8("from a newer flytekit")),
        UnknownFields.of(reread.getMetadata()).getField(77).getLengthDelimitedList());
  }

  @Test
  void templateCopiedOutOfATaskSpecKeepsItsBytes() throws IOException {
    byte[] spec = message(w -> {
      w.writeByteArray(1, NEWER_TEMPLATE);
      w.writeString(3, "a TaskSpec field from a newer flyteadmin");
    });

    TaskSpec parsed = TaskSpec.parseFrom(spec);

    assertArrayEquals(NEWER_TEMPLATE, parsed.getTemplate().toByteArray());
    assertArrayEquals(spec, parsed.toByteArray());
    UnknownFieldSet top = UnknownFields.of(parsed);
    assertEquals(List.of(ByteString.copyFromUtf8("a TaskSpec field from a newer flyteadmin")),
        top.getField(3).getLengthDelimitedList());
  }

  @Test
  void realFixtureWithAppendedNewerFieldsRoundTrips() throws IOException {
    byte[] original = FlyteFixtures.read(
        FlyteFixtures.file("taskspecs/083_core.flyte_basics.basic_workflow.t1_1.pb"));
    // Concatenated messages merge: this appends TaskTemplate field 99 inside TaskSpec.template.
    byte[] extra = message(w -> w.writeByteArray(1, message(t -> t.writeUInt64(99, 42))));
    byte[] newer = concat(original, extra);

    TaskSpec spec = TaskSpec.parseFrom(newer);

    assertEquals(List.of("TaskSpec.template holds [99]"), UnknownFields.find(spec));
    assertEquals(List.of(42L), UnknownFields.of(spec.getTemplate()).getField(99).getVarintList());
    assertEquals(spec, TaskSpec.parseFrom(spec.toByteArray()));
    assertEquals(TaskSpec.parseFrom(original).getTemplate(),
        ModelDescriptors.fromView(ModelDescriptors.view(spec.getTemplate()).toBuilder()
            .setUnknownFields(UnknownFieldSet.getDefaultInstance()).build(), TaskTemplate.getDefaultInstance()));
  }

  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] message(Writer writer) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      writer.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
