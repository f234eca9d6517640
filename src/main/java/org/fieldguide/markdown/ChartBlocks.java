package org.fieldguide.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.drawing.DrawingCache;
import org.fieldguide.markdown.chart.ChartReader;
import org.fieldguide.markdown.chart.ChartRenderer;
import org.fieldguide.markdown.chart.FlowNode;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.xref.LinkReport;
import org.fieldguide.xref.Lookups;
import org.fieldguide.xref.PageLinker;
import org.fieldguide.xref.SourcePositions;
import org.fieldguide.xref.TargetIndex;

/** Reads, checks, lays out and draws {@code flowchart} and {@code diagram} blocks. */
public final class ChartBlocks {
  private final TargetIndex targets;
  private final DrawingCache cache;

  public ChartBlocks(TargetIndex targets, DrawingCache cache) {
    this.targets = targets;
    this.cache = cache;
  }

  String flowchart(
      Page page,
      FencedCodeBlock block,
      String idPrefix,
      Diagnostics diagnostics,
      Lookups.Builder seen) {
    int firstLine = SourcePositions.of(page, block)[0] + 1;
    if (page.kind() != PageKind.FLOWCHART) {
      diagnostics.error(
          page.sourcePath(),
          firstLine - 1,
          1,
          "flowchart blocks belong in content/flowcharts/; move this chart to its own page there");
      return "";
    }
    Function<String, Optional<String>> resolver = link -> resolve(page, link, seen);
    return ChartReader.readFlowchart(
            page.sourcePath(),
            block.getLiteral(),
            firstLine,
            resolver,
            link -> draftOf(page, link),
            diagnostics)
        .map(
            chart ->
                ChartRenderer.flowchartHtml(
                    page.sourcePath(), chart, page.title(), resolver, idPrefix, diagnostics))
        .orElse("");
  }

  /**
   * The {@code #fragment}s that the outcome links of a flowchart page's charts point to, for the
   * site-wide fragment check once every page is rendered (links that are not pages are reported
   * when the chart is read).
   */
  List<LinkReport.PendingFragment> outcomeFragments(
      Page page, Node document, Lookups.Builder seen) {
    List<LinkReport.PendingFragment> out = new ArrayList<>();
    if (page.kind() != PageKind.FLOWCHART) {
      return out;
    }
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(FencedCodeBlock block) {
            if (!ChartReader.blockKind(block.getInfo()).equals("flowchart")) {
              return;
            }
            int firstLine = SourcePositions.of(page, block)[0] + 1;
            for (FlowNode node :
                ChartReader.outcomeLinks(page.sourcePath(), block.getLiteral(), firstLine)) {
              int hash = node.link().indexOf('#');
              if (hash < 0 || hash == node.link().length() - 1) {
                continue;
              }
              targetOf(page, node.link().substring(0, hash), seen)
                  .ifPresent(
                      target ->
                          out.add(
                              new LinkReport.PendingFragment(
                                  target.id(),
                                  node.link().substring(hash + 1),
                                  page.sourcePath(),
                                  node.linkLine(),
                                  node.linkColumn())));
            }
          }
        });
    return out;
  }

  String diagram(Page page, FencedCodeBlock block, String idPrefix, Diagnostics diagnostics) {
    int firstLine = SourcePositions.of(page, block)[0] + 1;
    return ChartReader.readDiagram(page.sourcePath(), block.getLiteral(), firstLine, diagnostics)
        .map(
            diagram ->
                cache.diagram(
                    block.getLiteral(),
                    idPrefix,
                    () -> ChartRenderer.diagramHtml(diagram, idPrefix)))
        .orElse("");
  }

  /** Resolves an outcome's link (a relative content path, optionally with #fragment) to an href. */
  private Optional<String> resolve(Page page, String link, Lookups.Builder seen) {
    String path = link;
    String fragment = "";
    int hash = link.indexOf('#');
    if (hash >= 0) {
      path = link.substring(0, hash);
      fragment = link.substring(hash);
    }
    String finalFragment = fragment;
    return targetOf(page, path, seen).map(target -> page.hrefTo(target) + finalFragment);
  }

  /** The source file of the draft left out of the build that {@code link} names, if any. */
  private Optional<String> draftOf(Page page, String link) {
    int hash = link.indexOf('#');
    return PageLinker.resolveRelative(page.id() + ".md", hash < 0 ? link : link.substring(0, hash))
        .flatMap(targets::draftAt)
        .map(Page::sourcePath);
  }

  /** The page a content path relative to {@code page} names, if any. */
  private Optional<Page> targetOf(Page page, String path, Lookups.Builder seen) {
    return PageLinker.resolveRelative(page.id() + ".md", path)
        .flatMap(file -> targets.byContentPath(file, seen));
  }
}
