package org.fieldguide.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.markdown.RenderedPage;
import org.fieldguide.model.Page;
import org.fieldguide.template.MainViews;
import org.fieldguide.template.Text;
import org.fieldguide.xref.LinkGraph;

/**
 * The pages stage: applies each page's template and the layout, and scans the result for the site
 * check. A page's HTML is a function of its {@link Inputs}; when they are equal to those of the
 * page the memo holds, that page is taken over whole. Otherwise the views are made, and where the
 * memo's page was made with the same templates from an equal main view (or layout key), its main
 * HTML (or bytes) is taken over instead of applying the template again: after a front-matter edit,
 * most pages' views are what they were.
 */
final class PageStage {
  private PageStage() {}

  /**
   * What a page's HTML is made from, apart from the context's templates and views: the context (by
   * digest), the page, its rendered body, the pages linking to it, and what else its kind shows
   * (the FAQ index every FAQ page's questions, the references page the pages citing each source).
   */
  record Inputs(Digest context, Page page, RenderedPage rendered, List<Page> backlinks, Object shows) {}

  /**
   * One page out of this stage: its inputs; for the memo of a build that keeps its results, the
   * views its two templates were applied to and what they gave; its bytes (empty if the build did
   * not keep them); what the site check needs of it (empty if a template failed: the page has no
   * HTML); its diagnostics; and whether this build applied its layout.
   */
  record Made(Inputs inputs, Digest templates, MainViews.Main main, String mainHtml, SiteContext.LayoutKey layoutKey,
      Optional<byte[]> bytes, Optional<SiteLinkChecker.PageLinks> links, List<Diagnostic> diagnostics, boolean applied) {}

  /** Every page out of this stage, by id in page order, and the ids of the pages whose layout it applied. */
  record Pages(Map<String, Made> byId, SortedSet<String> applied) {}

  /** Makes every page of {@code context} (on every core), each taken from {@code memo} where it holds. */
  static Pages make(SiteContext context, Bodies bodies, LinkGraph graph, Memo memo, SiteLinkChecker checker, Output output) {
    Map<String, RenderedPage> rendered = bodies.renderedPages();
    MainViews mains = new MainViews(context.site, rendered, graph, context.views, context.templates);
    List<Made> made = context.site.pages().parallelStream().map(page -> {
      Inputs inputs = new Inputs(context.digest, page, rendered.get(page.id()), graph.to(page), shows(page, context, rendered, graph));
      Made last = memo.lastPage(page.id());
      Made now = last != null && last.inputs().equals(inputs) ? taken(last) : make(inputs, last, mains, context, checker, output, memo.keeps());
      memo.page(page.id(), now);
      return now;
    }).toList();
    Map<String, Made> byId = new LinkedHashMap<>();
    SortedSet<String> applied = new TreeSet<>();
    for (Made m : made) {
      byId.put(m.inputs().page().id(), m);
      if (m.applied()) {
        applied.add(m.inputs().page().id());
      }
    }
    return new Pages(Collections.unmodifiableMap(byId), Collections.unmodifiableSortedSet(applied));
  }

  private static Made taken(Made last) {
    return new Made(last.inputs(), last.templates(), last.main(), last.mainHtml(), last.layoutKey(), last.bytes(), last.links(),
        last.diagnostics(), false);
  }

  /** Makes one page's HTML, taking over what it can of {@code last} (null if none). */
  private static Made make(Inputs inputs, Made last, MainViews mains, SiteContext context, SiteLinkChecker checker,
      Output output, boolean keepViews) {
    Page page = inputs.page();
    Diagnostics own = new Diagnostics();
    boolean sameTemplates = last != null && last.templates().equals(context.templatesDigest) && last.bytes().isPresent();
    Optional<MainViews.Main> main = mains.main(page);
    String mainHtml = null;
    SiteContext.LayoutKey key = null;
    byte[] bytes = null;
    Text html = null;
    if (main.isPresent()) {
      mainHtml = sameTemplates && main.get().equals(last.main()) ? last.mainHtml()
          : mains.renderMain(page, main.get(), own).orElse(null);
    }
    if (mainHtml != null) {
      key = context.layoutKey(page, mainHtml, main.get().jsonLd());
      if (sameTemplates && key.equals(last.layoutKey())) {
        bytes = last.bytes().get();
      } else {
        html = mains.renderLayout(page, mainHtml, main.get().jsonLd(), own).orElse(null);
        bytes = html == null ? null : html.utf8();
      }
    }
    Optional<SiteLinkChecker.PageLinks> links = Optional.empty();
    Optional<byte[]> kept = Optional.empty();
    if (bytes != null) {
      links = Optional.of(html == null ? last.links().get() : checker.scanPage(page.outputPath(), html.chars(), html.length()));
      kept = output.put(page.outputPath(), bytes);
    }
    return new Made(inputs, context.templatesDigest, keepViews ? main.orElse(null) : null, keepViews ? mainHtml : null,
        keepViews ? key : null, kept, links, own.all(), html != null);
  }

  /**
   * What a page shows of other pages' bodies, beyond its backlinks: the FAQ index shows every FAQ
   * page's questions, the references page the pages citing each source. Null for other pages.
   */
  private static Object shows(Page page, SiteContext context, Map<String, RenderedPage> rendered, LinkGraph graph) {
    return switch (page.kind()) {
      case FAQ_INDEX -> context.faqPages.stream().map(p -> {
        RenderedPage r = rendered.get(p.id());
        return r == null ? List.of() : r.questions();
      }).toList();
      case REFERENCES -> graph.citations();
      default -> null;
    };
  }
}
