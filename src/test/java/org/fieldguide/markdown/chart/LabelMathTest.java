package org.fieldguide.markdown.chart;

import static org.fieldguide.markdown.chart.ChartFixtures.diagramProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Formulas in a diagram's labels: drawn as styled SVG text, read as words, never split across
 * lines.
 */
class LabelMathTest {
  @Test
  void scriptsAreLoweredAndRaisedAndLettersSetInItalics() {
    assertEquals(
        "Pairs (<tspan font-style=\"italic\">x</tspan>, <tspan font-style=\"italic\">y</tspan>"
            + "<tspan baseline-shift=\"sub\" font-size=\"75%\"><tspan font-style=\"italic\">w</tspan></tspan>)",
        LabelMath.svg("Pairs $(x, y_w)$"));
    assertEquals(
        "<tspan font-style=\"italic\">x</tspan><tspan baseline-shift=\"super\" font-size=\"75%\">2</tspan>"
            + " &lt; <tspan font-style=\"italic\">β</tspan>",
        LabelMath.svg("$x^2$ < $\\beta$"));
    assertEquals(
        "<tspan font-style=\"italic\">π</tspan><tspan baseline-shift=\"sub\" font-size=\"75%\">ref</tspan>",
        LabelMath.svg("$\\pi_{\\mathrm{ref}}$"));
  }

  @Test
  void textWithoutAFormulaIsOnlyEscaped() {
    assertEquals("a &lt; b &amp; c", LabelMath.svg("a < b & c"));
    assertEquals("costs $5", LabelMath.plain("costs $5", true));
  }

  @Test
  void aReaderOfTheTextAlternativeGetsWordsNotTex() {
    assertEquals("Pairs (x, y w, y l)", LabelMath.plain("Pairs $(x, y_w, y_l)$", true));
    assertEquals("r = a/b", LabelMath.plain("$r = \\frac{a}{b}$", false));
  }

  @Test
  void aFormulaIsOneWordWhenLabelsWrap() {
    assertEquals(
        List.of("Preference", "pairs", "$(x, y_w, y_l)$"),
        LabelMath.words("Preference pairs $(x, y_w, y_l)$"));
    assertEquals(
        List.of("Preference pairs", "$(x, y_w, y_l)$"),
        TextWrap.wrap("Preference pairs $(x, y_w, y_l)$", 16));
    // measured by what it shows, "(x, yw, yl)", not by its TeX
    assertEquals(11, TextWrap.length("$(x, y_w, y_l)$"));
  }

  @Test
  void aLabelFormulaThatDoesNotTypesetIsReported() {
    List<String> problems =
        diagramProblems(
            "title: T\nnodes:\n  a: {label: \"A $\\\\frac{x}$\"}\n  b: B\n"
                + "edges:\n  - {from: a, to: b, label: \"$y_$\"}\n");
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).contains("a formula in a label does not typeset: $\\frac{x}$"),
        problems.toString());
    assertNull(LabelMath.problem("fine $y_w$"));
  }

  @Test
  void aDiagramHasItsTitleAsCaptionAndItsFormulasDrawn() {
    String html =
        ChartRenderer.diagramHtml(
            ChartFixtures.diagram(
                "title: Pairs & models\nnodes:\n  a: {label: \"Pairs $(x, y_w, y_l)$\"}\n  b: Reward model\nedges:\n  - {from: a, to: b}\n"),
            "dg1");
    Document doc = Jsoup.parse(html, "", Parser.xmlParser());
    assertEquals("Pairs & models", doc.select("figure > figcaption.chart-caption").text());
    assertEquals(2, doc.select("text tspan[baseline-shift=sub]").size(), html);
    assertTrue(
        doc.select("desc").text().contains("Pairs (x, y w, y l) to Reward model"),
        doc.select("desc").text());
    assertTrue(!html.contains("y_w"), html);
  }
}
