package org.fieldguide.pipeline;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedMap;
import org.pcollections.PSortedSet;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

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
   * digest), the page, its rendered body, the ids of the pages linking to it (the context, by its
   * digest, says how they show), and what else it shows of other pages ({@link MainViews#shows}:
   * the FAQ index every FAQ page's questions, the references page the pages citing each source).
   */
  record Inputs(
      Digest context, Page page, Body.Rendering rendered, Set<String> backlinks, Object shows) {}

  /**
   * One page out of this stage: its inputs; for the memo of a build that keeps its results, the
   * views its two templates were applied to and what they gave; its bytes (empty if the build did
   * not keep them); what the site check needs of it (empty if a template failed: the page has no
   * HTML); its diagnostics; and whether this build applied its layout.
   */
  record Made(
      Inputs inputs,
      Digest templates,
      MainViews.Main main,
      String mainHtml,
      SiteContext.LayoutKey layoutKey,
      Optional<byte[]> bytes,
      Optional<SiteLinkChecker.PageLinks> links,
      List<Diagnostic> diagnostics,
      boolean applied) {}

  /**
   * The value of this stage: every page out of it, by id; the bytes it kept of each (by output
   * path) and the output path of each page that has HTML; each page's ids (by output path), for the
   * site check; the diagnostics of the pages that have any; which pages' links, and which files'
   * presence or ids, may differ from the last build's value; and the ids of the pages whose layout
   * this build applied.
   */
  record Pages(
      PMap<String, Made> byId,
      PSortedMap<String, byte[]> files,
      PSortedSet<String> paths,
      PMap<String, Set<String>> ids,
      PMap<String, List<Diagnostic>> problems,
      Changes linksChanged,
      Changes filesChanged,
      SortedSet<String> applied) {
    static final Pages NONE =
        new Pages(
            HashTreePMap.empty(),
            TreePMap.empty(),
            TreePSet.empty(),
            HashTreePMap.empty(),
            HashTreePMap.empty(),
            Changes.ALL,
            Changes.ALL,
            Collections.emptySortedSet());
  }

  /**
   * Makes the pages of {@code context} whose inputs may differ from those of {@code last}'s pages
   * (on every core), each taken from {@code last} where its inputs are equal: every page if the
   * bodies changed in every page ({@link Changes.All}), else the pages whose body changed, those
   * whose backlinks changed ({@code backlinksChanged}) and the generated pages, which may show
   * other pages' bodies or links. The others are {@code last}'s.
   */
  static Pages make(
      SiteContext context,
      Bodies bodies,
      LinkGraph graph,
      Set<String> backlinksChanged,
      Pages last,
      SiteLinkChecker checker,
      Output output,
      boolean keepViews) {
    Map<String, RenderedPage> rendered = new RenderedPages(bodies);
    MainViews mains =
        new MainViews(context.site, rendered, graph, context.views, context.templates);
    Changes candidates =
        last.byId().isEmpty() // no page made yet, or none whose file the output folder still holds
            ? Changes.ALL
            : bodies
                .changed()
                .and(Changes.of(backlinksChanged))
                .and(Changes.of(context.generatedPageIds));
    List<Made> made =
        candidates.among(context.site.pages(), context.byId::get).parallelStream()
            .map(
                page -> {
                  Inputs inputs =
                      new Inputs(
                          context.digest,
                          page,
                          renderingOf(bodies, page.id()),
                          graph.idsLinkingTo(page),
                          mains.shows(page));
                  Made before = last.byId().get(page.id());
                  return before != null && before.inputs().equals(inputs)
                      ? taken(before)
                      : make(inputs, before, mains, context, checker, output, keepViews);
                })
            .toList();
    boolean all = candidates instanceof Changes.All;
    PMap<String, Made> byId = all ? HashTreePMap.empty() : last.byId();
    PSortedMap<String, byte[]> files = all ? TreePMap.empty() : last.files();
    PSortedSet<String> paths = all ? TreePSet.empty() : last.paths();
    PMap<String, Set<String>> ids = all ? HashTreePMap.empty() : last.ids();
    PMap<String, List<Diagnostic>> problems = all ? HashTreePMap.empty() : last.problems();
    Set<String> linksChanged = new HashSet<>();
    Set<String> filesChanged = new HashSet<>();
    SortedSet<String> applied = new TreeSet<>();
    Map<String, Made> updates = new HashMap<>();
    for (Made m : made) {
      Page page = m.inputs().page();
      String path = page.outputPath();
      Made before = last.byId().get(page.id());
      updates.put(page.id(), m);
      files = m.bytes().isPresent() ? files.plus(path, m.bytes().get()) : files.minus(path);
      paths = m.links().isPresent() ? paths.plus(path) : paths.minus(path);
      Set<String> pageIds = m.links().map(SiteLinkChecker.PageLinks::ids).orElse(null);
      Set<String> idsBefore =
          before == null ? null : before.links().map(SiteLinkChecker.PageLinks::ids).orElse(null);
      ids = pageIds == null ? ids.minus(path) : ids.plus(path, pageIds);
      if (!Objects.equals(pageIds, idsBefore)) {
        filesChanged.add(path);
      }
      if (before == null || !m.links().equals(before.links())) {
        linksChanged.add(page.id());
      }
      problems =
          m.diagnostics().isEmpty()
              ? problems.minus(page.id())
              : problems.plus(page.id(), m.diagnostics());
      if (m.applied()) {
        applied.add(page.id());
      }
    }
    return new Pages(
        byId.plusAll(updates),
        files,
        paths,
        ids,
        problems,
        all ? Changes.ALL : Changes.of(linksChanged),
        all ? Changes.ALL : Changes.of(filesChanged),
        Collections.unmodifiableSortedSet(applied));
  }

  /** The rendered body of each Markdown page by id, read from the bodies as asked for. */
  private static final class RenderedPages extends java.util.AbstractMap<String, RenderedPage> {
    private final Bodies bodies;

    RenderedPages(Bodies bodies) {
      this.bodies = bodies;
    }

    @Override
    public RenderedPage get(Object id) {
      Body body = bodies.byId().get(id);
      return body == null ? null : body.rendered();
    }

    @Override
    public Set<Entry<String, RenderedPage>> entrySet() {
      throw new UnsupportedOperationException("rendered bodies are looked up by id");
    }
  }

  private static Body.Rendering renderingOf(Bodies bodies, String id) {
    Body body = bodies.byId().get(id);
    return body == null ? null : body.rendering();
  }

  private static Made taken(Made last) {
    return new Made(
        last.inputs(),
        last.templates(),
        last.main(),
        last.mainHtml(),
        last.layoutKey(),
        last.bytes(),
        last.links(),
        last.diagnostics(),
        false);
  }

  /** Makes one page's HTML, taking over what it can of {@code last} (null if none). */
  private static Made make(
      Inputs inputs,
      Made last,
      MainViews mains,
      SiteContext context,
      SiteLinkChecker checker,
      Output output,
      boolean keepViews) {
    Page page = inputs.page();
    Diagnostics own = new Diagnostics();
    boolean sameTemplates =
        last != null
            && last.templates().equals(context.templatesDigest)
            && last.bytes().isPresent();
    Optional<MainViews.Main> main = mains.main(page);
    String mainHtml = null;
    SiteContext.LayoutKey key = null;
    byte[] bytes = null;
    Text html = null;
    if (main.isPresent()) {
      mainHtml =
          sameTemplates && main.get().equals(last.main())
              ? last.mainHtml()
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
      links =
          Optional.of(
              html == null
                  ? last.links().get()
                  : checker.scanPage(page.outputPath(), html.chars(), html.length()));
      kept = output.put(page.outputPath(), bytes);
    }
    return new Made(
        inputs,
        context.templatesDigest,
        keepViews ? main.orElse(null) : null,
        keepViews ? mainHtml : null,
        keepViews ? key : null,
        kept,
        links,
        own.all(),
        html != null);
  }
}
