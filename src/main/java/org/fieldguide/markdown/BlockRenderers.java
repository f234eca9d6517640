package org.fieldguide.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.drawing.DrawingCache;
import org.fieldguide.markdown.chart.ChartReader;
import org.fieldguide.markdown.math.MathBlock;
import org.fieldguide.markdown.math.MathNode;
import org.fieldguide.model.Page;
import org.fieldguide.xref.Lookups;

/**
 * Draws what is not plain Markdown, in a page's linked tree before it is rendered: formulas (the
 * drawing goes on the formula's node) and the fenced blocks that are not code, flowcharts, diagrams
 * and data tables (each replaced by a {@link DrawnBlock}). One instance per build, shared by every
 * thread; what it draws for a page depends only on the page and the tree.
 */
public final class BlockRenderers {
  private final FormulaRenderer formulas;
  private final ChartBlocks charts;
  private final TableBlocks tables;

  public BlockRenderers(DrawingCache drawings, ChartBlocks charts, TableBlocks tables) {
    this.formulas = new FormulaRenderer(drawings);
    this.charts = charts;
    this.tables = tables;
  }

  ChartBlocks charts() {
    return charts;
  }

  /**
   * Draws every formula and special fenced block of {@code document}, the tree of {@code page}, in
   * document order (charts are numbered in that order: {@code fc1}, {@code dg2}, …), noting in
   * {@code seen} what the charts' and tables' links looked up. Formulas in an image's text are not
   * shown, so they are not drawn.
   */
  void draw(Page page, Node document, Diagnostics diagnostics, Lookups.Builder seen) {
    List<Node> found = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(CustomNode node) {
            if (node instanceof MathNode) {
              found.add(node);
            }
            visitChildren(node);
          }

          @Override
          public void visit(CustomBlock node) {
            if (node instanceof MathBlock) {
              found.add(node);
            }
            visitChildren(node);
          }

          @Override
          public void visit(FencedCodeBlock block) {
            found.add(block);
          }

          @Override
          public void visit(Image image) {
            // its text is shown as alt text, where formulas stay unrendered
          }
        });
    int counter = 0;
    for (Node node : found) {
      if (node instanceof MathNode math) {
        math.drawn(formulas.render(page, math.tex(), false, math, diagnostics));
        math.takeTrailingPunctuation();
      } else if (node instanceof MathBlock math) {
        math.drawn(formulas.render(page, math.tex(), true, math, diagnostics));
      } else if (node instanceof FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().strip();
        String html =
            switch (ChartReader.blockKind(block.getInfo())) {
              case "flowchart" ->
                  charts.flowchart(page, block, "fc" + (++counter), diagnostics, seen);
              case "diagram" -> charts.diagram(page, block, "dg" + (++counter), diagnostics);
              case "table" -> tables.render(page, block, info, diagnostics, seen);
              default -> null;
            };
        if (html != null) {
          block.insertAfter(new DrawnBlock(html));
          block.unlink();
        }
      }
    }
  }
}
