package dev.preflyte.samples.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedParametersTest {

  @Test
  void parametersBecomePlaceholdersInOrderRepeatsIncluded() {
    NamedParameters parsed = NamedParameters.parse("SELECT * FROM t WHERE a > :min AND b < :max_2 OR a = :min");
    assertEquals("SELECT * FROM t WHERE a > ? AND b < ? OR a = ?", parsed.sql());
    assertEquals(List.of("min", "max_2", "min"), parsed.names());
  }

  @Test
  void literalsIdentifiersAndCommentsKeepTheirColons() {
    String query = """
        SELECT ':no', 'it''s :no', "col:no", `x:no` -- :no in a comment
        FROM t /* :no /* nested :no */ still :no */ WHERE a = :yes
        AND b = $$ :no $$ AND c = $tag$ :no $tag$ AND d::text = :also""";
    NamedParameters parsed = NamedParameters.parse(query);
    assertEquals(List.of("yes", "also"), parsed.names());
    assertEquals(query.replace(":yes", "?").replace(":also", "?"), parsed.sql());
  }

  @Test
  void aColonNotFollowedByANameIsLeftAlone() {
    NamedParameters parsed = NamedParameters.parse("SELECT a[1:2], '10:30', :_x, x:1 FROM t");
    assertEquals("SELECT a[1:2], '10:30', ?, x:1 FROM t", parsed.sql());
    assertEquals(List.of("_x"), parsed.names());
  }

  @Test
  void anUnclosedLiteralOrCommentIsNamedWithItsLine() {
    IllegalArgumentException literal = assertThrows(IllegalArgumentException.class,
        () -> NamedParameters.parse("SELECT 1\nWHERE a = 'open"));
    assertEquals("the query's string literal ' on line 2 is never closed: close it", literal.getMessage());
    IllegalArgumentException comment = assertThrows(IllegalArgumentException.class,
        () -> NamedParameters.parse("SELECT 1 /* open"));
    assertEquals("the query's comment /* on line 1 is never closed: close it", comment.getMessage());
  }
}
