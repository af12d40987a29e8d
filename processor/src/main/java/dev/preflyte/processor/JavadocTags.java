package dev.preflyte.processor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code @param} and {@code @return} descriptions from a doc comment, for the descriptions of
 * a task's inputs and outputs (as flytekit takes them from a docstring).
 */
final class JavadocTags {

  private final Map<String, String> params = new LinkedHashMap<>();
  private String returns = "";

  private JavadocTags() {}

  /** Parses {@code comment} (as {@code Elements.getDocComment} returns it); null is an empty comment. */
  static JavadocTags parse(String comment) {
    JavadocTags tags = new JavadocTags();
    if (comment == null) {
      return tags;
    }
    String tag = null;
    StringBuilder text = new StringBuilder();
    for (String line : comment.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("@")) {
        tags.add(tag, text.toString());
        int end = trimmed.indexOf(' ');
        tag = end < 0 ? trimmed : trimmed.substring(0, end);
        text.setLength(0);
        text.append(end < 0 ? "" : trimmed.substring(end + 1));
      } else if (tag != null) {
        text.append(' ').append(trimmed);
      }
    }
    tags.add(tag, text.toString());
    return tags;
  }

  private void add(String tag, String text) {
    if ("@param".equals(tag)) {
      String stripped = text.strip();
      int end = stripped.indexOf(' ');
      if (end > 0) {
        params.put(stripped.substring(0, end), normalize(stripped.substring(end + 1)));
      }
    } else if ("@return".equals(tag)) {
      returns = normalize(text);
    }
  }

  private static String normalize(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  /** The description of parameter (or record component) {@code name}, if documented. */
  Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name)).filter(s -> !s.isEmpty());
  }

  /** The {@code @return} description, if any. */
  Optional<String> returns() {
    return Optional.of(returns).filter(s -> !s.isEmpty());
  }
}
