package dev.preflyte.idl;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.MessageLite;
import com.google.protobuf.TextFormat;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.Container;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.ResourceType;
import dev.preflyte.idl.core.RuntimeMetadata;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.protobuf.Value;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own compatibility fixtures: messages written by hand as protobuf text
 * ({@code src/test/resources/compat/*.txtpb}) from the documented Flyte IDL wire facts. Unlike the
 * data Flyte's tools wrote (see {@link FlyteFixtures}), they are part of the repository, so these
 * tests run everywhere.
 */
class OwnCompatibilityFixturesTest {

  private static final String TASK_SPEC = "adder-taskspec.txtpb";
  private static final String LITERAL_MAP = "a30_b0-literalmap.txtpb";
  private static final String ERROR_DOCUMENT = "user-error-errordocument.txtpb";

  private static final Map<String, MessageLite> FIXTURES = Map.of(
      TASK_SPEC, TaskSpec.getDefaultInstance(),
      LITERAL_MAP, LiteralMap.getDefaultInstance(),
      ERROR_DOCUMENT, ErrorDocument.getDefaultInstance());

  @SuppressWarnings("unchecked")
  private static <T extends MessageLite> T parse(String name, T prototype) throws IOException {
    String path = "/compat/" + name;
    try (InputStream in = OwnCompatibilityFixturesTest.class.getResourceAsStream(path)) {
      assertNotNull(in, path + " is on the test class path");
      return parseText(new String(in.readAllBytes(), StandardCharsets.UTF_8), prototype);
    }
  }

  static Stream<Arguments> fixtures() {
    return FIXTURES.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void parsesWithoutUnknownFieldsAndRoundTrips(String name, MessageLite prototype) throws IOException {
    MessageLite message = parse(name, prototype);

    assertEquals(List.of(), UnknownFields.find(message), "fields our model does not know");
    byte[] bytes = message.toByteArray();
    MessageLite again = prototype.getParserForType().parseFrom(bytes);
    assertEquals(message, again);
    assertEquals(List.of(), UnknownFields.find(again));
    assertEquals(WireEncodingTest.hex(bytes), WireEncodingTest.hex(again.toByteArray()));
    // The text form is lossless too.
    assertEquals(message, parseText(TextFormat.printer().printToString(ModelDescriptors.view(message)), prototype));
  }

  /** {@code text} in the model's descriptors, then as the lite message {@code prototype} is. */
  private static <T extends MessageLite> T parseText(String text, T prototype) throws TextFormat.ParseException {
    Message.Builder builder = DynamicMessage.newBuilder(ModelDescriptors.descriptorOf(prototype.getClass()));
    // The default parser refuses field names and enum values the model does not define.
    TextFormat.getParser().merge(text, builder);
    return ModelDescriptors.fromView(builder.build(), prototype);
  }

  @Test
  void everyFixtureInTheFolderIsChecked() throws IOException, URISyntaxException {
    Path folder = Path.of(OwnCompatibilityFixturesTest.class.getResource("/compat").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(FIXTURES.keySet().stream().sorted().toList(),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void literalMapIsTheTwentySixBytesFlytekitWrote() throws IOException {
    LiteralMap map = parse(LITERAL_MAP, LiteralMap.getDefaultInstance());

    assertEquals(26, map.getSerializedSize());
    assertEquals(WireEncodingTest.LITERAL_MAP_A30_B0, WireEncodingTest.hex(map.toByteArray()));
    assertEquals(30, map.getLiteralsOrThrow("a").getScalar().getPrimitive().getInteger());
    assertEquals(Primitive.ValueCase.INTEGER, map.getLiteralsOrThrow("b").getScalar().getPrimitive().getValueCase());
  }

  @Test
  void errorDocumentIsTheHandCheckedEncoding() throws IOException {
    ErrorDocument document = parse(ERROR_DOCUMENT, ErrorDocument.getDefaultInstance());

    assertEquals(WireEncodingTest.ERROR_DOCUMENT, WireEncodingTest.hex(document.toByteArray()));
  }

  @Test
  void taskSpecIsAPrebuiltContainerTaskRunByPreflyteExecute() throws IOException {
    TaskSpec spec = parse(TASK_SPEC, TaskSpec.getDefaultInstance());
    TaskTemplate template = spec.getTemplate();
    Container container = template.getContainer();

    assertAll(
        () -> assertEquals(ResourceType.TASK, template.getId().getResourceType()),
        () -> assertEquals("adder", template.getType()),
        () -> assertEquals(RuntimeMetadata.RuntimeType.FLYTE_SDK, template.getMetadata().getRuntime().getType()),
        () -> assertEquals("java", template.getMetadata().getRuntime().getFlavor()),
        () -> assertEquals(2, template.getMetadata().getRetries().getRetries()),
        () -> assertEquals(List.of("a", "b"),
            template.getInterface().getInputs().getVariablesMap().keySet().stream().sorted().toList()),
        () -> assertEquals(SimpleType.INTEGER,
            template.getInterface().getOutputs().getVariablesOrThrow("o0").getType().getSimple()),
        () -> assertEquals(Value.newBuilder().setNumberValue(5).build(),
            template.getCustom().getFieldsOrThrow("offset")),
        () -> assertEquals(TaskTemplate.TargetCase.CONTAINER, template.getTargetCase()),
        () -> assertEquals("ghcr.io/acme/adder:1.0.0", container.getImage()),
        () -> assertEquals(List.of(), container.getCommandList()),
        () -> assertEquals("preflyte-execute", container.getArgs(0)),
        () -> assertEquals("{{.input}}", container.getArgs(container.getArgsList().indexOf("--inputs") + 1)),
        () -> assertEquals("{{.outputPrefix}}",
            container.getArgs(container.getArgsList().indexOf("--output-prefix") + 1)),
        () -> assertEquals(List.of("--", "{{.taskTemplatePath}}", "com.acme.Adder"),
            container.getArgsList().subList(container.getArgsCount() - 3, container.getArgsCount())));
  }

  @Test
  void taskSpecBytesCarryTheFieldNumbersOfTheWireFacts() throws IOException {
    TaskSpec spec = parse(TASK_SPEC, TaskSpec.getDefaultInstance());
    TaskTemplate template = spec.getTemplate();
    String specHex = WireEncodingTest.hex(spec.toByteArray());
    String templateHex = WireEncodingTest.hex(template.toByteArray());

    // TaskSpec.template = 1, length-delimited; TaskTemplate.id = 1 comes first.
    assertTrue(specHex.startsWith("0a "), specHex);
    assertTrue(templateHex.startsWith("0a "), templateHex);
    // TaskTemplate.type = 2: tag 0x12, length 5, "adder".
    assertTrue(templateHex.contains("12 05 61 64 64 65 72"), templateHex);
    // RuntimeMetadata {type FLYTE_SDK = 1, version "0.1.0", flavor "java"}: fields 1, 2 and 3.
    assertEquals("08 01 12 05 30 2e 31 2e 30 1a 04 6a 61 76 61",
        WireEncodingTest.hex(template.getMetadata().getRuntime().toByteArray()));
    // RetryStrategy.retries is field 5.
    assertEquals("28 02", WireEncodingTest.hex(template.getMetadata().getRetries().toByteArray()));
    // Variable {type {simple INTEGER}}: Variable.type = 1, LiteralType.simple = 1, INTEGER = 1.
    assertTrue(WireEncodingTest.hex(template.getInterface().getOutputs().getVariablesOrThrow("o0").toByteArray())
        .startsWith("0a 02 08 01"));
    // Container.image = 1, then args = 3 (no command = 2).
    assertTrue(WireEncodingTest.hex(template.getContainer().toByteArray())
        .startsWith("0a 18 " + WireEncodingTest.hex("ghcr.io/acme/adder:1.0.0".getBytes(StandardCharsets.US_ASCII))
            + " 1a 10 " + WireEncodingTest.hex("preflyte-execute".getBytes(StandardCharsets.US_ASCII))));
  }
}
