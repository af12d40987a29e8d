package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExecuteArgumentsTest {

  @Test
  void parsesFlytesRenderedContainerArgs() throws UsageException {
    ExecuteArguments args = ExecuteArguments.parse(new String[] {
        "--inputs", "s3://b/n/inputs.pb", "--output-prefix", "s3://b/n/0",
        "--raw-output-data-prefix", "s3://b/raw/xyz", "--checkpoint-path", "s3://b/raw/xyz/_flytecheckpoints",
        "--prev-checkpoint", "\"\"", "--resolver", TemplateFileResolver.NAME,
        "--", "s3://b/n/task.pb", "com.acme.Adder"});

    assertEquals("s3://b/n/inputs.pb", args.inputs());
    assertEquals("s3://b/n/0", args.outputPrefix());
    assertEquals("s3://b/raw/xyz", args.rawOutputPrefix());
    assertEquals("s3://b/raw/xyz/_flytecheckpoints", args.checkpointPath());
    assertNull(args.previousCheckpoint(), "\"\" means no previous checkpoint");
    assertEquals(List.of("s3://b/n/task.pb", "com.acme.Adder"), args.loaderArgs());
    assertFalse(args.dryRun());
  }

  @Test
  void unrenderedPlaceholdersCountAsNotGiven() throws UsageException {
    ExecuteArguments args = ExecuteArguments.parse(new String[] {
        "--inputs=in.pb", "--output-prefix=out", "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}",
        "--checkpoint-path", "{{ .checkpointOutputPrefix }}", "--prev-checkpoint", "{{$prevCheckpointPrefix}}",
        "--test", "--", "t.pb", "x"});

    assertNull(args.rawOutputPrefix());
    assertNull(args.checkpointPath());
    assertNull(args.previousCheckpoint());
    assertTrue(args.dryRun());
  }

  @Test
  void usageErrorsAreOneLineAndNameTheFlag() {
    assertMessage("unknown flag --nope", "--inputs", "i", "--output-prefix", "o", "--nope", "--", "t", "x");
    assertMessage("unknown flag --nope", "--nope=1", "--inputs", "i", "--output-prefix", "o", "--", "t", "x");
    assertMessage("missing required flag --output-prefix", "--inputs", "i", "--", "t", "x");
    assertMessage("--inputs needs a value", "--output-prefix", "o", "--inputs");
    assertMessage("--inputs is given twice", "--inputs", "i", "--inputs", "j", "--output-prefix", "o", "--", "t", "x");
    assertMessage("--inputs is '{{.input}}', not a location", "--inputs", "{{.input}}", "--output-prefix", "o",
        "--", "t", "x");
    assertMessage("expected 2 loader arguments", "--inputs", "i", "--output-prefix", "o", "--", "t");
  }

  private static void assertMessage(String start, String... args) {
    UsageException e = assertThrows(UsageException.class, () -> ExecuteArguments.parse(args));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void placeholderRecognition() {
    assertTrue(Placeholders.isUnset(null));
    assertTrue(Placeholders.isUnset(""));
    assertTrue(Placeholders.isUnset("\"\""));
    assertTrue(Placeholders.isUnset("{{.rawOutputDataPrefix}}"));
    assertTrue(Placeholders.isUnset("s3://b/{{.perRetryUniqueKey}}/x"));
    assertFalse(Placeholders.isUnset("s3://bucket/prefix"));
    assertFalse(Placeholders.isUnset("/tmp/{not}"));
  }

  @Test
  void resolverMustBePreflytes() {
    UsageException e = assertThrows(UsageException.class, () -> TemplateFileResolver.checkResolver("other.Resolver"));
    assertTrue(e.getMessage().contains("supports only " + TemplateFileResolver.NAME), e.getMessage());
  }
}
