package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a page makes of its formulas and citations: a formula is drawn for the eye and written as
 * MathML for a screen reader, keeps the punctuation after it on its line, and each reference on the
 * page's References list links back to every place the text cites it.
 */
class FormulasAndCitationsTest {
  @TempDir Path dir;

  private Document page() throws IOException {
    BuildResult result =
        Fixture.create(
                dir,
                Fixture.SITE_YAML
                    + """
        -- content/data/sources.yaml --
        ouyang2022:
          authors: [Long Ouyang, Jeff Wu, et al.]
          title: Training language models to follow instructions with human feedback
          year: 2022
          arxiv: "2203.02155"
        gao2022:
          authors: [Leo Gao, John Schulman, Jacob Hilton]
          title: Scaling Laws for Reward Model Overoptimization
          year: 2022
          url: https://arxiv.org/abs/2210.10760
        -- content/index.md --
        ---
        title: Home
        description: The home page.
        ---
        A reward model scores outputs [@ouyang2022]. The penalty ($\\beta$), tuned [@gao2022], and
        the ratio $\\frac{a}{b}$. Then $x$ alone, and $y$ again [@ouyang2022].

        $$\\log \\sigma(r)$$
        """)
            .check();
    assertEquals(List.of(), Fixture.lines(result));
    return Jsoup.parse(new String(result.files().get("index.html"), StandardCharsets.UTF_8));
  }

  @Test
  void everyFormulaIsHiddenAsAPictureAndSpokenAsMathMl() throws IOException {
    Document doc = page();
    List<Element> drawings = doc.select("article svg.math");
    assertEquals(5, drawings.size());
    for (Element svg : drawings) {
      assertEquals("true", svg.attr("aria-hidden"), svg.outerHtml());
      Element spoken = svg.nextElementSibling();
      assertTrue(
          spoken != null && spoken.is("span.visually-hidden") && spoken.child(0).is("math"),
          svg.parent().outerHtml());
    }
    assertEquals("<mi>β</mi>", doc.select("article math").get(0).html());
    assertEquals(
        "<mfrac><mi>a</mi><mi>b</mi></mfrac>",
        doc.select("article math").get(1).html().replaceAll("\\s", ""));
    assertEquals("block", doc.select("article .math-block math").attr("display"));
  }

  @Test
  void thePunctuationAfterAFormulaStaysOnItsLine() throws IOException {
    Document doc = page();
    List<String> after =
        doc.select("article .math-nowrap").stream()
            .map(
                span ->
                    span.textNodes().isEmpty()
                        ? ""
                        : span.textNodes().get(span.textNodes().size() - 1).text())
            .toList();
    // $\beta$), | $\frac{a}{b}$. | $y$ is followed by a space: no run; $x$ is followed by a space
    // too.
    assertEquals(List.of("),", "."), after);
    Element run = doc.selectFirst("article .math-nowrap");
    assertEquals(
        List.of("svg", "span", "#text"), run.childNodes().stream().map(n -> n.nodeName()).toList());
    assertTrue(run.nextSibling().outerHtml().startsWith(" tuned"), run.parent().html());
  }

  @Test
  void eachReferenceLinksBackToEveryPlaceItIsCited() throws IOException {
    Document doc = page();
    List<String> cites =
        doc.select("article a.cite-ref").stream().map(a -> a.attr("href") + " " + a.id()).toList();
    assertEquals(List.of("#ref-1 cite-1-1", "#ref-2 cite-2-1", "#ref-1 cite-1-2"), cites);
    Element first = doc.getElementById("ref-1");
    assertEquals(List.of("#cite-1-1", "#cite-1-2"), first.select(".cite-back a").eachAttr("href"));
    assertEquals(List.of("a", "b"), first.select(".cite-back a").eachText());
    assertTrue(first.select(".cite-back").text().startsWith("Cited at"), first.outerHtml());
    Element second = doc.getElementById("ref-2");
    assertEquals(List.of("#cite-2-1"), second.select(".cite-back a").eachAttr("href"));
    for (Element back : doc.select(".cite-back a")) {
      assertTrue(doc.getElementById(back.attr("href").substring(1)) != null, back.outerHtml());
      assertTrue(
          back.attr("aria-label").endsWith(back.text()) || back.text().equals("\u2191"),
          back.outerHtml());
    }
  }
}
