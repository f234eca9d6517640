package org.fieldguide.markdown.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class MathRendererTest {
  static final String KL_OBJECTIVE =
      "\\max_{\\pi_\\theta} \\; \\mathbb{E}_{x \\sim \\mathcal{D},\\, y \\sim"
          + " \\pi_\\theta(\\cdot \\mid x)} \\big[ r_\\phi(x, y) \\big] - \\beta \\, \\mathbb{D}_{\\mathrm{KL}}\\big["
          + " \\pi_\\theta(y \\mid x) \\,\\|\\, \\pi_{\\mathrm{ref}}(y \\mid x) \\big]";
  static final String BRADLEY_TERRY =
      "\\mathcal{L}_R(\\phi) = -\\,\\mathbb{E}_{(x, y_w, y_l) \\sim \\mathcal{D}}"
          + " \\left[ \\log \\sigma\\!\\left( r_\\phi(x, y_w) - r_\\phi(x, y_l) \\right) \\right]";
  static final String DPO =
      "\\mathcal{L}_{\\mathrm{DPO}}(\\pi_\\theta; \\pi_{\\mathrm{ref}}) = -\\,\\mathbb{E}_{(x,"
          + " y_w, y_l) \\sim \\mathcal{D}} \\left[ \\log \\sigma\\!\\left( \\beta \\log \\frac{\\pi_\\theta(y_w \\mid"
          + " x)}{\\pi_{\\mathrm{ref}}(y_w \\mid x)} - \\beta \\log \\frac{\\pi_\\theta(y_l \\mid x)}{\\pi_{\\mathrm{ref}}(y_l"
          + " \\mid x)} \\right) \\right]";

  private final MathRenderer renderer = new MathRenderer();

  static Stream<Arguments> referenceFormulas() {
    return Stream.of(KL_OBJECTIVE, BRADLEY_TERRY, DPO)
        .flatMap(tex -> Stream.of(Arguments.of(tex, true), Arguments.of(tex, false)));
  }

  static Element parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new InputSource(new StringReader(svg)))
        .getDocumentElement();
  }

  /** The viewBox as {x, y, width, height}. */
  static double[] viewBox(String svg) throws Exception {
    String[] parts = parse(svg).getAttribute("viewBox").split(" ");
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      v[i] = Double.parseDouble(parts[i]);
    }
    return v;
  }

  static double ems(String svg, String attribute) throws Exception {
    String value = parse(svg).getAttribute(attribute);
    assertTrue(value.endsWith("em"), attribute + "=" + value);
    return Double.parseDouble(value.substring(0, value.length() - 2));
  }

  @ParameterizedTest
  @MethodSource("referenceFormulas")
  void referenceFormulasRenderAsAnSvgThatLeavesSpeakingToTheMathMl(String tex, boolean display)
      throws Exception {
    String svg = renderer.render(tex, display);
    Element root = parse(svg);
    assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
    assertEquals("svg", root.getLocalName());
    assertEquals("true", root.getAttribute("aria-hidden"));
    assertFalse(root.hasAttribute("role") || root.hasAttribute("aria-label"), svg);
    assertEquals(display ? "math math-display" : "math math-inline", root.getAttribute("class"));
    assertEquals("currentColor", root.getAttribute("fill"));
    assertTrue(ems(svg, "width") > 10, svg);
    assertTrue(ems(svg, "height") > 1, svg);
    double[] box = viewBox(svg);
    assertEquals(ems(svg, "width") * MathSvgWriter.UNITS_PER_EM, box[2], 1e-9);
    assertEquals(ems(svg, "height") * MathSvgWriter.UNITS_PER_EM, box[3], 1e-9);
    assertTrue(root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength() >= 1);
    assertTrue(
        svg.length() < 40_000,
        "a reference formula should stay well under 40 KB, is " + svg.length());
  }

  @ParameterizedTest
  @MethodSource("referenceFormulas")
  void renderingTwiceGivesByteIdenticalOutput(String tex, boolean display) throws Exception {
    String first = renderer.render(tex, display);
    String again = new MathRenderer().render(tex, display);
    assertEquals(first, again);
    assertEquals(first, renderer.render(tex, display));
  }

  @ParameterizedTest
  @MethodSource("referenceFormulas")
  void outputFollowsTheTextColourAndNeedsNoInlineStyles(String tex, boolean display)
      throws Exception {
    String svg = renderer.render(tex, display);
    assertTrue(svg.contains(" fill=\"currentColor\""), svg);
    for (String forbidden :
        List.of(
            "#000000",
            "#000",
            "rgb(0,0,0)",
            "black",
            "style=",
            "stroke=",
            "<text",
            "font",
            " id=",
            "<!--",
            "<defs",
            "<title",
            "transform",
            "xlink")) {
      assertFalse(svg.contains(forbidden), () -> "contains " + forbidden);
    }
  }

  @Test
  void inlineAndDisplayStylesDifferInSize() throws Exception {
    String tex = "\\sum_{i=1}^{n} \\frac{a_i}{b_i}";
    String display = renderer.render(tex, true);
    String inline = renderer.render(tex, false);
    assertNotEquals(ems(display, "width"), ems(inline, "width"));
    assertNotEquals(ems(display, "height"), ems(inline, "height"));
    assertTrue(ems(display, "height") > ems(inline, "height") * 1.2, display + "\n" + inline);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "\\frac{a}{b}", "y_l", "\\sum_{i=1}^{n} x_i", "X^{2^{k}}"})
  void inlineBoxesAreCentredOnTheMathAxisForVerticalAlignMiddle(String tex) throws Exception {
    double[] box = viewBox(renderer.render(tex, false));
    assertEquals(-0.25 * MathSvgWriter.UNITS_PER_EM, box[1] + box[3] / 2, 0.011);
  }

  @Test
  void smallFormulasStaySmall() throws Exception {
    String svg = renderer.render("x", false);
    assertTrue(svg.length() < 1200, svg);
  }

  @Test
  void theMathMlEscapesWhatXmlMust() throws Exception {
    String tex = "\\begin{aligned} a &< b \\\\\n \"c\" &> d \\end{aligned}";
    Element math = parse(renderer.mathMl(tex, true));
    assertEquals("math", math.getNodeName());
    assertEquals("a<b\"c\">d", math.getTextContent());
  }

  @Test
  void bigBarsAreAsTallAsBigParentheses() throws Exception {
    double paren = ems(renderer.render("\\big(", true), "height");
    assertEquals(paren, ems(renderer.render("\\big|", true), "height"), 0.05);
    assertEquals(paren, ems(renderer.render("\\big\\|", true), "height"), 0.05);
    assertTrue(
        ems(renderer.render("\\bigl\\|", true), "height")
            > ems(renderer.render("\\|", true), "height"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\lvert x \\rvert",
        "\\argmax_x f(x)",
        "\\argmin_{\\theta} L",
        "\\operatorname*{arg\\,max}_x",
        "\\bm{x}",
        "\\textup{ab}",
        "a \\coloneqq b",
        "a \\enspace b",
        "x \\bigm| y",
        "\\Bigl\\| x \\Bigr\\|",
        "f = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
        "\\sqrt[3]{x}",
        "\\binom{K}{2}",
        "\\hat{\\mathbb{E}}_t",
        "\\operatorname{clip}(x)",
        "x_i^\\top W_Q^\\top W_K\\, x_j",
        "\\mathbb{1}_{x}"
      })
  void siteMacrosAndRepairsRender(String tex) throws Exception {
    if (tex.contains("mathbb{1}")) {
      assertThrows(MathException.class, () -> renderer.render(tex, false));
      return;
    }
    assertTrue(renderer.render(tex, false).startsWith("<svg "));
    assertTrue(renderer.render(tex, true).startsWith("<svg "));
  }

  @Test
  void concurrentRenderingGivesTheSameResults() throws Exception {
    List<String> formulas =
        List.of(
            KL_OBJECTIVE,
            BRADLEY_TERRY,
            DPO,
            "x",
            "\\frac{1}{Z(x)}",
            "\\sqrt{d}",
            "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
            "\\sum_{i=1}^{n} i^2");
    List<String> expected = new ArrayList<>();
    for (String f : formulas) {
      expected.add(new MathRenderer().render(f, true));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 3; round++) {
        MathRenderer shared = new MathRenderer();
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          for (String f : formulas) {
            results.add(pool.submit(() -> shared.render(f, true)));
          }
        }
        for (int i = 0; i < results.size(); i++) {
          assertEquals(expected.get(i % formulas.size()), results.get(i).get());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void runsHeadless() throws Exception {
    renderer.render("x", false);
    assertEquals("true", System.getProperty("java.awt.headless"));
  }
}
