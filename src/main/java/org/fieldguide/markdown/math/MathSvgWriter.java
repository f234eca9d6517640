package org.fieldguide.markdown.math;

import java.awt.geom.AffineTransform;
import java.math.BigDecimal;

/**
 * Writes the final, compact {@code <svg>} of a formula from what {@link MathSvgReader} read of
 * JFreeSVG's output: em-sized, filled with {@code currentColor}, hidden from assistive technology
 * (the formula's MathML speaks for it, see {@link MathMl}), and for inline formulas centred on the
 * math axis (see {@link MathRenderer}).
 */
final class MathSvgWriter {
  /**
   * SVG user units per em; coordinates have two decimals, so they are exact to a thousandth of an
   * em.
   */
  static final int UNITS_PER_EM = 10;

  /** TeX's math axis (cmsy10 {@code axis_height}), in hundredths of a user unit. */
  private static final long AXIS = Math.round(0.25 * UNITS_PER_EM * 100);

  private final MathPathWriter glyphs;
  private final MathPathWriter shapes;
  private final MathPathWriter evenOdd;

  private MathSvgWriter(MathSvgReader drawing) {
    this.glyphs = drawing.glyphs;
    this.shapes = drawing.shapes;
    this.evenOdd = drawing.evenOdd;
  }

  /**
   * @param jfreeSvg the element JFreeSVG wrote for a formula drawn at {@link #UNITS_PER_EM} with
   *     its box's top-left corner at 0,0
   * @param width the formula box's width, in user units
   * @param ascent the box's height above the baseline, in user units
   * @param depth the box's depth below the baseline, in user units
   * @throws IllegalArgumentException if the drawing has something a formula cannot have
   */
  static String write(
      String jfreeSvg, double width, double ascent, double depth, String tex, boolean display) {
    MathSvgReader drawing =
        MathSvgReader.read(jfreeSvg, AffineTransform.getTranslateInstance(0, -ascent));
    return new MathSvgWriter(drawing)
        .svg(
            Math.round(width * 100),
            Math.round(ascent * 100),
            Math.round(depth * 100),
            tex,
            display);
  }

  private String svg(long width, long ascent, long depth, String tex, boolean display) {
    long left = 0;
    long right = width;
    long top = -ascent;
    long bottom = depth;
    for (MathPathWriter p : new MathPathWriter[] {glyphs, shapes, evenOdd}) {
      if (!p.isEmpty()) {
        left = Math.min(left, p.minX());
        right = Math.max(right, p.maxX());
        top = Math.min(top, p.minY());
        bottom = Math.max(bottom, p.maxY());
      }
    }
    if (!display) {
      // Centre the box on the math axis, so that CSS vertical-align: middle puts the baseline on
      // the text's.
      long half = Math.max(-AXIS - top, bottom + AXIS);
      top = -AXIS - half;
      bottom = -AXIS + half;
    }
    StringBuilder s = new StringBuilder(256);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" class=\"math ")
        .append(display ? "math-display" : "math-inline")
        .append("\" viewBox=\"")
        .append(MathPathWriter.format(left))
        .append(' ')
        .append(MathPathWriter.format(top))
        .append(' ')
        .append(MathPathWriter.format(right - left))
        .append(' ')
        .append(MathPathWriter.format(bottom - top))
        .append("\" width=\"")
        .append(em(right - left))
        .append("\" height=\"")
        .append(em(bottom - top))
        .append("\" fill=\"currentColor\">");
    for (MathPathWriter p : new MathPathWriter[] {glyphs, shapes}) {
      if (!p.isEmpty()) {
        s.append("<path d=\"").append(p.data()).append("\"/>");
      }
    }
    if (!evenOdd.isEmpty()) {
      s.append("<path fill-rule=\"evenodd\" d=\"").append(evenOdd.data()).append("\"/>");
    }
    return s.append("</svg>").toString();
  }

  /** Hundredths of a user unit as ems (a user unit is a tenth of an em): 1234 → "1.234em". */
  private static String em(long hundredths) {
    return BigDecimal.valueOf(hundredths, 3).stripTrailingZeros().toPlainString() + "em";
  }

  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\n' -> s.append("&#10;");
                case '\r' -> s.append("&#13;");
                case '\t' -> s.append("&#9;");
                default -> s.appendCodePoint(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? 0xFFFD : c);
              }
            });
    return s.toString();
  }
}
