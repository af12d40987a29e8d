package dev.preflyte.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.Value;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Secret;
import dev.preflyte.idl.core.SecurityContext;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.core.TypedInterface;
import dev.preflyte.idl.core.Variable;
import dev.preflyte.idl.core.VariableMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker the compatibility tests rely on must see unknown fields wherever they hide. */
class UnknownFieldsTest {

  private static UnknownFieldSet unknown(int number) {
    return UnknownFieldSet.newBuilder()
        .addField(number, UnknownFieldSet.Field.newBuilder().addVarint(1).build())
        .build();
  }

  @Test
  void cleanTreeHasNone() {
    TaskSpec spec = TaskSpec.newBuilder().setTemplate(template(null, null, null)).build();
    assertEquals(List.of(), UnknownFields.find(spec));
  }

  @Test
  void findsTopLevel() {
    TaskSpec spec = TaskSpec.newBuilder().setTemplate(template(null, null, null)).setUnknownFields(unknown(9)).build();
    assertEquals(List.of("TaskSpec holds [9]"), UnknownFields.find(spec));
  }

  @Test
  void findsInsideMapValue() {
    TaskSpec spec = TaskSpec.newBuilder().setTemplate(template(unknown(3), null, null)).build();
    assertEquals(List.of("TaskSpec.template.interface.inputs.variables[x] holds [3]"), UnknownFields.find(spec));
  }

  @Test
  void findsInsideRepeatedMessage() {
    TaskSpec spec = TaskSpec.newBuilder().setTemplate(template(null, unknown(6), null)).build();
    assertEquals(List.of("TaskSpec.template.security_context.secrets[1] holds [6]"), UnknownFields.find(spec));
  }

  @Test
  void findsInsideStructValues() {
    TaskSpec spec = TaskSpec.newBuilder().setTemplate(template(null, null, unknown(7))).build();
    assertEquals(
        List.of("TaskSpec.template.custom.fields[list].list_value.values[0] holds [7]"),
        UnknownFields.find(spec));
  }

  @Test
  void findsAfterParsingBytes() throws Exception {
    TaskSpec spec = TaskSpec.newBuilder().setTemplate(template(unknown(3), unknown(6), unknown(7))).build();
    TaskSpec parsed = TaskSpec.parseFrom(spec.toByteArray());
    assertEquals(
        List.of(
            "TaskSpec.template.interface.inputs.variables[x] holds [3]",
            "TaskSpec.template.custom.fields[list].list_value.values[0] holds [7]",
            "TaskSpec.template.security_context.secrets[1] holds [6]"),
        UnknownFields.find(parsed));
  }

  private static TaskTemplate template(
      UnknownFieldSet inVariable, UnknownFieldSet inSecret, UnknownFieldSet inStructValue) {
    Variable.Builder variable =
        Variable.newBuilder().setType(LiteralType.newBuilder().setSimple(SimpleType.INTEGER));
    if (inVariable != null) {
      variable.setUnknownFields(inVariable);
    }
    Secret.Builder second = Secret.newBuilder().setGroup("g").setKey("k2");
    if (inSecret != null) {
      second.setUnknownFields(inSecret);
    }
    Value.Builder listItem = Value.newBuilder().setNumberValue(1);
    if (inStructValue != null) {
      listItem.setUnknownFields(inStructValue);
    }
    return TaskTemplate.newBuilder()
        .setType("t")
        .setInterface(TypedInterface.newBuilder().setInputs(VariableMap.newBuilder().putVariables("x", variable.build())))
        .setCustom(
            Struct.newBuilder()
                .putFields("list", Value.newBuilder().setListValue(ListValue.newBuilder().addValues(listItem)).build()))
        .setSecurityContext(
            SecurityContext.newBuilder().addSecrets(Secret.newBuilder().setGroup("g").setKey("k1")).addSecrets(second))
        .build();
  }
}
