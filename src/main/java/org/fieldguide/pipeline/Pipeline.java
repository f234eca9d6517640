package org.fieldguide.pipeline;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.SiteReader;
import org.fieldguide.model.Site;
import org.fieldguide.search.SearchIndex;
import org.fieldguide.source.SourceLoader;
import org.fieldguide.xref.LinkGraph;

/**
 * The stages of one build, in the order they run, each a function of the values the stages before
 * it made:
 *
 * <pre>
 *   sources → site model → (context) → linked bodies → rendered bodies → link graph → pages
 *           → checked site → output
 * </pre>
 *
 * Every stage adds to one {@link Diagnostics}; nothing is written if any reports an error. No stage
 * knows whether this build is the first: a result an earlier build made from equal inputs is taken
 * from the {@link Memo} (see {@link BuildState}), and a build with an empty memo makes everything.
 */
final class Pipeline {
  private final BuildOptions options;
  private final BuildState state;
  private final StageClock clock;

  Pipeline(BuildOptions options, BuildState state, StageClock clock) {
    this.options = options;
    this.state = state;
    this.clock = clock;
  }

  /**
   * Runs every stage; {@code changed} names the files the watcher saw change since the last build,
   * or is null.
   */
  BuildResult run(Collection<Path> changed) {
    Diagnostics diagnostics = new Diagnostics();
    SourceLoader loader = new SourceLoader(options.projectRoot());
    if (!Output.insideProject(options, options.contentDir(), loader, diagnostics)
        | !Output.insideProject(options, options.templatesDir(), loader, diagnostics)) {
      return BuildResult.nothing(diagnostics);
    }

    // 1. Sources: the content files, the templates and the assets, each read again only if changed.
    Sources sources = Sources.read(options, changed, loader, state.sources, diagnostics);
    clock.lap("load files");

    // 2. The site model: front matter, configuration, sources and tables (again only if changed).
    Optional<Site> read =
        sources.content().isEmpty()
            ? Optional.empty()
            : new SiteReader(options.drafts(), state.reads)
                .read(
                    sources.content(),
                    sources.changedContent(),
                    loader.displayPath(options.contentDir().resolve("site.yaml")),
                    diagnostics);
    sources.templateDiagnostics().forEach(diagnostics::add);
    clock.lap("read front matter");
    if (read.isEmpty() || sources.templates().isEmpty()) {
      return BuildResult.nothing(diagnostics);
    }
    Site site = read.get();
    state.memo.prepare(site, options.outDir()); // on other threads, while the context is made

    // The context: everything made from the pages' front matter, the templates and the assets.
    SiteContext.Key key =
        SiteContext.keyOf(
            site,
            sources.templatesDigest(),
            baseUrl(site),
            sources.assets(),
            sources.assetOrigins());
    Optional<SiteContext> kept = state.memo.context(key);
    SiteContext context =
        kept.orElseGet(
            () ->
                new SiteContext(
                    key,
                    site,
                    sources.templates().get(),
                    state.git(options),
                    options.version(),
                    state.drawings));
    context.diagnostics.forEach(diagnostics::add);
    state.drawings.awaitLoaded();
    clock.lap("site context");
    Memo.Last last = state.memo.last(context, options.outDir());
    clock.lap("memo");

    // 3, 4. Linked and rendered bodies: those whose Markdown changed, or all in a new context.
    Changes edited = Bodies.edited(context, site, last.digest(), last.bodies());
    Bodies bodies = Bodies.of(context, site, last.bodies(), edited);
    bodies.report(diagnostics);
    clock.lap("render bodies");

    // 5. The link graph: backlinks, citations, orphans.
    LinkGraph.Update graph = bodies.linkGraph(context.site, last.graph());
    graph.graph().reportOrphans(diagnostics);
    clock.lap("backlinks");

    // 6. Pages: templates applied, each page scanned for the site check, and streamed out or kept.
    SortedMap<String, byte[]> others = otherFiles(context, sources);
    state.checker.expect(
        () -> {
          Set<String> expected = new TreeSet<>(others.keySet());
          expected.add(SearchIndex.INDEX_PATH);
          context.site.pages().forEach(p -> expected.add(p.outputPath()));
          return expected;
        });
    boolean inPlace = !last.pages().byId().isEmpty(); // the output folder holds the last pages
    try (var output =
        Output.open(options, loader, state.keepsOutput(options), inPlace, diagnostics)) {
      PageStage.Pages pages =
          PageStage.make(
              context,
              bodies,
              graph.graph(),
              graph.targets(),
              last.pages(),
              state.checker,
              output,
              state.memo.keeps());
      pages.problems().values().forEach(list -> list.forEach(diagnostics::add));
      clock.lap("apply templates");

      SearchStage.Parts search = SearchStage.write(context, bodies, last.search());
      Supplier<byte[]> searchIndex = search.index();
      SortedMap<String, byte[]> files =
          pages
              .files()
              .plusAll(others)
              .plus(
                  SearchIndex.INDEX_PATH, state.searchOnDemand() ? new byte[0] : searchIndex.get());
      clock.lap("search index, assets");

      // 7. The checked site: fragments and links, once every page exists.
      Set<String> besidePages = new TreeSet<>(others.keySet());
      besidePages.add(SearchIndex.INDEX_PATH);
      SiteCheck.Checked checked =
          SiteCheck.check(context, bodies, pages, besidePages, last.checked(), diagnostics);
      state.memo.keep(
          new Memo.Last(
              context.digest, key, context, bodies, graph.graph(), pages, checked, search));
      clock.lap("check links");

      // 8. Output: the staging folder swapped in, if nothing failed.
      boolean failed = diagnostics.hasErrors() || (options.strict() && diagnostics.hasWarnings());
      boolean written = output.write(files, failed, diagnostics);
      return new BuildResult(
          diagnostics,
          files,
          checked.files(),
          written,
          searchIndex,
          new BuildResult.Redone(bodies.rendered(), pages.applied()),
          context.site.pages().stream()
              .filter(org.fieldguide.model.Page::draft)
              .map(org.fieldguide.model.Page::outputPath)
              .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }
  }

  /** The site's address, with a slash at the end: the options', else {@code site.yaml}'s. */
  private String baseUrl(Site site) {
    String baseUrl =
        options.baseUrl() != null ? options.baseUrl() : site.config().normalizedBaseUrl();
    return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  }

  /**
   * Every file the build writes but the pages and the search index: the search's library, sitemap
   * and the like, the assets.
   */
  private SortedMap<String, byte[]> otherFiles(SiteContext context, Sources sources) {
    SortedMap<String, byte[]> others = new TreeMap<>(state.libraryAssets());
    others.putAll(context.siteFiles);
    for (Map.Entry<String, byte[]> asset : sources.assetBytes().entrySet()) {
      String key = asset.getKey();
      if (sources.assetOrigins().get(key).equals(context.origins.get(key))) {
        others.put(key, asset.getValue()); // else two origins clash, which is reported
      }
    }
    return others;
  }
}
