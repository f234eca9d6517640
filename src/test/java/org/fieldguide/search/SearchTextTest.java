package org.fieldguide.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SearchTextTest {
  @Test
  void keepsTheProseAndDropsWhatIsNotProse() {
    String html =
        """
        <h2 id="a">Where it breaks<a class="heading-anchor" href="#a" aria-label="Link">#</a></h2>
        <p>A <a href="../../glossary/rlhf/" class="term-link">reward model</a><span class="term-tip" role="tooltip">A model that scores outputs.</span>
        is trained<span class="cite">[<a href="#ref-1" class="cite-ref">1</a>]</span>. The loss is
        <svg class="math math-inline" role="img" aria-label="\\beta"><path d="m1 2"/><title>beta</title></svg> small.</p>
        <ul><li>one</li><li>two</li></ul><p>Footnote<sup class="footnote-ref"><a href="#fn-1">1</a></sup> here.</p>
        <script>var x = 1;</script>
        <section class="references"><h2>References</h2><ol><li>Christiano et al.</li></ol></section>
        """;
    assertEquals(
        "Where it breaks A reward model is trained. The loss is small. one two Footnote here.",
        SearchText.fromHtml(html));
  }

  @Test
  void theTextOfOneElementKeepsInlineCodeAndLeavesTheElementAsItWas() {
    Element h2 =
        Jsoup.parseBodyFragment(
                "<h2 id=\"q\">What does <code>fieldguide check</code> do?"
                    + "<a class=\"heading-anchor\" href=\"#q\">#</a></h2>")
            .body()
            .child(0);
    assertEquals("What does fieldguide check do?", SearchText.of(h2));
    assertEquals("What does fieldguide check do?#", h2.text());
    Element p =
        Jsoup.parseBodyFragment(
                "<p>An <a class=\"term-link\" href=\"#\">induction head</a>"
                    + "<span class=\"term-tip\" role=\"tooltip\">An attention head that continues a pattern.</span>"
                    + " copies <span class=\"cite\">[<a class=\"cite-ref\" href=\"#r\">1</a>]</span>.</p>")
            .body()
            .child(0);
    assertEquals("An induction head copies.", SearchText.of(p));
    assertEquals(
        "",
        SearchText.of(
            Jsoup.parseBodyFragment("<nav class=\"toc\">Contents</nav>").body().child(0)));
  }

  @Test
  void aDroppedCitationLeavesNoSpaceBeforeThePunctuation() {
    assertEquals(
        "Shown by Ziegler. And (also), here; x :-) y",
        SearchText.fromHtml(
            "<p>Shown by Ziegler <span class=\"cite\">[<a class=\"cite-ref\" href=\"#r\">1</a>]</span>. "
                + "And (also <span class=\"cite\">[2]</span>), here <span class=\"cite\">[3]</span>; x :-) y</p>"));
  }

  @Test
  void theAuthorsOwnSpaceBeforePunctuationStays() {
    assertEquals(
        "Is \" ]]> safe ? Yes ( really ) .",
        SearchText.fromHtml("<p>Is \" ]]> safe ? Yes ( really ) .</p>"));
    assertEquals(
        "A formula, then more: see the loss.",
        SearchText.fromHtml(
            "<p>A formula <svg><title>x</title></svg>, then more: see the loss <math display=\"block\"><mi>L</mi></math>.</p>"));
  }

  @Test
  void anInlineFormulaReadsAsItsSymbolsAndADisplayedOneGoes() {
    assertEquals(
        "πθ: the policy being trained. The loss: each term in turn.",
        SearchText.fromHtml(
            "<ul><li><span class=\"math-nowrap\"><svg aria-hidden=\"true\"><path d=\"m1 2\"/></svg>"
                + "<span class=\"visually-hidden\"><math><msub><mi>π</mi><mi>θ</mi></msub></math></span></span>"
                + ": the policy being trained.</li></ul><p>The loss:</p><div class=\"math-block\">"
                + "<svg aria-hidden=\"true\"></svg><span class=\"visually-hidden\"><math display=\"block\">"
                + "<mi>L</mi><mo>=</mo><mn>1</mn></math></span></div><p>each term in turn.</p>"));
  }

  @Test
  void collapsesEveryKindOfWhitespace() {
    assertEquals("a b c d e", SearchText.collapse(" \ta\u00a0\u00a0b\u2028c\r\n d\u3000e \n"));
    assertEquals("", SearchText.collapse(null));
    assertEquals("", SearchText.fromHtml(""));
    assertEquals("", SearchText.fromHtml(null));
  }

  @Test
  void collapseReturnsTextThatIsCollapsedAlreadyAsItIs() {
    String alphabet = "ab \t\n\u00a0\u2028\u3000\u0085.\u0001";
    java.util.Random random = new java.util.Random(5);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(8); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      StringBuilder slow = new StringBuilder(); // collapse as it was before it had a shortcut
      boolean space = false;
      for (char c : s.toCharArray()) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085') {
          space = slow.length() > 0;
        } else {
          if (space) {
            slow.append(' ');
            space = false;
          }
          slow.append(c);
        }
      }
      assertEquals(slow.toString(), SearchText.collapse(s), s);
      assertEquals(slow.toString().equals(s), SearchText.isCollapsed(s), s);
    }
  }
}
