package org.fieldguide.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.drawing.DrawingCache;
import org.fieldguide.markdown.BlockRenderers;
import org.fieldguide.markdown.ChartBlocks;
import org.fieldguide.markdown.MarkdownSetup;
import org.fieldguide.markdown.PageBodies;
import org.fieldguide.markdown.TableBlocks;
import org.fieldguide.model.Citation;
import org.fieldguide.model.DataTable;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.SiteConfig;
import org.fieldguide.model.Term;
import org.fieldguide.output.OutputPaths;
import org.fieldguide.output.SiteFiles;
import org.fieldguide.search.SearchIndex;
import org.fieldguide.source.GitDates;
import org.fieldguide.template.Navigation;
import org.fieldguide.template.PageViews;
import org.fieldguide.template.Templates;
import org.fieldguide.xref.PageLinker;
import org.fieldguide.xref.TargetIndex;
import org.fieldguide.xref.TermChecks;
import org.fieldguide.xref.TermMatcher;

/**
 * Everything a build derives from the site's pages as other pages see them (their front matter),
 * the configuration, sources, data tables, templates and assets, but not from any page's body: the
 * link targets, the term matcher, the linker and renderers, the navigation and the layout's views,
 * the sitemap, and the checks that need only these. It is a function of its {@link Key}; a
 * body-only edit leaves the key equal, so {@code serve}'s {@link Memo} keeps the context and
 * renders again only the edited page.
 */
final class SiteContext {
  /**
   * What a context is made from: every page (front matter only), the configuration, sources,
   * tables, the templates (by their digest; see {@link Sources}), the site's address, the assets,
   * and the drafts left out (a link to one says so).
   */
  record Key(
      List<Page> pages,
      SiteConfig config,
      Map<String, Term> terms,
      Map<String, Citation> citations,
      Map<String, DataTable> tables,
      Digest templates,
      String baseUrl,
      Optional<SortedMap<String, Path>> assets,
      SortedMap<String, String> assetOrigins,
      List<Page> drafts) {}

  final org.fieldguide.model.Site site;
  final Templates templates;
  final TargetIndex targets;
  final PageBodies bodies;
  final Navigation navigation;
  final PageViews views;
  final SortedMap<String, byte[]> siteFiles;

  /** The pages read from Markdown, in page order. */
  final List<Page> markdownPages;

  /** Every page by id, and by output path. */
  final Map<String, Page> byId = new HashMap<>();

  final Map<String, Page> byOutputPath = new HashMap<>();

  /**
   * The ids of the generated pages, which may show any page's body (the FAQ index) or links (the
   * references).
   */
  final Set<String> generatedPageIds;

  /** Each Markdown page's place in the search index: pages in the order of their addresses. */
  final Map<String, Integer> searchOrder = new HashMap<>();

  /** Output path → the file it comes from, for errors. */
  final Map<String, String> origins = new TreeMap<>();

  /**
   * The digest of the whole key: a result made in a context with the same digest holds in this one.
   */
  final Digest digest;

  /** The digest of the templates, which a page's HTML depends on. */
  final Digest templatesDigest;

  /**
   * The digest of what a page's rendered body may depend on besides its own page, its Markdown and
   * the pages it looked up (see {@link Memo}): every page's id, kind and address, every term's
   * names (the term matcher looks for them in every text), the configuration, sources, tables,
   * templates and assets. Titles are left out (a body's lookups say which names it asked for), and
   * so are term definitions: a tooltip's term is a page the body looked up. So a description,
   * order, date, title or definition edited in front matter renders again only the pages that can
   * show it.
   */
  final Digest namespace;

  private record PageKey(String id, PageKind kind, String url, String term, List<String> aliases) {}

  /**
   * What the layout shows around one page besides the page's own fields: its main HTML and JSON-LD,
   * every section's head (the whole navigation lists only these), the page's own section whole (its
   * pages, their order, the landing page: navigation, breadcrumbs), what it shows of other pages
   * ({@link PageViews#shows}: the neighbours, a term's main article, the home page's cards), and
   * the configuration. Equal keys give equal layouts with the same templates.
   */
  record LayoutKey(
      Page page,
      String mainHtml,
      Map<String, Object> jsonLd,
      List<SectionHead> sections,
      Navigation.Section section,
      List<Object> shows,
      Object config,
      String baseUrl) {}

  /** One section as the navigation shows it on pages of other sections. */
  record SectionHead(String name, String title, Page landing, Page first) {}

  private final List<SectionHead> sectionHeads;
  private final Map<String, Navigation.Section> sections = new HashMap<>();
  private final String baseUrl;

  LayoutKey layoutKey(Page page, String mainHtml, Map<String, Object> jsonLd) {
    return new LayoutKey(
        page,
        mainHtml,
        jsonLd,
        sectionHeads,
        sections.get(page.section()),
        views.shows(page),
        site.config(),
        baseUrl);
  }

  /** What the checks of the site as a whole found (terms, output paths). */
  final List<Diagnostic> diagnostics;

