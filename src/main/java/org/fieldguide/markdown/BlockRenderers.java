package org.fieldguide.markdown;

import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.drawing.DrawingCache;
import org.fieldguide.markdown.chart.ChartReader;
import org.fieldguide.model.Page;
import org.fieldguide.xref.Lookups;

/**
 * Draws what is not plain Markdown: formulas, flowcharts, diagrams and data tables. One instance
 * per build; {@link #hooksFor} gives the per-page view the body renderer needs.
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

  BodyHooks hooksFor(Page page, Diagnostics diagnostics, Lookups.Builder seen) {
    int[] counter = {0};
    return new BodyHooks() {
      @Override
      public String mathHtml(String tex, boolean display, Node node) {
        return formulas.render(page, tex, display, node, diagnostics);
      }

      @Override
      public String fencedBlockHtml(FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().strip();
        return switch (ChartReader.blockKind(block.getInfo())) {
          case "flowchart" -> charts.flowchart(page, block, "fc" + (++counter[0]), diagnostics, seen);
          case "diagram" -> charts.diagram(page, block, "dg" + (++counter[0]), diagnostics);
          case "table" -> tables.render(page, block, info, diagnostics, seen);
          default -> null;
        };
      }
    };
  }
}
