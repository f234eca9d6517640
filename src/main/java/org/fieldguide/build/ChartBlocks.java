package org.fieldguide.build;

import java.util.Optional;
import org.commonmark.node.FencedCodeBlock;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.markdown.chart.ChartReader;
import org.fieldguide.markdown.chart.ChartRenderer;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.xref.PageLinker;
import org.fieldguide.xref.SourcePositions;
import org.fieldguide.xref.TargetIndex;

/** Reads, checks, lays out and draws {@code flowchart} and {@code diagram} blocks. */
final class ChartBlocks {
  private final TargetIndex targets;
  private final RenderCache cache;

  ChartBlocks(TargetIndex targets, RenderCache cache) {
    this.targets = targets;
    this.cache = cache;
  }

  String flowchart(Page page, FencedCodeBlock block, String idPrefix, Diagnostics diagnostics) {
    int firstLine = SourcePositions.of(page, block)[0] + 1;
    if (page.kind() != PageKind.FLOWCHART) {
      diagnostics.error(page.sourcePath(), firstLine - 1, 1,
          "flowchart blocks belong in content/flowcharts/; move this chart to its own page there");
      return "";
    }
    return ChartReader.readFlowchart(page.sourcePath(), block.getLiteral(), firstLine, diagnostics)
        .map(chart -> ChartRenderer.flowchartHtml(page.sourcePath(), chart, page.title(),
            link -> resolve(page, link), idPrefix, diagnostics))
        .orElse("");
  }

  String diagram(Page page, FencedCodeBlock block, String idPrefix, Diagnostics diagnostics) {
    int firstLine = SourcePositions.of(page, block)[0] + 1;
    return ChartReader.readDiagram(page.sourcePath(), block.getLiteral(), firstLine, diagnostics)
        .map(diagram -> cache.diagram(block.getLiteral(), idPrefix, () -> ChartRenderer.diagramHtml(diagram, idPrefix)))
        .orElse("");
  }

  /** Resolves an outcome's link (a relative content path, optionally with #fragment) to an href. */
  private Optional<String> resolve(Page page, String link) {
    String path = link;
    String fragment = "";
    int hash = link.indexOf('#');
    if (hash >= 0) {
      path = link.substring(0, hash);
      fragment = link.substring(hash);
    }
    String finalFragment = fragment;
    return PageLinker.resolveRelative(page.id() + ".md", path)
        .flatMap(targets::byContentPath)
        .map(target -> page.hrefTo(target) + finalFragment);
  }
}
