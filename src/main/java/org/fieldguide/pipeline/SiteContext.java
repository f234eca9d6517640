package org.fieldguide.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.fieldguide.xref.TermChecks;
import org.fieldguide.model.Page;
import org.fieldguide.model.Site;
import org.fieldguide.output.OutputPaths;
import org.fieldguide.output.SiteFiles;
import org.fieldguide.search.SearchIndex;
import org.fieldguide.source.GitDates;
import org.fieldguide.template.Navigation;
import org.fieldguide.template.PageViews;
import org.fieldguide.template.Templates;
import org.fieldguide.xref.PageLinker;
import org.fieldguide.xref.TargetIndex;
import org.fieldguide.xref.TermMatcher;

/**
 * Everything a build derives from the site's pages as other pages see them (their front matter),
 * the configuration, sources, data tables, templates and assets, but not from any page's body: the
 * link targets, the term matcher, the linker and renderers, the navigation and the layout's views,
 * the sitemap, and the checks that need only these. A body-only edit leaves all of it as it was, so
 * {@code serve} keeps it ({@link #fits}) and renders again only the edited page.
 */
final class SiteContext {
  final Site site;
  final Templates templates;
  final String baseUrl;
  final Optional<SortedMap<String, Path>> assets;
  final SortedMap<String, String> assetOrigins;
  final TargetIndex targets;
  final PageLinker linker;
  final PageBodies bodies;
  final Navigation navigation;
  final PageViews views;
  final SortedMap<String, byte[]> siteFiles;
  /** The pages read from Markdown, in page order. */
  final List<Page> markdownPages;
  /** Every page by id. */
  final Map<String, Page> byId = new java.util.HashMap<>();
  /** The FAQ pages, in page order. */
  final List<Page> faqPages;
  /** The pages that show other pages' bodies: the FAQ index and the references page. */
  final List<Page> indexPages;
  /** Each Markdown page's place in the search index: pages in the order of their addresses. */
  final Map<String, Integer> searchOrder = new java.util.HashMap<>();
  /** Output path → the file it comes from, for errors. */
  final Map<String, String> origins = new TreeMap<>();
  /**
   * What a page's rendered body may depend on besides its own page, its Markdown and the pages it
   * links to or finds: every page's id, kind and address, every term's names (the term matcher
   * looks for them in every text), the configuration, sources, tables, templates and assets.
   * Titles are left out ({@link #rendersAlike} checks the names each body looked up instead), and
   * so are term definitions: a tooltip's term is a page the body links to. So a description, order,
   * date, title or definition edited in front matter renders again only the pages that can show it.
   */
  final Namespace namespace;

  record Namespace(List<Object> pages, Object config, Object citations, Object tables, Templates templates,
      Optional<SortedMap<String, Path>> assets, SortedMap<String, String> assetOrigins, String baseUrl) {}

  private record PageKey(String id, Object kind, String url, String term, List<String> aliases) {}

  /**
   * What the layout shows around one page besides the page's own fields: its main HTML and JSON-LD,
   * every section's head (the whole navigation lists only these), the page's own section whole
   * (its pages, their order, the landing page: navigation, neighbours, breadcrumbs), and the
   * configuration. Equal keys give equal layouts with the same templates.
   */
  record LayoutKey(Page page, String mainHtml, Map<String, Object> jsonLd, List<SectionHead> sections,
      Navigation.Section section, Object config, String baseUrl) {}

  /** One section as the navigation shows it on pages of other sections. */
  record SectionHead(String name, String title, Page landing, Page first) {}

  /** The sections' heads, in order; taken over from an earlier context if equal, so that keys compare by identity. */
  private List<SectionHead> sectionHeads;
  /** Each section by name; a section equal to an earlier context's is that one. */
  private final Map<String, Navigation.Section> sections = new java.util.HashMap<>();

  LayoutKey layoutKey(Page page, String mainHtml, Map<String, Object> jsonLd) {
    return new LayoutKey(page, mainHtml, jsonLd, sectionHeads, sections.get(page.section()), site.config(), baseUrl);
  }

  /** Takes over {@code earlier}'s section heads and sections where they are equal to this context's. */
  void adoptEqualSections(SiteContext earlier) {
    if (earlier == null || earlier == this) {
      return;
    }
    if (earlier.sectionHeads.equals(sectionHeads)) {
      sectionHeads = earlier.sectionHeads;
    }
    sections.replaceAll((name, section) -> section.equals(earlier.sections.get(name)) ? earlier.sections.get(name) : section);
  }

  /** What the checks of the site as a whole found (terms, output paths). */
  final List<Diagnostic> diagnostics;

