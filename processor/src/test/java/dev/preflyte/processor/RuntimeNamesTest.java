package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.preflyte.conventions.GeneratedNames;
import dev.preflyte.runtime.custom.CustomCodecs;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor names runtime types and methods without depending on the runtime: this checks each
 * name against the runtime's classes, so a rename on either side fails here, not in a user's build.
 */
class RuntimeNamesTest {

  @Test
  void everyRuntimeTypeTheGeneratedCodeNamesExists() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Field field : RuntimeNames.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ClassName.class) {
        field.setAccessible(true);
        ClassName name = (ClassName) field.get(null);
        Class<?> type = Class.forName(name.reflectionName(), false, getClass().getClassLoader());
        assertEquals(name.canonicalName(), type.getCanonicalName());
        checked.add(name.simpleName());
      }
    }
    assertTrue(checked.size() >= 20, "checked " + checked);
  }

  @Test
  void everyCodecFactoryTheGeneratedCodeCallsExists() throws Exception {
    for (ValueType.ScalarKind kind : ValueType.ScalarKind.values()) {
      Method literal = LiteralCodecs.class.getMethod(kind.codec);
      assertEquals(kind.boxed.canonicalName(), typeArgument(literal), "LiteralCodecs." + kind.codec);
      Method custom = CustomCodecs.class.getMethod(kind.custom);
      assertEquals(kind.boxed.canonicalName(), typeArgument(custom), "CustomCodecs." + kind.custom);
    }
    for (ValueType.BlobKind kind : ValueType.BlobKind.values()) {
      Method literal = LiteralCodecs.class.getMethod(kind.codec);
      assertEquals(kind.name.canonicalName(), typeArgument(literal), "LiteralCodecs." + kind.codec);
    }
  }

  @Test
  void theRegistryReadsWhereTheProcessorWrites() {
    assertEquals(GeneratedNames.REGISTRATION_DIRECTORY, ExecutorRegistry.RESOURCE_DIRECTORY);
  }

  private static String typeArgument(Method factory) {
    String generic = factory.getGenericReturnType().getTypeName();
    return Arrays.stream(generic.substring(generic.indexOf('<') + 1, generic.lastIndexOf('>')).split(","))
        .findFirst().orElseThrow().strip();
  }
}