  private final GitDates git;

  SiteContext(
      Key key,
      org.fieldguide.model.Site site,
      Templates templates,
      GitDates git,
      String version,
      DrawingCache cache) {
    this.site = site;
    this.templates = templates;
    this.git = git;
    this.baseUrl = key.baseUrl();
    this.templatesDigest = key.templates();
    this.targets = new TargetIndex(site);
    TermMatcher terms = new TermMatcher(site.terms().values());
    PageLinker linker =
        new PageLinker(
            site, targets, terms, PublishedFiles.known(site, key.assets().map(Map::keySet)));
    MarkdownSetup markdown = new MarkdownSetup();
    BlockRenderers blocks =
        new BlockRenderers(
            cache, new ChartBlocks(targets, cache), new TableBlocks(site, markdown, linker));
    Map<PageKind, Set<String>> fixedIds = new EnumMap<>(PageKind.class);
    for (PageKind kind : PageKind.values()) {
      fixedIds.put(kind, templates.fixedIds(kind));
    }
    this.bodies =
        new PageBodies(
            markdown,
            linker,
            blocks,
            (kind, id) -> fixedIds.get(kind).contains(id) || PageViews.isReferenceId(id));
    this.navigation = new Navigation(site);
    this.views = new PageViews(site, navigation, baseUrl, page -> updated(page, git), version);
    List<SectionHead> heads = new ArrayList<>();
    for (Navigation.Section section : navigation.sections()) {
      heads.add(
          new SectionHead(
              section.name(),
              section.title(),
              section.landing(),
              section.pages().isEmpty() ? null : section.pages().get(0)));
      sections.put(section.name(), section);
    }
    this.sectionHeads = List.copyOf(heads);
    this.siteFiles = SiteFiles.all(baseUrl, site.pages());
    List<PageKey> pageKeys = new ArrayList<>(site.pages().size());
    for (Page p : site.pages()) {
      pageKeys.add(
          p.term() == null
              ? new PageKey(p.id(), p.kind(), p.url(), null, null)
              : new PageKey(p.id(), p.kind(), p.url(), p.term().term(), p.term().aliases()));
    }
    this.digest = Digest.of(key);
    this.namespace =
        Digest.of(
            pageKeys,
            key.config(),
            key.citations(),
            key.tables(),
            key.templates(),
            key.assets(),
            key.assetOrigins(),
            baseUrl);
    this.markdownPages = site.pages().stream().filter(p -> !p.kind().isGenerated()).toList();
    site.pages().forEach(p -> byId.put(p.id(), p));
    site.pages().forEach(p -> byOutputPath.put(p.outputPath(), p));
    this.generatedPageIds =
        site.pages().stream()
            .filter(p -> p.kind().isGenerated())
            .map(Page::id)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    List<Page> byUrl = new ArrayList<>(markdownPages);
    byUrl.sort(Comparator.comparing(Page::url));
    for (int i = 0; i < byUrl.size(); i++) {
      searchOrder.put(byUrl.get(i).id(), i);
    }

    Diagnostics found = new Diagnostics();
    TermChecks.check(site, found);
    for (Page page : site.pages()) {
      origins.put(page.outputPath(), page.sourcePath() != null ? page.sourcePath() : "templates");
    }
    SearchIndex.PATHS.forEach(path -> origins.put(path, "templates"));
    siteFiles.keySet().forEach(path -> origins.put(path, "templates"));
    // An asset may not replace a file the build writes.
    key.assetOrigins()
        .forEach(
            (path, where) -> {
              if (origins.containsKey(path)) {
                found.error(
                    where,
                    0,
                    0,
                    "this asset would replace /"
                        + path
                        + ", which the build writes from "
                        + origins.get(path)
                        + "; rename the asset");
              } else {
                origins.put(path, where);
              }
            });
    OutputPaths.check(origins, found);
    this.diagnostics = found.all();
  }

  /** The key of the context for {@code site} with these templates, address and assets. */
  static Key keyOf(
      org.fieldguide.model.Site site,
      Digest templates,
      String baseUrl,
      Optional<SortedMap<String, Path>> assets,
      SortedMap<String, String> assetOrigins) {
    return new Key(
        site.pages(),
        site.config(),
        site.terms(),
        site.citations(),
        site.tables(),
        templates,
        baseUrl,
        assets,
        assetOrigins,
        site.drafts());
  }

  /** Each page's last-updated date ("" for none) by id: git decides most, not the key. */
  Map<String, String> dates() {
    Map<String, String> dates = new HashMap<>();
    for (Page p : site.pages()) {
      java.time.LocalDate date = updated(p, git);
      dates.put(p.id(), date == null ? "" : date.toString());
    }
    return dates;
  }

  private static java.time.LocalDate updated(Page page, GitDates git) {
    if (page.updated() != null) {
      return page.updated();
    }
    return page.sourcePath() == null ? null : git.of(page.sourcePath());
  }
}
