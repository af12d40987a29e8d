package dev.preflyte.runtime.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflyte.idl.core.Blob;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralCollection;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceholderRendererTest {

  private static final LiteralMap INPUTS =
      LiteralMap.newBuilder()
          .putLiterals("limit", integer(10))
          .putLiterals("ratio", Literal.newBuilder().setScalar(Scalar.newBuilder()
              .setPrimitive(Primitive.newBuilder().setFloatValue(2.0))).build())
          .putLiterals("name", Literal.newBuilder().setScalar(Scalar.newBuilder()
              .setPrimitive(Primitive.newBuilder().setStringValue("ada"))).build())
          .putLiterals("data", Literal.newBuilder().setScalar(Scalar.newBuilder()
              .setBlob(Blob.newBuilder().setUri("s3://bucket/data.csv"))).build())
          .putLiterals("ids", Literal.newBuilder().setCollection(LiteralCollection.newBuilder()
              .addLiterals(integer(1)).addLiterals(integer(2))).build())
          .build();

  private static final PlaceholderRenderer.Values FIRST_ATTEMPT =
      new PlaceholderRenderer.Values(
          "/d/inputs.pb", "/d", "/d/0", "/raw/x", "", "/raw/x/_flytecheckpoints", "akey_0",
          "/d/task.pb", "ns", INPUTS);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{{.input}}|/d/inputs.pb",
        "{{ .Input }}|/d/inputs.pb",
        "{{$input}}|/d/inputs.pb",
        "{{.INPUT}}|/d/inputs.pb",
        "{{.inputPrefix}}|/d",
        "{{.outputPrefix}}|/d/0",
        "{{.rawOutputDataPrefix}}|/raw/x",
        "{{.checkpointOutputPrefix}}|/raw/x/_flytecheckpoints",
        "{{.prevCheckpointPrefix}}|\"\"",
        "{{.perRetryUniqueKey}}|akey_0",
        "{{.taskTemplatePath}}|/d/task.pb",
        "{{.namespace}}|ns",
        "prefix={{.outputPrefix}}/x|prefix=/d/0/x",
        "{{input}}|{{input}}",
        "{{.unknownThing}}|{{.unknownThing}}",
        "{{.Inputs.limit}}|10",
        "{{ .inputs.ratio }}|2",
        "{{.Inputs.name}}|ada",
        "{{.Inputs.data}}|s3://bucket/data.csv",
        "{{.Inputs.ids}}|[1,2]",
      })
  void rendersAsFlytesContainerPluginDoes(String template, String expected) {
    assertEquals(expected, PlaceholderRenderer.render(template, FIRST_ATTEMPT));
  }

  @Test
  void laterAttemptsGetThePreviousCheckpoint() {
    PlaceholderRenderer.Values second =
        new PlaceholderRenderer.Values(
            "/d/inputs.pb", "/d", "/d/1", "/raw/y", "/raw/x/_flytecheckpoints", "/raw/y/_flytecheckpoints",
            "akey_1", "/d/task.pb", "ns", INPUTS);
    assertEquals("/raw/x/_flytecheckpoints", PlaceholderRenderer.render("{{.prevCheckpointPrefix}}", second));
  }

  @Test
  void anUnknownInputFailsAsThePluginDoes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PlaceholderRenderer.render("{{.Inputs.nope}}", FIRST_ATTEMPT));
    assertEquals("requested input is not found [nope]", e.getMessage());
  }

  @Test
  void rendersEveryPlaceholderOfPreflytesContainerArgs() {
    PrebuiltContainerTask<String> task = new PrebuiltContainerTask<>("adder", "img:1", "com.acme.Adder",
        dev.preflyte.runtime.task.TaskInterface.empty(), "config", dev.preflyte.runtime.task.TaskSettings.defaults()) {
      @Override
      public dev.preflyte.idl.protobuf.Struct getCustom() {
        return dev.preflyte.idl.protobuf.Struct.getDefaultInstance();
      }
    };
    List<String> rendered = PlaceholderRenderer.render(task.containerArgs(), FIRST_ATTEMPT);
    assertEquals(
        List.of("preflyte-execute", "--inputs", "/d/inputs.pb", "--output-prefix", "/d/0",
            "--raw-output-data-prefix", "/raw/x", "--checkpoint-path", "/raw/x/_flytecheckpoints",
            "--prev-checkpoint", "\"\"", "--resolver", PrebuiltContainerTask.RESOLVER, "--", "/d/task.pb",
            "com.acme.Adder"),
        rendered);
  }

  private static Literal integer(long value) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(value))).build();
  }
}
