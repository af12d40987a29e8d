package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** FlyteAdmin's size limit on a TaskTemplate, checked before anything is packaged or sent. */
class TemplateSizeGuardTest {

  private static TaskTemplate withQuery(int characters) {
    return TaskTemplate.newBuilder().setType("sql").setCustom(Struct.newBuilder()
        .putFields("query", Value.newBuilder().setStringValue("x".repeat(characters)).build())
        .putFields("limit", Value.newBuilder().setNumberValue(5).build())).build();
  }

  @Test
  void aTemplateAboveTheLimitIsRefusedNamingTheTaskAndItsLargestProperty() {
    StringWriter warnings = new StringWriter();
    CliException e = assertThrows(CliException.class,
        () -> TemplateSizeGuard.check("big_query", withQuery(5 * 1024 * 1024), new PrintWriter(warnings)));
    assertTrue(e.getMessage().startsWith("task big_query: its TaskTemplate is "), e.getMessage());
    assertTrue(e.getMessage().contains("above the 4194304-byte limit of FlyteAdmin's gRPC server"), e.getMessage());
    assertTrue(e.getMessage().contains("its largest custom property is 'query'"), e.getMessage());
    assertEquals("", warnings.toString());
  }

  @Test
  void aLargeTemplateIsAWarningAndASmallOneNothing() {
    StringWriter warnings = new StringWriter();
    TemplateSizeGuard.check("large", withQuery(2 * 1024 * 1024), new PrintWriter(warnings));
    assertTrue(warnings.toString().startsWith("preflyte: warning: task large: its TaskTemplate is "), warnings.toString());
    assertTrue(warnings.toString().contains("'query'"), warnings.toString());

    StringWriter none = new StringWriter();
    TemplateSizeGuard.check("small", withQuery(100), new PrintWriter(none));
    assertEquals("", none.toString());
  }
}
