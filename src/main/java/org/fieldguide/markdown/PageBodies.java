package org.fieldguide.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.commonmark.node.Node;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.html.BodyPostProcessor;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.TermKind;
import org.fieldguide.search.SearchText;
import org.fieldguide.source.Limits;
import org.fieldguide.xref.LinkReport;
import org.fieldguide.xref.Lookups;
import org.fieldguide.xref.PageChecks;
import org.fieldguide.xref.PageLinker;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Parses, links and renders one Markdown page's body: the Markdown half of the pipeline. */
public final class PageBodies {
  private final MarkdownSetup markdown;
  private final BodyPostProcessor postProcessor = new BodyPostProcessor();
  private final PageLinker linker;
  private final BlockRenderers blocks;
  private final BiPredicate<PageKind, String> takenIds;

  /**
   * {@code takenIds} tells the ids a page of each kind has from its templates (its reference list
   * included), which headings must not take.
   */
  public PageBodies(
      MarkdownSetup markdown,
      PageLinker linker,
      BlockRenderers blocks,
      BiPredicate<PageKind, String> takenIds) {
    this.markdown = markdown;
    this.linker = linker;
    this.blocks = blocks;
    this.takenIds = takenIds;
  }

  /** The parsed and linked body, ready to render. */
  public record Linked(Page page, Node document, LinkReport report) {}

  /** Parses, checks and links {@code body}, the Markdown of {@code page}. */
  public Linked parseAndLink(Page page, String body, Diagnostics diagnostics) {
    Optional<Node> parsed =
        markdown.parseWithinLimits(
            body,
            line ->
                diagnostics.error(
                    page.sourcePath(), page.bodyFirstLine() + line, 1, Limits.markdownTooDeep()));
    if (parsed.isEmpty()) { // reported; an empty body keeps later stages from echoing it
      Node empty = new org.commonmark.node.Document();
      return new Linked(page, empty, LinkReport.none(page.id()));
    }
    Node document = parsed.get();
    PageChecks.check(page, document, diagnostics);
    org.fieldguide.xref.AuthorLint.check(page, body, document, diagnostics);
    org.fieldguide.starter.Placeholders.check(page, body, diagnostics);
    LinkReport report = linker.link(page, document, diagnostics);
    Lookups.Builder seen = new Lookups.Builder();
    List<LinkReport.PendingFragment> chartFragments =
        blocks.charts().outcomeFragments(page, document, seen);
    if (!chartFragments.isEmpty()) {
      List<LinkReport.PendingFragment> fragments = new ArrayList<>(report.fragments());
      fragments.addAll(chartFragments);
      report =
          new LinkReport(
              report.pageId(),
              report.linkedPageIds(),
              report.citedKeys(),
              List.copyOf(fragments),
              seen.addAll(report.lookups()).build());
    }
    return new Linked(page, document, report);
  }

  /**
   * A rendered body, and what rendering it looked up (table cells' links, flowcharts' outcomes).
   */
  public record Rendered(RenderedPage page, Lookups lookups) {}

  public Rendered render(Linked linked, Diagnostics diagnostics) {
    Page page = linked.page();
    Lookups.Builder seen = new Lookups.Builder();
    blocks.draw(page, linked.document(), diagnostics, seen);
    String html = markdown.render(linked.document());
    BodyPostProcessor.Result result =
        postProcessor.process(html, id -> takenIds.test(page.kind(), id));
    String body = result.html();
    String behavioral = null;
    String mechanistic = null;
    List<RenderedPage.Question> questions = List.of();
    if (page.kind() == PageKind.TERM && page.term().kind() == TermKind.BOTH) {
      String[] parts = splitDefinitions(body);
      body = parts[0];
      behavioral = parts[1];
      mechanistic = parts[2];
    }
    if (page.kind() == PageKind.FAQ) {
      questions = questions(body);
    }
    return new Rendered(
        new RenderedPage(
            page,
            body,
            behavioral,
            mechanistic,
            result.toc(),
            linked.report().citedKeys(),
            result.citations(),
            questions,
            result.searchText()),
        seen.build());
  }

  /**
   * Splits a body into what comes before the two definition sections, and each section's content.
   */
  private static String[] splitDefinitions(String body) {
    Document doc = Jsoup.parseBodyFragment(body);
    doc.outputSettings().prettyPrint(false);
    StringBuilder[] parts = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
    int current = 0;
    for (org.jsoup.nodes.Node node : new ArrayList<>(doc.body().childNodes())) {
      if (node instanceof Element e && e.tagName().equals("h2")) {
        String text =
            SearchText.of(e); // the whole heading, as PageChecks read it, without its anchor
        current =
            text.equalsIgnoreCase(PageChecks.BEHAVIORAL)
                ? 1
                : text.equalsIgnoreCase(PageChecks.MECHANISTIC) ? 2 : current;
        continue;
      }
      parts[current].append(node.outerHtml());
    }
    return new String[] {parts[0].toString(), parts[1].toString(), parts[2].toString()};
  }

  /**
   * Each {@code ##} question with its plain text and its answer's: the visible text as the search
   * index holds it, so inline code stays and term tooltips, heading anchors and citation markers
   * go.
   */
  private static List<RenderedPage.Question> questions(String body) {
    Document doc = Jsoup.parseBodyFragment(body);
    List<RenderedPage.Question> out = new ArrayList<>();
    for (Element h2 : doc.body().select("> h2[id]")) {
      StringBuilder answer = new StringBuilder();
      for (Element sibling = h2.nextElementSibling();
          sibling != null && !sibling.tagName().equals("h2");
          sibling = sibling.nextElementSibling()) {
        String text = SearchText.of(sibling);
        if (!text.isEmpty()) {
          answer.append(answer.length() > 0 ? " " : "").append(text);
        }
      }
      out.add(new RenderedPage.Question(h2.id(), SearchText.of(h2), answer.toString()));
    }
    return out;
  }
}
