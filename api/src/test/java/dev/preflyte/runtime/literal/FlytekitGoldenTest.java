package dev.preflyte.runtime.literal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.MessageLite;
import com.google.protobuf.TextFormat;
import dev.preflyte.idl.ModelDescriptors;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.runtime.literal.FlytekitEquivalents.Case;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own copies of what Preflyte writes for the flytekit fixtures' Java equivalents
 * ({@code src/test/resources/flytekit/{types,values}/NAME.txtpb}, protobuf text), checked everywhere,
 * also where {@code ../shared} is absent. {@link FlytekitFixturesTest} checks, where it is present,
 * that these equal what flytekit wrote. {@code -Dpreflyte.goldens.write=DIR} writes them afresh under
 * DIR instead of comparing.
 */
class FlytekitGoldenTest {

  static List<Case> cases() {
    return FlytekitEquivalents.all();
  }

  static Stream<Case> valueCases() {
    return cases().stream().filter(Case::hasValue);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void literalTypeIsTheGoldenCopy(Case c) throws IOException {
    LiteralType actual = c.codec().literalType();
    if (write("types/" + c.name(), actual)) {
      return;
    }
    assertEquals(parseText(golden("types/" + c.name()), LiteralType.getDefaultInstance()), actual);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueCases")
  void literalIsTheGoldenCopyAndReadsBack(Case c) throws IOException {
    Literal actual = c.codec().encode(c.value(), null);
    if (write("values/" + c.name(), actual)) {
      return;
    }
    Literal golden = parseText(golden("values/" + c.name()), Literal.getDefaultInstance());
    assertEquals(golden, actual);
    assertEquals(c.value(), c.codec().decode(golden, null));
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = FlytekitGoldenTest.class.getResourceAsStream("/flytekit/" + name + ".txtpb")) {
      assertNotNull(in, "golden copy flytekit/" + name + ".txtpb is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static <T extends MessageLite> T parseText(String text, T prototype) throws IOException {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(ModelDescriptors.descriptorOf(prototype.getClass()));
    TextFormat.merge(text, builder);
    return ModelDescriptors.fromView(builder.build(), prototype);
  }

  private static boolean write(String name, MessageLite message) throws IOException {
    String dir = System.getProperty("preflyte.goldens.write");
    if (dir == null || dir.isBlank()) {
      return false;
    }
    Path file = Path.of(dir, "flytekit", name + ".txtpb");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "# Preflyte's " + (message instanceof Literal ? "Literal" : "LiteralType")
        + " for the Java equivalent of flytekit fixture " + name + "\n" + TextFormat.printer().printToString(ModelDescriptors.view(message)));
    return true;
  }
}