  SiteContext(Site site, Templates templates, String baseUrl, Optional<SortedMap<String, Path>> assets,
      SortedMap<String, String> assetOrigins, GitDates git, String version, DrawingCache cache) {
    this.site = site;
    this.templates = templates;
    this.baseUrl = baseUrl;
    this.assets = assets;
    this.assetOrigins = assetOrigins;
    this.targets = new TargetIndex(site);
    TermMatcher terms = new TermMatcher(site.terms().values());
    this.linker = new PageLinker(site, targets, terms, PublishedFiles.known(site, assets.map(Map::keySet)));
    MarkdownSetup markdown = new MarkdownSetup();
    BlockRenderers blocks = new BlockRenderers(cache, new ChartBlocks(targets, cache), new TableBlocks(site, markdown, linker));
    Map<org.fieldguide.model.PageKind, java.util.Set<String>> fixedIds = new java.util.EnumMap<>(org.fieldguide.model.PageKind.class);
    for (org.fieldguide.model.PageKind kind : org.fieldguide.model.PageKind.values()) {
      fixedIds.put(kind, templates.fixedIds(kind));
    }
    this.bodies = new PageBodies(markdown, linker, blocks, (kind, id) -> fixedIds.get(kind).contains(id) || PageViews.isReferenceId(id));
    this.navigation = new Navigation(site);
    this.views = new PageViews(site, navigation, baseUrl, page -> updated(page, git), version);
    List<SectionHead> heads = new java.util.ArrayList<>();
    for (Navigation.Section section : navigation.sections()) {
      heads.add(new SectionHead(section.name(), section.title(), section.landing(),
          section.pages().isEmpty() ? null : section.pages().get(0)));
      sections.put(section.name(), section);
    }
    this.sectionHeads = List.copyOf(heads);
    this.siteFiles = SiteFiles.all(baseUrl, site.pages());
    List<Object> keys = new java.util.ArrayList<>(site.pages().size());
    for (Page p : site.pages()) {
      keys.add(p.term() == null ? new PageKey(p.id(), p.kind(), p.url(), null, null)
          : new PageKey(p.id(), p.kind(), p.url(), p.term().term(), p.term().aliases()));
    }
    this.namespace = new Namespace(keys, site.config(), site.citations(), site.tables(), templates, assets, assetOrigins,
        baseUrl);
    this.markdownPages = site.pages().stream().filter(p -> !p.kind().isGenerated()).toList();
    site.pages().forEach(p -> byId.put(p.id(), p));
    this.faqPages = site.pages().stream().filter(p -> p.kind() == org.fieldguide.model.PageKind.FAQ).toList();
    this.indexPages = site.pages().stream().filter(p -> p.kind() == org.fieldguide.model.PageKind.FAQ_INDEX
        || p.kind() == org.fieldguide.model.PageKind.REFERENCES).toList();
    List<Page> byUrl = new java.util.ArrayList<>(markdownPages);
    byUrl.sort(java.util.Comparator.comparing(Page::url));
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
    assetOrigins.forEach((key, where) -> {
      if (origins.containsKey(key)) {
        found.error(where, 0, 0, "this asset would replace /" + key + ", which the build writes from "
            + origins.get(key) + "; rename the asset");
      } else {
        origins.put(key, where);
      }
    });
    OutputPaths.check(origins, found);
    this.diagnostics = found.all();
  }

  /**
   * Whether a body rendered in {@code earlier} is rendered alike in this context, as long as its own
   * page and its Markdown are the same objects in both: the namespaces are equal, every page it
   * links to or looked up is the same object, no title that changed can answer a name it looked up,
   * and it had no diagnostics (whose suggestions draw on every name).
   */
  boolean rendersAlike(SiteContext earlier, BuildState.BodyWork work) {
    if (earlier == this) {
      return true;
    }
    if (!sameNamespaceAs(earlier) || !work.diagnostics().isEmpty()) {
      return false;
    }
    for (String id : work.report().linkedPageIds()) {
      if (earlier.byId.get(id) != byId.get(id)) {
        return false;
      }
    }
    for (String id : work.lookups().pages()) {
      if (earlier.byId.get(id) != byId.get(id)) {
        return false;
      }
    }
    for (String name : work.lookups().names()) {
      for (String title : changedTitles) {
        if (TargetIndex.mayMatch(name, title)) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@link #rendersAlike}'s comparison of namespaces with one earlier context, made once. */
  private SiteContext comparedWith;
  private boolean sameNamespace;

  /** The titles, old and new, of the pages whose title differs from {@link #comparedWith}'s. */
  private List<String> changedTitles = List.of();

  private synchronized boolean sameNamespaceAs(SiteContext earlier) {
    if (comparedWith != earlier) {
      comparedWith = earlier;
      sameNamespace = earlier.namespace.equals(namespace);
      List<String> titles = new java.util.ArrayList<>();
      if (sameNamespace) { // then the same pages in the same order
        for (int i = 0; i < site.pages().size(); i++) {
          String was = earlier.site.pages().get(i).title();
          String now = site.pages().get(i).title();
          if (!was.equals(now)) {
            titles.add(was);
            titles.add(now);
          }
        }
      }
      changedTitles = List.copyOf(titles);
    }
    return sameNamespace;
  }

  /** Drops the reference to the earlier context, so that contexts never hold on to each other. */
  synchronized void forgetEarlier() {
    comparedWith = null;
  }

  /**
   * Whether this context holds for {@code site} with these templates: the very same page objects in
   * the same order (a page whose front matter is unchanged is kept as the same object; generated
   * pages are made anew and compared), the same templates, address and assets, and equal
   * configuration, terms, sources and tables.
   */
  boolean fits(Site other, Templates otherTemplates, String otherBaseUrl, Optional<SortedMap<String, Path>> otherAssets,
      SortedMap<String, String> otherAssetOrigins) {
    if (otherTemplates != templates || !otherBaseUrl.equals(baseUrl) || !otherAssets.equals(assets)
        || !otherAssetOrigins.equals(assetOrigins)
        || other.pages().size() != site.pages().size()) {
      return false;
    }
    for (int i = 0; i < site.pages().size(); i++) {
      Page page = other.pages().get(i);
      if (page != site.pages().get(i) && !(page.kind().isGenerated() && page.equals(site.pages().get(i)))) {
        return false;
      }
    }
    return other.config().equals(site.config()) && other.terms().equals(site.terms())
        && other.citations().equals(site.citations()) && other.tables().equals(site.tables());
  }

  private static java.time.LocalDate updated(Page page, GitDates git) {
    if (page.updated() != null) {
      return page.updated();
    }
    return page.sourcePath() == null ? null : git.of(page.sourcePath());
  }
}
