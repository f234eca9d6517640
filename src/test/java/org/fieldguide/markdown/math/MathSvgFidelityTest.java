package org.fieldguide.markdown.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Insets;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * The SVG, drawn back into pixels, looks like JLaTeXMath's own drawing of the formula: every
 * transform was applied, nothing moved or went missing, and no overlapping outlines cancelled into
 * holes. (Java draws text slightly differently from filled outlines, so a few edge pixels may
 * differ.)
 */
class MathSvgFidelityTest {
  private static final double PIXELS_PER_EM = 120;

  @ParameterizedTest
  @ValueSource(
      strings = {
        MathRendererTest.KL_OBJECTIVE,
        MathRendererTest.BRADLEY_TERRY,
        MathRendererTest.DPO,
        "\\sqrt{x^2 + y^2} \\quad \\overline{AB} \\quad \\boxed{E = mc^2}",
        "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix} \\left\\{ \\frac{1}{2} \\right\\}",
        "\\not= \\quad a \\big\\| b \\quad \\underbrace{x + y}_{n} \\quad \\xrightarrow{f}"
      })
  void svgDrawnBackMatchesJLaTeXMathsOwnDrawing(String tex) throws Exception {
    for (boolean display : new boolean[] {true, false}) {
      String svg = new MathRenderer().render(tex, display);
      TeXIcon icon =
          new TeXFormula(MathMacros.rewrite(tex, MathTokenizer.tokenize(tex)))
              .createTeXIcon(
                  display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT,
                  MathSvgWriter.UNITS_PER_EM);
      icon.setInsets(new Insets(0, 0, 0, 0));
      BufferedImage mine = MathSvgRaster.draw(svg, PIXELS_PER_EM);
      BufferedImage reference = MathSvgRaster.reference(icon, svg, PIXELS_PER_EM);
      assertEquals(reference.getWidth(), mine.getWidth());
      long ink = 0;
      long different = 0;
      for (int y = 0; y < mine.getHeight(); y++) {
        for (int x = 0; x < mine.getWidth(); x++) {
          int a = mine.getRGB(x, y) & 0xff;
          int b = reference.getRGB(x, y) & 0xff;
          if (b < 128) {
            ink++;
          }
          if (Math.abs(a - b) > 128) {
            different++;
          }
        }
      }
      assertTrue(ink > 100, "the reference drawing is blank");
      assertTrue(
          different < ink / 50,
          tex
              + " ("
              + (display ? "display" : "inline")
              + "): "
              + different
              + " of "
              + ink
              + " ink pixels differ");
    }
  }
}
