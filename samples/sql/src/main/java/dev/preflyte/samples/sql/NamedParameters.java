package dev.preflyte.samples.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query's {@code :name} parameters turned into JDBC's {@code ?} placeholders, so input values are
 * bound by the driver and never become SQL text.
 *
 * <p>A parameter is {@code :} followed by a letter or {@code _}, then letters, digits and {@code _}.
 * Nothing inside string literals ({@code '...'}), quoted identifiers ({@code "..."}, {@code `...`}),
 * comments ({@code -- ...}, {@code /* ... *}{@code /}, nested as PostgreSQL allows) or PostgreSQL's
 * dollar-quoted strings ({@code $tag$ ... $tag$}) is a parameter, and {@code ::} is PostgreSQL's cast.
 *
 * @param sql the query with each parameter replaced by {@code ?}
 * @param names the parameter names in the order of their placeholders; a name used twice appears twice
 */
public record NamedParameters(String sql, List<String> names) {

  private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

  public NamedParameters {
    names = List.copyOf(names);
  }

  /**
   * Parses {@code query}.
   *
   * @throws IllegalArgumentException naming the position of a literal, identifier or comment that is never closed
   */
  public static NamedParameters parse(String query) {
    StringBuilder sql = new StringBuilder(query.length());
    List<String> names = new ArrayList<>();
    int length = query.length();
    int i = 0;
    while (i < length) {
      char c = query.charAt(i);
      int end;
      if (c == '\'' || c == '"' || c == '`') {
        end = closingQuote(query, i, c);
      } else if (c == '-' && i + 1 < length && query.charAt(i + 1) == '-') {
        int newline = query.indexOf('\n', i);
        end = newline < 0 ? length : newline;
      } else if (c == '/' && i + 1 < length && query.charAt(i + 1) == '*') {
        end = closingComment(query, i);
      } else if (c == '$' && (end = dollarQuoted(query, i)) > 0) {
        // end set by dollarQuoted
      } else if (c == ':' && i + 1 < length && query.charAt(i + 1) == ':') {
        end = i + 2;
      } else if (c == ':' && i + 1 < length && isNameStart(query.charAt(i + 1))) {
        int nameEnd = i + 2;
        while (nameEnd < length && isNamePart(query.charAt(nameEnd))) {
          nameEnd++;
        }
        names.add(query.substring(i + 1, nameEnd));
        sql.append('?');
        i = nameEnd;
        continue;
      } else {
        end = i + 1;
      }
      sql.append(query, i, end);
      i = end;
    }
    return new NamedParameters(sql.toString(), names);
  }

  private static int closingQuote(String query, int start, char quote) {
    int i = start + 1;
    while (i < query.length()) {
      if (query.charAt(i) == quote) {
        if (i + 1 < query.length() && query.charAt(i + 1) == quote) {
          i += 2; // a doubled quote stands for the quote itself
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw unclosed(query, start, (quote == '\'' ? "string literal" : "quoted identifier") + " " + quote);
  }

  private static int closingComment(String query, int start) {
    int depth = 0;
    int i = start;
    while (i + 1 < query.length()) {
      if (query.charAt(i) == '/' && query.charAt(i + 1) == '*') {
        depth++;
        i += 2;
      } else if (query.charAt(i) == '*' && query.charAt(i + 1) == '/') {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    throw unclosed(query, start, "comment /*");
  }

  /** The end of a dollar-quoted string starting at {@code start}, or -1 if none starts there. */
  private static int dollarQuoted(String query, int start) {
    if (start > 0 && isNamePart(query.charAt(start - 1))) {
      return -1; // part of an identifier such as a$b
    }
    Matcher tag = DOLLAR_TAG.matcher(query).region(start, query.length());
    if (!tag.lookingAt()) {
      return -1;
    }
    int close = query.indexOf(tag.group(), tag.end());
    if (close < 0) {
      throw unclosed(query, start, "dollar-quoted string " + tag.group());
    }
    return close + tag.group().length();
  }

  private static IllegalArgumentException unclosed(String query, int start, String what) {
    int line = 1;
    for (int i = 0; i < start; i++) {
      if (query.charAt(i) == '\n') {
        line++;
      }
    }
    return new IllegalArgumentException("the query's " + what + " on line " + line + " is never closed: close it");
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
