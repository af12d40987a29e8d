package dev.preflyte.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicInterfaceTest {

  private static final LiteralType INTEGER = LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();

  @Test
  void inputsAndOutputsDeclaredPerInstanceReachTheTemplate() {
    QueryTask task = QueryTask.of("select * from t limit :limit",
        TaskInterface.builder().input("limit", INTEGER).output("count", INTEGER).build());
    TaskTemplate template = task.toTaskTemplate(RegistrationSettings.local());

    assertEquals(List.of("limit"), List.copyOf(template.getInterface().getInputs().getVariablesMap().keySet()));
    assertEquals(INTEGER, template.getInterface().getOutputs().getVariablesOrThrow("count").getType());
    assertEquals("select * from t limit :limit",
        template.getCustom().getFieldsOrThrow("query").getStringValue());
    assertEquals("query", template.getType());
  }

  @Test
  void duplicateDynamicInputIsRejected() {
    TaskInterface.Builder builder = TaskInterface.builder().input("x", INTEGER);
    assertThrows(IllegalArgumentException.class, () -> builder.input("x", INTEGER));
  }
}
