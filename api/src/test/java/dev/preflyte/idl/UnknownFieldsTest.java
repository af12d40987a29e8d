package dev.preflyte.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.UnknownFieldSet;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Secret;
import dev.preflyte.idl.core.SecurityContext;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.core.TypedInterface;
import dev.preflyte.idl.core.Variable;
import dev.preflyte.idl.core.VariableMap;
import dev.preflyte.idl.protobuf.ListValue;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker the compatibility tests rely on must see unknown fields wherever they hide. */
class UnknownFieldsTest {

  private static UnknownFieldSet unknown(int number) {
    return UnknownFieldSet.newBuilder()
        .addField(number, UnknownFieldSet.Field.newBuilder().addVarint(1).build())
        .build();
  }

  /** {@code message} with {@code extra} after its own fields, as a newer writer would send it. */
  @SuppressWarnings("unchecked")
  private static <T extends MessageLite> T with(T message, UnknownFieldSet extra) {
    try {
      return (T) message.getParserForType().parseFrom(message.toByteString().concat(extra.toByteString()));
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void cleanTreeHasNone() {
    TaskSpec spec = TaskSpec.newBuilder().setTemplate(template(null, null, null)).build();
    assertEquals(List.of(), UnknownFields.find(spec));
  }

  @Test
  void findsTopLevel() {
    TaskSpec spec = with(TaskSpec.newBuilder().setTemplate(template(null, null, null)).build(), unknown(9));
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
    Variable variable =
        Variable.newBuilder().setType(LiteralType.newBuilder().setSimple(SimpleType.INTEGER)).build();
    if (inVariable != null) {
      variable = with(variable, inVariable);
    }
    Secret second = Secret.newBuilder().setGroup("g").setKey("k2").build();
    if (inSecret != null) {
      second = with(second, inSecret);
    }
    Value listItem = Value.newBuilder().setNumberValue(1).build();
    if (inStructValue != null) {
      listItem = with(listItem, inStructValue);
    }
    return TaskTemplate.newBuilder()
        .setType("t")
        .setInterface(TypedInterface.newBuilder().setInputs(VariableMap.newBuilder().putVariables("x", variable)))
        .setCustom(
            Struct.newBuilder()
                .putFields("list", Value.newBuilder().setListValue(ListValue.newBuilder().addValues(listItem)).build()))
        .setSecurityContext(
            SecurityContext.newBuilder().addSecrets(Secret.newBuilder().setGroup("g").setKey("k1")).addSecrets(second))
        .build();
  }
}
