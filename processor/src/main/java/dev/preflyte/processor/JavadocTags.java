package dev.preflyte.processor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code @param} and {@code @return} descriptions from a doc comment, for the descriptions of
 * a task's inputs and outputs (as flytekit takes them from a docstring).
 *
 * <p>The descriptions end up as plain text in the Flyte console, so they are rendered as javadoc
 * would show them, minus the markup: inline tags become their text ({@code {@code x}} is {@code x},
 * {@code {@link Foo#bar}} is {@code Foo.bar}), simple HTML tags go, entities are decoded and
 * whitespace is collapsed.
 */
final class JavadocTags {

  /** HTML elements that separate text, so that removing them must leave a space. */
  private static final Set<String> BLOCK_ELEMENTS = Set.of(
      "p", "br", "hr", "div", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
      "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
      "h1", "h2", "h3", "h4", "h5", "h6");

  /** HTML elements within a line of text, removed without a trace. */
  private static final Set<String> INLINE_ELEMENTS = Set.of(
      "a", "b", "i", "u", "s", "em", "strong", "code", "tt", "var", "kbd", "samp", "cite", "dfn",
      "abbr", "q", "sub", "sup", "small", "big", "span", "mark", "del", "ins", "strike", "font");

  /** A start or end tag, with attributes; group 1 is its name (only those in the sets above go). */
  private static final Pattern HTML_TAG =
      Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)(?:\\s[^<>]*)?/?>");

  /** A character reference: group 1 a named one, group 2 a decimal, group 3 a hexadecimal one. */
  private static final Pattern ENTITY =
      Pattern.compile("&(?:([A-Za-z]+)|#([0-9]{1,7})|#[xX]([0-9A-Fa-f]{1,6}));");

  private static final Map<String, String> NAMED_ENTITIES = Map.of(
      "lt", "<", "gt", ">", "amp", "&", "quot", "\"", "apos", "'", "nbsp", " ");

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
    return collapse(plainText(text));
  }

  private static String collapse(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  /**
   * {@code text} (a description from a doc comment) as javadoc would show it, without the markup:
   * inline tags become their text, HTML tags in the sets above are removed (block ones leave a
   * space), character references are decoded. Text inside {@code {@code}} and {@code {@literal}} is
   * kept as written, as javadoc does. Malformed markup (an unclosed brace, an unknown entity or
   * element) stays as it is. Whitespace is not collapsed.
   */
  static String plainText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{' && text.startsWith("{@", i)) {
        int end = closingBrace(text, i);
        if (end < 0) {
          // Unclosed: javadoc would report it; here the brace is just text.
          out.append(c);
          i++;
        } else {
          out.append(inlineTag(text.substring(i + 2, end)));
          i = end + 1;
        }
      } else if (c == '<') {
        Matcher tag = HTML_TAG.matcher(text).region(i, text.length());
        String name = tag.lookingAt() ? tag.group(1).toLowerCase(Locale.ROOT) : "";
        if (BLOCK_ELEMENTS.contains(name)) {
          out.append(' ');
          i = tag.end();
        } else if (INLINE_ELEMENTS.contains(name)) {
          i = tag.end();
        } else {
          out.append(c);
          i++;
        }
      } else if (c == '&') {
        Matcher entity = ENTITY.matcher(text).region(i, text.length());
        String decoded = entity.lookingAt() ? decode(entity) : null;
        if (decoded != null) {
          out.append(decoded);
          i = entity.end();
        } else {
          out.append(c);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The index of the brace closing the one at {@code open}, counting nested braces; -1 if none. */
  private static int closingBrace(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The text of the inline tag whose body (after "{@", before the closing brace) is {@code body}. */
  private static String inlineTag(String body) {
    int nameEnd = 0;
    while (nameEnd < body.length() && !Character.isWhitespace(body.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = body.substring(0, nameEnd);
    String content = body.substring(nameEnd).strip();
    switch (name) {
      case "code":
      case "literal":
        return content;
      case "link":
      case "linkplain": {
        int referenceEnd = referenceEnd(content);
        String label = content.substring(referenceEnd).strip();
        return label.isEmpty() ? reference(content.substring(0, referenceEnd)) : plainText(label);
      }
      case "value":
        return reference(content);
      default:
        // {@docRoot}, {@inheritDoc} and the like have no text; {@summary x}, {@index x} and tags
        // javadoc does not know show their content.
        return plainText(content);
    }
  }

  /** Where the program element reference at the start of {@code content} ends (its parameters may hold spaces). */
  private static int referenceEnd(String content) {
    int depth = 0;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && Character.isWhitespace(c)) {
        return i;
      }
    }
    return content.length();
  }

  /**
   * A reference as text: {@code Foo#bar(int)} is {@code Foo.bar(int)}, {@code #bar} is {@code bar};
   * a module prefix ({@code java.base/}) is dropped.
   */
  private static String reference(String reference) {
    String withoutModule = reference;
    int slash = reference.indexOf('/');
    int hash = reference.indexOf('#');
    if (slash >= 0 && (hash < 0 || slash < hash)) {
      withoutModule = reference.substring(slash + 1);
    }
    if (withoutModule.startsWith("#")) {
      return withoutModule.substring(1);
    }
    return withoutModule.replace('#', '.');
  }

  /** The character {@code entity} stands for, or null for an unknown or invalid one. */
  private static String decode(Matcher entity) {
    if (entity.group(1) != null) {
      return NAMED_ENTITIES.get(entity.group(1));
    }
    int codePoint = entity.group(2) != null
        ? Integer.parseInt(entity.group(2))
        : Integer.parseInt(entity.group(3), 16);
    return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : null;
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
