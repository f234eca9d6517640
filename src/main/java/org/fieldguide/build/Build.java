package org.fieldguide.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.SiteReader;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.markdown.MarkdownSetup;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.Site;
import org.fieldguide.output.OutputPaths;
import org.fieldguide.output.SiteFiles;
import org.fieldguide.output.SiteWriter;
import org.fieldguide.search.SearchIndex;
import org.fieldguide.source.GitDates;
import org.fieldguide.source.SourceFile;
import org.fieldguide.source.SourceLoader;
import org.fieldguide.template.Navigation;
import org.fieldguide.template.PageViews;
import org.fieldguide.template.Templates;
import org.fieldguide.xref.LinkReport;
import org.fieldguide.xref.PageLinker;
import org.fieldguide.xref.TargetIndex;
import org.fieldguide.xref.TermMatcher;

/**
 * One build, its stages in execution order: load → read the site model → compile templates →
 * parse and link every page → render bodies → apply templates → check links site-wide → write
 * atomically. Every stage adds to one {@link Diagnostics}; nothing is written if any reports an error.
 */
public final class Build {
  private final BuildOptions options;
  private final RenderCache cache;

  public Build(BuildOptions options) {
    this(options, new RenderCache());
  }

  /** A build that reuses (and adds to) the formulas and diagrams in {@code cache}; see {@code serve}. */
  public Build(BuildOptions options, RenderCache cache) {
    this.options = options;
    this.cache = cache;
  }

  public BuildResult run() {
    Diagnostics diagnostics = new Diagnostics();
    SourceLoader loader = new SourceLoader(options.projectRoot());
    if (!insideProject(options.contentDir(), loader, diagnostics) | !insideProject(options.templatesDir(), loader, diagnostics)) {
      return new BuildResult(diagnostics, new TreeMap<>(), false);
    }
    List<SourceFile> files = loader.load(options.contentDir(), diagnostics);
    String siteYaml = loader.displayPath(options.contentDir().resolve("site.yaml"));
    Optional<Site> read = files.isEmpty() ? Optional.empty()
        : new SiteReader(options.drafts()).read(files, siteYaml, diagnostics);
    Optional<Templates> templates = Templates.compile(options.templatesDir().toFile(),
        loader.displayPath(options.templatesDir()), diagnostics);
    if (read.isEmpty() || templates.isEmpty()) {
      return new BuildResult(diagnostics, new TreeMap<>(), false);
    }
    Site site = read.get();
    String baseUrl = options.baseUrl() != null ? options.baseUrl() : site.config().normalizedBaseUrl();
    if (!baseUrl.endsWith("/")) {
      baseUrl = baseUrl + "/";
    }

    // Parse and link every Markdown page: first every target is known, then every reference resolved.
    TargetIndex targets = new TargetIndex(site);
    TermMatcher terms = new TermMatcher(site.terms().values());
    Optional<SortedMap<String, Path>> assets = PublishedFiles.assets(options.templatesDir(), loader, diagnostics);
    PageLinker linker = new PageLinker(site, targets, terms, PublishedFiles.known(site, assets.map(Map::keySet)));
    MarkdownSetup markdown = new MarkdownSetup();
    BlockRenderers blocks = new BlockRenderers(cache.formulas(), new ChartBlocks(targets, cache),
        new TableBlocks(site, markdown, linker));
    PageBodies bodies = new PageBodies(markdown, linker, blocks, templates.get()::fixedIds);
    // Each page is parsed, linked and rendered in one go, so its Markdown tree can go as soon as its
    // HTML exists: holding every tree until every page was linked made the peak memory of a large site.
    List<BodyOf> bodiesOf = site.pages().parallelStream()
        .filter(p -> !p.kind().isGenerated())
        .map(p -> {
          PageBodies.Linked l = bodies.parseAndLink(p, diagnostics);
          return new BodyOf(l.report(), bodies.render(l, diagnostics));
        })
        .toList();
    TermChecks.check(site, diagnostics);
    Map<String, RenderedPage> rendered = new TreeMap<>();
    bodiesOf.forEach(b -> rendered.put(b.page().page().id(), b.page()));
    List<LinkReport> reports = bodiesOf.stream().map(BodyOf::report).toList();
    bodiesOf = null;
    Backlinks backlinks = new Backlinks(site, reports);
    backlinks.reportOrphans(diagnostics);

    // Apply templates.
    GitDates git = GitDates.read(options.projectRoot(), options.contentDir());
    Navigation navigation = new Navigation(site);
    PageViews views = new PageViews(site, navigation, baseUrl, page -> updated(page, git), options.version());
    MainViews mains = new MainViews(site, rendered, backlinks, views, templates.get(), diagnostics);
    SortedMap<String, byte[]> out = new TreeMap<>();
    Map<String, String> origins = new TreeMap<>(); // output path → the file it comes from, for errors
    SiteLinkChecker checker = new SiteLinkChecker();
    // Each page is rendered and scanned for its links on any thread, then registered in page order.
    List<MadePage> made = site.pages().parallelStream()
        .map(page -> mains.render(page).map(html -> new MadePage(page, html.getBytes(StandardCharsets.UTF_8),
            SiteLinkChecker.scan(html))).orElse(null))
        .filter(Objects::nonNull)
        .toList();
    for (MadePage m : made) {
      String source = m.page().sourcePath() != null ? m.page().sourcePath() : "templates";
      out.put(m.page().outputPath(), m.bytes());
      origins.put(m.page().outputPath(), source);
      checker.add(m.page().outputPath(), m.links(), source);
    }
    made = null;
    out.put(SearchIndex.INDEX_PATH, SearchIndex.json(SearchDocuments.of(rendered.values(), navigation)));
    out.putAll(SearchIndex.libraryAssets());
    out.putAll(SiteFiles.all(baseUrl, site.pages()));
    out.keySet().forEach(path -> origins.putIfAbsent(path, "templates"));
    copyAssets(assets.orElse(new TreeMap<>()), out, origins, diagnostics, loader);
    OutputPaths.check(origins, diagnostics);

    // Check every link and fragment now that every page exists.
    checkFragments(site, reports, checker, diagnostics);
    if (!diagnostics.hasErrors()) { // after other errors, missing pages would only cause echoes
      checker.check(new TreeSet<>(out.keySet()), diagnostics);
    }

    boolean failed = diagnostics.hasErrors() || (options.strict() && diagnostics.hasWarnings());
    if (failed || !options.write()) {
      return new BuildResult(diagnostics, out, false);
    }
    String clash = outputClash();
    if (clash != null) {
      diagnostics.error(loader.displayPath(options.outDir()), 0, 0, clash);
      return new BuildResult(diagnostics, out, false);
    }
    try {
      new SiteWriter(options.outDir()).write(out);
    } catch (IOException e) {
      diagnostics.error(loader.displayPath(options.outDir()), 0, 0, "cannot write the site (" + e.getMessage()
          + "); the previous site is unchanged");
      return new BuildResult(diagnostics, out, false);
    }
    return new BuildResult(diagnostics, out, true);
  }

