package dev.preflyte.runtime.harness;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders container command and arguments the way Flyte's container plugin does before it starts a
 * pod: placeholders are case-insensitive, may have spaces inside the braces, and take {@code .} or
 * {@code $} as their sigil; {@code {{input}}} (no sigil) and unknown names are left as they are. The
 * replacement order matches the plugin's, so one placeholder's value is never re-rendered by a later
 * one except {@code namespace}, which the plugin replaces last.
 */
final class PlaceholderRenderer {

  private static final Pattern INPUT = placeholder("Input");
  private static final Pattern INPUT_PREFIX = placeholder("InputPrefix");
  private static final Pattern OUTPUT_PREFIX = placeholder("OutputPrefix");
  private static final Pattern RAW_OUTPUT_PREFIX = placeholder("RawOutputDataPrefix");
  private static final Pattern PREVIOUS_CHECKPOINT = placeholder("PrevCheckpointPrefix");
  private static final Pattern CHECKPOINT = placeholder("CheckpointOutputPrefix");
  private static final Pattern PER_RETRY_KEY = placeholder("PerRetryUniqueKey");
  private static final Pattern TASK_TEMPLATE = placeholder("TaskTemplatePath");
  private static final Pattern NAMESPACE = placeholder("Namespace");
  private static final Pattern INPUT_VALUE =
      Pattern.compile("(?i)\\{\\{\\s*[.$]Inputs\\.([^}\\s]+)\\s*}}");

  /** The values the plugin substitutes for one attempt. */
  record Values(
      String inputPath,
      String inputPrefix,
      String outputPrefix,
      String rawOutputPrefix,
      String previousCheckpointPrefix,
      String checkpointPrefix,
      String perRetryUniqueKey,
      String taskTemplatePath,
      String namespace,
      LiteralMap inputs) {}

  private PlaceholderRenderer() {}

  static List<String> render(List<String> templates, Values values) {
    List<String> rendered = new ArrayList<>(templates.size());
    for (String template : templates) {
      rendered.add(render(template, values));
    }
    return rendered;
  }

  static String render(String template, Values values) {
    String value = replace(INPUT, template, values.inputPath());
    value = replace(OUTPUT_PREFIX, value, values.outputPrefix());
    value = replace(INPUT_PREFIX, value, values.inputPrefix());
    value = replace(RAW_OUTPUT_PREFIX, value, values.rawOutputPrefix());
    // A first attempt has no previous checkpoint: the plugin writes the two characters "".
    String previous = values.previousCheckpointPrefix();
    value = replace(PREVIOUS_CHECKPOINT, value, previous.isEmpty() ? "\"\"" : previous);
    value = replace(CHECKPOINT, value, values.checkpointPrefix());
    value = replace(PER_RETRY_KEY, value, values.perRetryUniqueKey());
    value = replace(TASK_TEMPLATE, value, values.taskTemplatePath());
    value = replace(NAMESPACE, value, values.namespace());
    Matcher inputValue = INPUT_VALUE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (inputValue.find()) {
      Literal literal = values.inputs().getLiteralsMap().get(inputValue.group(1));
      if (literal == null) {
        throw new IllegalArgumentException("requested input is not found [" + inputValue.group(1) + "]");
      }
      inputValue.appendReplacement(out, Matcher.quoteReplacement(asText(literal)));
    }
    inputValue.appendTail(out);
    return out.toString();
  }

  /** An input as the plugin prints it: primitives as text, blobs and schemas as their URI, lists as [a,b]. */
  static String asText(Literal literal) {
    if (literal.hasCollection()) {
      List<String> items = new ArrayList<>();
      literal.getCollection().getLiteralsList().forEach(item -> items.add(asText(item)));
      return "[" + String.join(",", items) + "]";
    }
    if (!literal.hasScalar()) {
      throw new IllegalArgumentException("received an unexpected literal " + literal.getValueCase());
    }
    Scalar scalar = literal.getScalar();
    return switch (scalar.getValueCase()) {
      case PRIMITIVE -> asText(scalar.getPrimitive());
      case BLOB -> scalar.getBlob().getUri();
      case SCHEMA -> scalar.getSchema().getUri();
      default -> throw new IllegalArgumentException("received an unexpected scalar " + scalar.getValueCase());
    };
  }

  private static String asText(Primitive primitive) {
    return switch (primitive.getValueCase()) {
      case INTEGER -> Long.toString(primitive.getInteger());
      case BOOLEAN -> Boolean.toString(primitive.getBoolean());
      case FLOAT_VALUE -> goFloat(primitive.getFloatValue());
      case STRING_VALUE -> primitive.getStringValue();
      case DATETIME ->
          Instant.ofEpochSecond(primitive.getDatetime().getSeconds(), primitive.getDatetime().getNanos()).toString();
      // The plugin prints a Duration in protobuf's text form, whose spacing Go keeps unstable on purpose.
      case DURATION -> throw new IllegalArgumentException("durations are not rendered as text by this harness");
      case VALUE_NOT_SET -> throw new IllegalArgumentException("primitive without a value");
    };
  }

  /** Go's %v for a float64: integral values print without a fraction ("2", not "2.0"). */
  private static String goFloat(double value) {
    if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e21) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static Pattern placeholder(String name) {
    return Pattern.compile("(?i)\\{\\{\\s*[.$]" + name + "\\s*}}");
  }

  private static String replace(Pattern pattern, String template, String value) {
    return pattern.matcher(template).replaceAll(Matcher.quoteReplacement(value));
  }
}
