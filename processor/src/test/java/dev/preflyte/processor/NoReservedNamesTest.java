package dev.preflyte.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.TaskSettings;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration is the author's own namespace: no property name is reserved by Flyte's task
 * settings, and no name of the author's clashes with a name in the generated code.
 */
class NoReservedNamesTest {

  static final JavaFileObject HTTP_CHECK =
      JavaFileObjects.forSourceLines(
          "com.acme.HttpCheck",
          "package com.acme;",
          "",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "import java.time.Duration;",
          "",
          "@PrebuiltTask(image = \"ghcr.io/acme/http-check:1.0.0\", taskType = \"http-check\")",
          "public record HttpCheck(String url, int expectedStatus, Duration timeout, int retries, String name) {",
          "  public String execute(int status) {",
          "    return name + \": \" + (status == expectedStatus ? \"ok\" : \"failed\") + \" within \" + timeout",
          "        + \" after \" + retries + \" retries\";",
          "  }",
          "}");

  static final JavaFileObject CLASH =
      JavaFileObjects.forSourceLines(
          "com.acme.Clash",
          "package com.acme;",
          "",
          "import dev.preflyte.annotations.PrebuiltTask;",
          "import java.util.List;",
          "",
          "@PrebuiltTask(image = \"ghcr.io/acme/clash:1.0.0\", taskType = \"clash\")",
          "public record Clash(String value0, List<String> item0, String path0, String fields, String config,",
          "    Inner CUSTOM, long INPUT_OUTPUTS, String TASK_TYPE) {",
          "  public record Inner(String value, String fields) {}",
          "",
          "  public String execute(String outputs, String INPUT_OUTPUTS, long custom, String in, String task) {",
          "    return String.join(\"|\", value0, String.join(\",\", item0), path0, fields, config, CUSTOM.value(),",
          "        outputs, INPUT_OUTPUTS, Long.toString(custom + this.INPUT_OUTPUTS), in, task, TASK_TYPE);",
          "  }",
          "}");

  @TempDir Path dir;

  @Test
  void propertiesNamedLikeTaskSettingsStayConfiguration() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), HTTP_CHECK);
    Object config = compiled.record("com.acme.HttpCheck", "https://example.com", 200, Duration.ofSeconds(3), 5, "probe");
    PrebuiltContainerTask<?> task = compiled.task("com.acme.HttpCheckTask", config,
        TaskSettings.builder().name("check_site").timeout(Duration.ofMinutes(10)).retries(2).build());

    TaskTemplate template = Compiled.registered(task);
    assertEquals("check_site", template.getId().getName());
    assertEquals(600, template.getMetadata().getTimeout().getSeconds());
    assertEquals(2, template.getMetadata().getRetries().getRetries());
    Struct custom = template.getCustom();
    assertEquals("PT3S", custom.getFieldsOrThrow("timeout").getStringValue());
    assertEquals(5.0, custom.getFieldsOrThrow("retries").getNumberValue());
    assertEquals("probe", custom.getFieldsOrThrow("name").getStringValue());
    assertEquals(config, compiled.decodeCustom("com.acme.HttpCheckTask", custom));

    LiteralMap inputs = LiteralMap.newBuilder().putLiterals("status", LiteralCodecs.int32().encode(200, null)).build();
    LiteralMap outputs = compiled.run(task, inputs, dir.resolve("run"));
    assertEquals("probe: ok within PT3S after 5 retries",
        LiteralCodecs.string().decode(outputs.getLiteralsOrThrow("o0"), null));
  }

  @Test
  void namesThatClashWithGeneratedOnesCompileAndRoundTrip() throws Exception {
    Compiled compiled = Compiled.compile(dir.resolve("out"), CLASH);
    assertThat(compiled.compilation).succeededWithoutWarnings();
    Object inner = compiled.record("com.acme.Clash$Inner", "v", "f");
    Object config = compiled.record("com.acme.Clash", "a", List.of("b", "c"), "d", "e", "g", inner, 40L, "t");
    PrebuiltContainerTask<?> task = compiled.task("com.acme.ClashTask", config);

    assertEquals(config, compiled.decodeCustom("com.acme.ClashTask", Compiled.registered(task).getCustom()));
    Method run = task.getClass().getMethod("run", String.class, String.class, long.class, String.class, String.class);
    Object result = LocalRuns.withLoader(compiled.loader, () -> run.invoke(task, "o", "io", 2L, "i", "k"));
    assertEquals("a|b,c|d|e|g|v|o|io|42|i|k|t", result);
  }
}
