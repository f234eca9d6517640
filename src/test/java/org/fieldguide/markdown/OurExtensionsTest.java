package org.fieldguide.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Our syntax as CommonMark extensions, parsed and rendered by the one shared {@link MarkdownSetup}
 * before any linking or drawing: what each node renders as on its own.
 */
class OurExtensionsTest {
  private static final MarkdownSetup MARKDOWN = new MarkdownSetup();

  private static String html(String markdown) {
    return MARKDOWN.render(MARKDOWN.parse(markdown)).strip();
  }

  @Test
  void anUnresolvedWikiLinkShowsItsText() {
    assertEquals(
        "<p>See rlhf and <em>the method</em>.</p>",
        html("See [[rlhf]] and *[[rlhf|the method]]*."));
  }

  @Test
  void anUnnumberedCitationShowsItsKeys() {
    assertEquals(
        "<p>As shown <span class=\"cite\">[@ouyang2022; @bai2022]</span>.</p>",
        html("As shown [@ouyang2022; @bai2022]."));
  }

  @Test
  void aWikiLinkWinsOverACitationInsideIt() {
    assertEquals("<p>@x</p>", html("[[@x]]"));
  }

  @Test
  void ourSyntaxInCodeAndLinkTextStaysLiteral() {
    assertEquals(
        "<p><code>[[rlhf]] [@a]</code> <a href=\"u\">[@a] [[b]]</a></p>",
        html("`[[rlhf]] [@a]` [[@a] [[b]]](u)"));
  }

  @Test
  void anUndrawnFormulaShowsItsTexAsCode() {
    assertEquals("<p>Let <code>x &lt; y</code>.</p>", html("Let $x < y$."));
    assertEquals("<code>\\sum_i x_i</code>", html("$$\n\\sum_i x_i\n$$"));
  }

  @Test
  void theOneRendererServesEveryThreadAlike() {
    String markdown = "A [[link]], [@key, p. 4] and $x$.\n\n```diagram\nnot drawn\n```\n";
    String expected = html(markdown);
    List<String> rendered =
        IntStream.range(0, 200).parallel().mapToObj(i -> html(markdown)).toList();
    rendered.forEach(h -> assertEquals(expected, h));
  }
}