  private static LocalDate updated(Page page, GitDates git) {
    if (page.updated() != null) {
      return page.updated();
    }
    return page.sourcePath() == null ? null : git.of(page.sourcePath());
  }

  /** One page out of the Markdown stage: what it links to, and its rendered body. */
  private record BodyOf(LinkReport report, RenderedPage page) {}

  /** One page out of the template stage: its bytes, and its ids and links for the link checker. */
  private record MadePage(Page page, byte[] bytes, SiteLinkChecker.PageLinks links) {}

  private static void checkFragments(Site site, List<LinkReport> reports, SiteLinkChecker checker, Diagnostics diagnostics) {
    Map<String, Page> byId = new LinkedHashMap<>();
    site.pages().forEach(p -> byId.put(p.id(), p));
    for (LinkReport report : reports) {
      for (LinkReport.PendingFragment f : report.fragments()) {
        Page target = byId.get(f.targetId());
        if (target != null && !checker.hasId(target.outputPath(), f.fragment())) {
          diagnostics.error(f.path(), f.line(), f.column(), "unknown fragment '#" + f.fragment() + "' on "
              + (target.sourcePath() != null ? target.sourcePath() : "/" + target.url())
              + "; link to one of its headings (ids are the heading text in lower case with '-' for spaces)");
        }
      }
    }
  }

  /**
   * Whether {@code dir} (content/ or templates/) lies inside the project once links are followed;
   * reports it if not, so that a link committed in place of the folder cannot make the build read
   * files from elsewhere on the machine.
   */
  private boolean insideProject(Path dir, SourceLoader loader, Diagnostics diagnostics) {
    try {
      if (!Files.exists(dir)) {
        return true; // reported by the stage that reads it
      }
      Path real = dir.toRealPath();
      if (!real.startsWith(options.projectRoot().toRealPath())) {
        diagnostics.error(loader.displayPath(dir), 0, 0, "this folder is a link to " + real
            + ", outside the project; make it a real folder inside the project");
        return false;
      }
      return true;
    } catch (IOException e) {
      diagnostics.error(loader.displayPath(dir), 0, 0, "cannot read this folder (" + e.getMessage() + ")");
      return false;
    }
  }

  /**
   * Why the output folder may not be written, or null: the swap replaces the whole folder, so it
   * must not hold the project, content/ or templates/, nor lie inside content/ or templates/.
   */
  private String outputClash() {
    Path out = options.outDir().toAbsolutePath().normalize();
    for (Path dir : List.of(options.projectRoot(), options.contentDir(), options.templatesDir())) {
      Path own = dir.toAbsolutePath().normalize();
      if (own.startsWith(out)) {
        return "the output folder holds " + (own.equals(options.projectRoot().toAbsolutePath().normalize()) ? "the project"
            : own.getFileName() + "/") + ", which writing the site would replace; choose a folder of its own such as site/";
      }
      if (!own.equals(options.projectRoot().toAbsolutePath().normalize()) && out.startsWith(own)) {
        return "the output folder lies inside " + own.getFileName() + "/, which holds sources, not output;"
            + " choose a folder of its own such as site/";
      }
    }
    return null;
  }

  /** Adds the files {@link PublishedFiles#assets} found, unless one would replace a file the build makes. */
  private static void copyAssets(SortedMap<String, Path> assets, SortedMap<String, byte[]> out, Map<String, String> origins,
      Diagnostics diagnostics, SourceLoader loader) {
    for (Map.Entry<String, Path> asset : assets.entrySet()) {
      String key = asset.getKey();
      String where = loader.displayPath(asset.getValue());
      if (out.containsKey(key)) {
        diagnostics.error(where, 0, 0, "this asset would replace /" + key + ", which the build writes from "
            + origins.get(key) + "; rename the asset");
        continue;
      }
      try {
        out.put(key, Files.readAllBytes(asset.getValue()));
        origins.put(key, where);
      } catch (IOException e) {
        diagnostics.error(where, 0, 0, "cannot read this asset (" + e.getMessage() + ")");
      }
    }
  }

  static List<Page> pagesOf(Site site, PageKind kind) {
    List<Page> out = new ArrayList<>();
    for (Page p : site.pages()) {
      if (p.kind() == kind) {
        out.add(p);
      }
    }
    return out;
  }
}
