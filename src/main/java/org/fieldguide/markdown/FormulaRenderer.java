package org.fieldguide.markdown;

import java.util.Optional;
import org.commonmark.node.Node;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.drawing.DrawingCache;
import org.fieldguide.markdown.math.MathException;
import org.fieldguide.markdown.math.MathRenderer;
import org.fieldguide.model.Page;
import org.fieldguide.xref.SourcePositions;

/**
 * Renders TeX to inline SVG at build time, with its MathML beside it for screen readers; a
 * malformed formula is an error at its position.
 */
final class FormulaRenderer {
  private final MathRenderer renderer = new MathRenderer();

  /**
   * Formulas by {@code D} or {@code I} (display or inline), then the TeX; only those that typeset.
   */
  private final DrawingCache drawings;

  FormulaRenderer(DrawingCache drawings) {
    this.drawings = drawings;
  }

  String render(Page page, String tex, boolean display, Node node, Diagnostics diagnostics) {
    return drawings
        .formula((display ? "D" : "I") + tex, () -> draw(page, tex, display, node, diagnostics))
        .orElseGet(
            () -> "<code class=\"math-error\">" + org.jsoup.nodes.Entities.escape(tex) + "</code>");
  }

  /** The formula's HTML, or empty if it does not typeset (reported). */
  private Optional<String> draw(
      Page page, String tex, boolean display, Node node, Diagnostics diagnostics) {
    try {
      // What a reader sees, hidden from screen readers, then what a screen reader reads, hidden
      // from sight.
      String formula =
          renderer.render(tex, display)
              + "<span class=\"visually-hidden\">"
              + renderer.mathMl(tex, display)
              + "</span>";
      return Optional.of(
          display
              ? "<div class=\"math-block\" tabindex=\"0\" role=\"group\" aria-label=\"Formula\">"
                  + formula
                  + "</div>"
              : formula);
    } catch (MathException e) {
      int[] pos = SourcePositions.of(page, node);
      int column = pos[1];
      if (!display && e.offset() >= 0 && tex.indexOf('\n') < 0) {
        column += 1 + e.offset(); // past the opening $, to the offending character
      }
      diagnostics.error(page.sourcePath(), pos[0], column, "malformed formula: " + e.getMessage());
      return Optional.empty();
    } catch (
        StackOverflowError
            e) { // JLaTeXMath parses and lays out recursively, once per level of nesting
      int[] pos = SourcePositions.of(page, node);
      diagnostics.error(
          page.sourcePath(),
          pos[0],
          pos[1],
          "this formula nests braces, fractions or roots too"
              + " deeply to typeset; simplify it or split it into several formulas");
      return Optional.empty();
    }
  }
}
