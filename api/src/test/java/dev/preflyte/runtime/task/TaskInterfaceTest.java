package dev.preflyte.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TypedInterface;
import dev.preflyte.idl.core.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskInterfaceTest {

  private static final LiteralType STRING = LiteralType.newBuilder().setSimple(SimpleType.STRING).build();
  private static final LiteralType FLOAT = LiteralType.newBuilder().setSimple(SimpleType.FLOAT).build();

  @Test
  void keepsDeclarationOrderAndDescriptions() {
    TaskInterface iface = TaskInterface.builder()
        .input("zeta", STRING, "last letter")
        .input("alpha", FLOAT)
        .output("result", STRING, "")
        .build();

    assertEquals(List.of("zeta", "alpha"), List.copyOf(iface.inputs().keySet()));
    assertEquals(Variable.newBuilder().setType(STRING).setDescription("last letter").build(), iface.inputs().get("zeta"));
    assertEquals(Variable.newBuilder().setType(FLOAT).build(), iface.inputs().get("alpha"));
    assertEquals("", iface.outputs().get("result").getDescription());
  }

  @Test
  void toProtoLeavesOutEmptySides() {
    TypedInterface inputsOnly = TaskInterface.builder().input("a", STRING).build().toProto();
    assertTrue(inputsOnly.hasInputs());
    assertFalse(inputsOnly.hasOutputs());

    TypedInterface outputsOnly = TaskInterface.builder().output("o", STRING).build().toProto();
    assertFalse(outputsOnly.hasInputs());
    assertEquals(STRING, outputsOnly.getOutputs().getVariablesOrThrow("o").getType());

    assertEquals(TypedInterface.getDefaultInstance(), TaskInterface.empty().toProto());
  }

  @Test
  void emptyIsShared() {
    assertSame(TaskInterface.empty(), TaskInterface.empty());
    assertTrue(TaskInterface.empty().inputs().isEmpty());
    assertTrue(TaskInterface.empty().outputs().isEmpty());
  }

  @Test
  void sameNameMayBeBothInputAndOutput() {
    TaskInterface iface = TaskInterface.builder().input("path", STRING).output("path", STRING).build();
    assertEquals(1, iface.inputs().size());
    assertEquals(1, iface.outputs().size());
  }

  @Test
  void isImmutable() {
    TaskInterface.Builder builder = TaskInterface.builder().input("a", STRING);
    TaskInterface iface = builder.build();
    builder.input("b", STRING);

    assertEquals(List.of("a"), List.copyOf(iface.inputs().keySet()), "later builder calls do not leak in");
    assertThrows(UnsupportedOperationException.class, () -> iface.inputs().put("c", Variable.getDefaultInstance()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "1st", "has space", "dash-ed", "dot.ted", "ünï"})
  void badVariableNamesAreRejected(String name) {
    IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
        () -> TaskInterface.builder().input(name, STRING));
    assertTrue(input.getMessage().startsWith("input name '" + name + "' is not valid"), input.getMessage());
    IllegalArgumentException output = assertThrows(IllegalArgumentException.class,
        () -> TaskInterface.builder().output(name, STRING));
    assertTrue(output.getMessage().startsWith("output name '" + name + "' is not valid"), output.getMessage());
  }

  @Test
  void nullNameIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> TaskInterface.builder().input(null, STRING));
  }

  @Test
  void goodVariableNamesAreAccepted() {
    TaskInterface iface = TaskInterface.builder().input("_x", STRING).input("o0", STRING).input("camelCase_9", STRING)
        .build();
    assertEquals(3, iface.inputs().size());
  }

  @Test
  void duplicateVariablesAreRejected() {
    IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
        () -> TaskInterface.builder().input("a", STRING).input("a", FLOAT));
    assertEquals("input 'a' is declared twice", input.getMessage());
    IllegalArgumentException output = assertThrows(IllegalArgumentException.class,
        () -> TaskInterface.builder().output("o", STRING).output("o", STRING));
    assertEquals("output 'o' is declared twice", output.getMessage());
  }

  @Test
  void missingTypeIsRejected() {
    IllegalArgumentException nullType = assertThrows(IllegalArgumentException.class,
        () -> TaskInterface.builder().input("a", (LiteralType) null));
    assertTrue(nullType.getMessage().startsWith("input 'a' has no type"), nullType.getMessage());
    IllegalArgumentException unsetType = assertThrows(IllegalArgumentException.class,
        () -> TaskInterface.builder().output("o", LiteralType.getDefaultInstance()));
    assertTrue(unsetType.getMessage().startsWith("output 'o' has no type"), unsetType.getMessage());
  }
}
