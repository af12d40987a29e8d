package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The descriptions read from doc comments, as plain text for the Flyte console. */
class JavadocTagsTest {

  /** The description of parameter {@code a} in a comment documenting it as {@code description}. */
  private static String param(String description) {
    return JavadocTags.parse(" Adds.\n\n @param a " + description + "\n @param b the other\n")
        .param("a").orElseThrow();
  }

  @Test
  void readsParamsAndReturn() {
    JavadocTags tags = JavadocTags.parse(
        " Adds two numbers.\n\n @param a the first\n    number\n @param b the second\n @return their sum\n");
    assertEquals(Optional.of("the first number"), tags.param("a"));
    assertEquals(Optional.of("the second"), tags.param("b"));
    assertEquals(Optional.of("their sum"), tags.returns());
    assertEquals(Optional.empty(), tags.param("c"));
  }

  @Test
  void aMissingCommentHasNoDescriptions() {
    assertEquals(Optional.empty(), JavadocTags.parse(null).param("a"));
    assertEquals(Optional.empty(), JavadocTags.parse(null).returns());
    assertEquals(Optional.empty(), JavadocTags.parse(" @return\n").returns());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "the {@code offset} to add                 | the offset to add",
      "{@code  spaced  }                         | spaced",
      "a {@literal <T>} here                     | a <T> here",
      "an {@code Map<String, {a}>} value         | an Map<String, {a}> value",
      "{@code a{b{c}}d} e                        | a{b{c}}d e",
      "see {@link Foo}                           | see Foo",
      "see {@linkplain Foo}                      | see Foo",
      "see {@link java.util.List}                | see java.util.List",
      "see {@link java.base/java.util.List}      | see java.util.List",
      "see {@link Foo#bar}                       | see Foo.bar",
      "see {@link Foo.Inner#bar}                 | see Foo.Inner.bar",
      "see {@link Foo#bar(int)}                  | see Foo.bar(int)",
      "see {@link Foo#bar(int, long)}            | see Foo.bar(int, long)",
      "see {@link #bar}                          | see bar",
      "see {@link #bar()}                        | see bar()",
      "see {@link Foo the label}                 | see the label",
      "see {@linkplain Foo#bar(int, long) it}    | see it",
      "see {@link Foo a {@code b} c}             | see a b c",
      "at most {@value Foo#MAX} items            | at most Foo.MAX items",
      "at most {@value #MAX} items               | at most MAX items",
      "a {@summary short} text                   | a short text",
      "a {@unknownTag some {@code text}} here    | a some text here",
      "a{@docRoot}b {@inheritDoc}                | ab",
      "a <b>bold</b> and <i>italic</i> word      | a bold and italic word",
      "<em>x</em><strong>y</strong><code>z</code> | xyz",
      "first.<p>Second.</p>Third                 | first. Second. Third",
      "one<br>two<br/>three<BR />four            | one two three four",
      "a <a href=\"https://x.io\">link</a>        | a link",
      "a List<String> stays                      | a List<String> stays",
      "x < y and y > z                           | x < y and y > z",
      "&lt;T&gt; &amp; &quot;q&quot; &#64;Nullable | <T> & \"q\" @Nullable",
      "&#x41;&apos;s                             | A's",
      "an &unknown; entity & a bare one          | an &unknown; entity & a bare one",
      "{@code &lt;b&gt; <b>}                     | &lt;b&gt; <b>",
      "a <b>{@code x}</b> &lt;                   | a x <",
  })
  void rendersMarkupAsPlainText(String javadoc, String plain) {
    assertEquals(plain, param(javadoc.strip()).strip());
  }

  @Test
  void keepsAnUnclosedBraceAsText() {
    // Only the brace is left as it is: the markup after it is still rendered.
    assertEquals("see {@code foo and bar", param("see {@code foo and <b>bar</b>"));
    assertEquals("see {@link Foo", param("see {@link Foo"));
    assertEquals("a { b", param("a { b"));
    assertEquals("{@code a b c", param("{@code a {@code b} c"));
  }

  @Test
  void rendersADescriptionThatIsOnlyATag() {
    JavadocTags tags = JavadocTags.parse(" @param a {@code true}\n @param b {@link Foo#bar}\n @return {@code 0}\n");
    assertEquals(Optional.of("true"), tags.param("a"));
    assertEquals(Optional.of("Foo.bar"), tags.param("b"));
    assertEquals(Optional.of("0"), tags.returns());
    assertEquals(Optional.empty(), JavadocTags.parse(" @return {@inheritDoc}\n").returns());
    assertEquals(Optional.empty(), JavadocTags.parse(" @param a <p>\n").param("a"));
  }

  @Test
  void rendersInlineTagsAcrossLines() {
    JavadocTags tags = JavadocTags.parse(
        " @param a the {@link Foo#bar(int,\n     long) method}\n     and {@code\n     x}\n @return <b>the\n   sum</b>\n");
    assertEquals(Optional.of("the method and x"), tags.param("a"));
    assertEquals(Optional.of("the sum"), tags.returns());
  }

  @Test
  void collapsesWhitespaceLeftByMarkup() {
    assertEquals("a b", param("a <p> <p> b"));
    assertEquals("a b", param("a&nbsp;b"));
    assertEquals("x", param("<p>x</p>"));
  }
}
