package org.fieldguide.markdown.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xml.sax.InputSource;

/**
 * The MathML a screen reader gets for a formula: what it says, and that every formula of the site
 * has it.
 */
class MathMlTest {
  private final MathRenderer renderer = new MathRenderer();

  private String inner(String tex, boolean display) throws MathException {
    String math = renderer.mathMl(tex, display);
    String open = display ? "<math display=\"block\">" : "<math>";
    assertTrue(math.startsWith(open) && math.endsWith("</math>"), math);
    return math.substring(open.length(), math.length() - "</math>".length());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      x                                   | <mi>x</mi>
      x^2                                 | <msup><mi>x</mi><mn>2</mn></msup>
      0.25 - x                            | <mrow><mn>0.25</mn><mo>−</mo><mi>x</mi></mrow>
      \\pi_\\theta(y \\mid x)             | <mrow><msub><mi>π</mi><mi>θ</mi></msub><mo>(</mo><mi>y</mi><mo>∣</mo><mi>x</mi><mo>)</mo></mrow>
      \\frac{a}{b}                        | <mfrac><mi>a</mi><mi>b</mi></mfrac>
      \\mathbb{E}_{x}                     | <msub><mi>𝔼</mi><mi>x</mi></msub>
      \\mathcal{D}                        | <mi>𝒟</mi>
      \\mathcal{L}                        | <mi>ℒ</mi>
      \\mathbf{1}                         | <mn>𝟏</mn>
      \\mathrm{KL}                        | <mi>KL</mi>
      \\pi_{\\mathrm{ref}}                | <msub><mi>π</mi><mi>ref</mi></msub>
      \\hat{r}                            | <mover accent="true"><mi>r</mi><mo>^</mo></mover>
      \\log \\sigma                       | <mrow><mi>log</mi><mi>σ</mi></mrow>
      \\text{if } a < b                   | <mrow><mtext>if </mtext><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>
      f'(x)                               | <mrow><msup><mi>f</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo></mrow>
      \\sqrt{d}                           | <msqrt><mi>d</mi></msqrt>
      \\binom{n}{k}                       | <mrow><mo>(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo>)</mo></mrow>
      \\left[ x \\right]                  | <mrow><mo>[</mo><mi>x</mi><mo>]</mo></mrow>
      \\big[ x \\big]                     | <mrow><mo>[</mo><mi>x</mi><mo>]</mo></mrow>
      \\lVert v \\rVert_2                 | <mrow><mo>‖</mo><mi>v</mi><msub><mo>‖</mo><mn>2</mn></msub></mrow>
      y_w \\succ y_l                      | <mrow><msub><mi>y</mi><mi>w</mi></msub><mo>≻</mo><msub><mi>y</mi><mi>l</mi></msub></mrow>
      \\operatorname*{arg\\,max}_y r      | <mrow><msub><mi>arg max</mi><mi>y</mi></msub><mi>r</mi></mrow>
      \\Delta \\approx 0                  | <mrow><mi mathvariant="normal">Δ</mi><mo>≈</mo><mn>0</mn></mrow>
      a \\, b \\quad c \\phantom{d}       | <mrow><mi>a</mi><mi>b</mi><mi>c</mi></mrow>
      """)
  void saysWhatTheFormulaSays(String tex, String expected) throws MathException {
    assertEquals(expected, inner(tex, false));
  }

  @Test
  void largeOperatorsTakeTheirLimitsUnderAndOverInDisplayStyle() throws MathException {
    assertEquals(
        "<mrow><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"
            + "<msub><mi>x</mi><mi>i</mi></msub></mrow>",
        inner("\\sum_{i=1}^{n} x_i", true));
    assertEquals(
        "<mrow><msubsup><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></msubsup>"
            + "<msub><mi>x</mi><mi>i</mi></msub></mrow>",
        inner("\\sum_{i=1}^{n} x_i", false));
    assertEquals(
        "<mrow><munder><mi>max</mi><msub><mi>π</mi><mi>θ</mi></msub></munder><mi>J</mi></mrow>",
        inner("\\max_{\\pi_\\theta} J", true));
  }

  @Test
  void environmentsAreTables() throws MathException {
    assertEquals(
        "<mrow><mo>(</mo><mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr>"
            + "<mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable><mo>)</mo></mrow>",
        inner("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", true));
    assertEquals(
        "<mrow><mi>x</mi><mo>=</mo><mrow><mo>{</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mtext>if </mtext>"
            + "</mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mtext>else</mtext></mtd></mtr></mtable></mrow></mrow>",
        inner("x = \\begin{cases} 1 & \\text{if } \\\\ 0 & \\text{else} \\end{cases}", true));
  }

  @Test
  void theReferenceFormulasAreWellFormedAndNeedNoUnknownCommand() throws Exception {
    for (String tex :
        List.of(
            MathRendererTest.KL_OBJECTIVE, MathRendererTest.BRADLEY_TERRY, MathRendererTest.DPO)) {
      wellFormed(renderer.mathMl(tex, true));
      assertEquals(Set.of(), MathMl.unknownCommands(tex), tex);
    }
  }

  /**
   * Every formula of the real site gives well-formed MathML, with every command known to {@link
   * MathMl}.
   */
  @Test
  void everyFormulaOfTheSiteIsSpokenWithoutUnknownCommands() throws Exception {
    Pattern formula =
        Pattern.compile("\\$\\$(.+?)\\$\\$|(?<![\\\\$])\\$([^$\\n]+?)(?<!\\\\)\\$", Pattern.DOTALL);
    TreeMap<String, String> unknown = new TreeMap<>();
    List<String> checked = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("content"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        String text = withoutCode(Files.readString(file));
        Matcher m = formula.matcher(text);
        while (m.find()) {
          String tex = m.group(1) != null ? m.group(1) : m.group(2);
          String math;
          try {
            math = renderer.mathMl(tex, m.group(1) != null);
          } catch (MathException e) {
            continue; // not a formula after all (say, two prices); the build reports real ones
          }
          wellFormed(math);
          checked.add(tex);
          for (String name : MathMl.unknownCommands(tex)) {
            unknown.putIfAbsent("\\" + name, file + ": " + tex);
          }
        }
      }
    }
    assertTrue(checked.size() > 50, "found the site's formulas: " + checked.size());
    assertEquals(new TreeMap<>(), unknown);
  }

  @Test
  void noFormulaGivesTexBackToTheScreenReader() throws Exception {
    String math = renderer.mathMl(MathRendererTest.DPO, true);
    assertFalse(math.contains("\\"), math);
    assertFalse(math.contains("{"), math);
  }

  private static String withoutCode(String markdown) {
    return markdown.replaceAll("(?s)```.*?```", "").replaceAll("`[^`\\n]*`", "");
  }

  private static void wellFormed(String xml) throws Exception {
    try {
      DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new InputSource(new StringReader(xml)));
    } catch (org.xml.sax.SAXException | IOException e) {
      throw new AssertionError("not well-formed: " + xml, e);
    }
  }
}
