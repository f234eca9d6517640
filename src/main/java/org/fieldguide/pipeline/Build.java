package org.fieldguide.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
import org.fieldguide.source.ContentFiles;
import org.fieldguide.source.GitDates;
import org.fieldguide.source.SourceFile;
import org.fieldguide.source.SourceLoader;
import org.fieldguide.template.Navigation;
import org.fieldguide.template.PageViews;
import org.fieldguide.template.Templates;
import org.fieldguide.template.Text;
import org.fieldguide.xref.LinkReport;
import org.fieldguide.xref.PageLinker;
import org.fieldguide.xref.TargetIndex;
import org.fieldguide.xref.TermMatcher;

/**
 * One build, its stages in execution order: load → read the site model → compile templates →
 * parse and link every page → render bodies → apply templates → check links site-wide → write
 * atomically. Every stage adds to one {@link Diagnostics}; nothing is written if any reports an error.
 *
 * <p>Each stage keeps its results in a {@link BuildState} with the inputs they came from, and takes
 * a result from there again when its inputs are the same. A build with a fresh state does all the
 * work; {@code serve} keeps one state from build to build, so a rebuild redoes only what a change
 * affects. Both are the same code, so an incremental build gives what a build from nothing gives.
 */
public final class Build {
  private final BuildOptions options;
  private final BuildState state;

  public Build(BuildOptions options) {
    this(options, new BuildState());
  }

  /**
   * A build that starts from what the last build with {@code state} left (see {@code serve}) and
   * leaves its own results there for the next.
   */
  public Build(BuildOptions options, BuildState state) {
    this.options = options;
    this.state = state;
  }

  /** A build that reads every file. */
  public BuildResult run() {
    return run(null);
  }

  /**
   * A build that reads again only the files and folders in {@code changed} (absolute paths created,
   * changed or deleted since the last build with this state), or every file if it is null.
   */
  public BuildResult run(Collection<Path> changed) {
    clock = StageClock.fromEnvironment();
    try {
      loadDrawings();
      BuildResult result = runStages(changed);
      saveDrawings();
      return result;
    } catch (RuntimeException | Error e) {
      state.forget(); // a build cut short leaves results that may not fit together; start afresh
      throw e;
    } finally {
      if (output != null) {
        output.close(); // deletes a staging folder the build did not commit
        output = null;
      }
      clock.lap("write");
      clock.print(System.err);
    }
  }

  private StageClock clock;

  /**
   * Starts reading the drawing cache file, once per state, if the options name one: on another
   * thread, since telling the code's stamp reads the jar's index (tens of milliseconds), while this
   * one loads the sources. Nothing is computed when there is no file yet. {@link #awaitDrawings}
   * waits for it before any body is rendered.
   */
  private void loadDrawings() {
    if (options.drawingCache() == null || state.drawingStamp != null) {
      return;
    }
    Path file = options.drawingCache();
    String version = options.version();
    RenderCache drawings = state.drawings;
    state.drawingStamp = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      if (!Files.isRegularFile(file)) {
        return null; // told at the first save, if anything was drawn
      }
      String stamp = DrawingStore.stamp(version).orElse("");
      if (!stamp.isEmpty()) {
        drawings.load(file, stamp);
      }
      return stamp;
    });
  }

  /** Waits until the drawing cache file is read (see {@link #loadDrawings}). */
  private void awaitDrawings() {
    if (state.drawingStamp != null) {
      state.drawingStamp.join();
    }
  }

  /** Leaves this build's drawings in the cache file for the next build (failed builds too: their drawings are good). */
  private void saveDrawings() {
    if (state.drawingStamp == null) {
      return;
    }
    String stamp = state.drawingStamp.join();
    if (stamp == null && state.drawings.changed()) {
      stamp = DrawingStore.stamp(options.version()).orElse("");
      state.drawingStamp = java.util.concurrent.CompletableFuture.completedFuture(stamp);
    }
    if (stamp != null && !stamp.isEmpty()) {
      state.drawings.save(options.drawingCache(), stamp);
    }
  }

  /** Where this build's template stage puts the pages, once it has begun. */
  private Output output;

  private BuildResult runStages(Collection<Path> changed) {
    Diagnostics diagnostics = new Diagnostics();
    SourceLoader loader = new SourceLoader(options.projectRoot());
    if (!insideProject(options.contentDir(), loader, diagnostics) | !insideProject(options.templatesDir(), loader, diagnostics)) {
      return new BuildResult(diagnostics, new TreeMap<>(), false);
    }
    List<SourceFile> files = loader.load(options.contentDir(), changed, state.sources, diagnostics);
    clock.lap("load files");
    String siteYaml = loader.displayPath(options.contentDir().resolve("site.yaml"));
    Optional<Site> read = files.isEmpty() ? Optional.empty()
        : new SiteReader(options.drafts(), state.reads).read(files, state.sources.lastChanges(), siteYaml, diagnostics);
    clock.lap("read front matter");
    readTemplates(changed, loader);
    clock.lap("templates and assets");
    state.templateDiagnostics.forEach(diagnostics::add);
    if (read.isEmpty() || state.templates.isEmpty()) {
      return new BuildResult(diagnostics, new TreeMap<>(), false);
    }
    Site site = read.get();
    String baseUrl = options.baseUrl() != null ? options.baseUrl() : site.config().normalizedBaseUrl();
    if (!baseUrl.endsWith("/")) {
      baseUrl = baseUrl + "/";
    }
    state.assetDiagnostics.forEach(diagnostics::add);
    if (state.git == null) {
      state.git = GitDates.read(options.projectRoot(), options.contentDir());
    }
    SiteContext context = state.context;
    if (context == null || !context.fits(site, state.templates.get(), baseUrl, state.assets, state.assetOrigins)) {
      context = new SiteContext(site, state.templates.get(), baseUrl, state.assets, state.assetOrigins, state.git,
          options.version(), state.drawings);
      state.context = context;
    }
    awaitDrawings();
    clock.lap("site context");
    site = context.site; // the same pages; only the bodies may be newer
    context.diagnostics.forEach(diagnostics::add);

    Site current = read.get();
    SiteContext earlier = state.lastContext;
    boolean sameShape = context == earlier; // the same pages, so the same output paths
    state.lastContext = null; // until this build is through, so that a crash leaves nothing half done
    List<BuildState.BodyWork> redone = renderBodies(context, current, sameShape, diagnostics);
    clock.lap("render bodies");
    SiteContext ctx = context;
    Map<String, RenderedPage> rendered = state.rendered;
    Set<String> backlinksChanged = updateBacklinks(site, context, redone, sameShape);
    Backlinks backlinks = state.backlinks;
    backlinks.reportOrphans(diagnostics);
    clock.lap("backlinks");

    // Apply templates to every page whose body, backlinks, context or what else it shows changed;
    // with the same pages, only the pages just rendered, those whose backlinks changed, and the
    // indexes can be among them.
    MainViews mains = new MainViews(site, rendered, backlinks, context.views, context.templates);
    Collection<Page> mayMake = sameShape ? pagesToMake(redone, backlinksChanged, context) : site.pages();
    List<Page> toMake = mayMake.stream()
        .filter(p -> !isCurrent(state.pages.get(p.id()), ctx, rendered.get(p.id()), backlinks, backlinksChanged, p,
            shows(p, ctx, rendered, backlinks)))
        .toList();
    if (!sameShape) {
      context.adoptEqualSections(earlier);
    }
    if (state.libraryAssets == null) {
      state.libraryAssets = SearchIndex.libraryAssets();
    }
    SortedMap<String, byte[]> others = otherFiles(context);
    if (!state.preview) { // the preview's checker keeps every link and checks again only what may have changed
      Set<String> expected = new HashSet<>(others.keySet());
      expected.add(SearchIndex.INDEX_PATH);
      site.pages().forEach(p -> expected.add(p.outputPath()));
      state.checker.expect(expected);
    }
    output = openOutput(loader, diagnostics);
    Output sink = output; // effectively final, for the lambda
    List<MadePage> made = toMake.parallelStream().map(page -> make(page, mains, ctx, rendered, backlinks, sink)).toList();
    clock.lap("apply templates");
    Set<String> idsChanged = sameShape ? new HashSet<>() : null;
    for (MadePage m : made) {
      BuildState.PageWork old = state.pages.put(m.page().id(), m.work());
      if (idsChanged != null && (old == null || old.links() == null || m.work().links() == null
          || !old.links().ids().equals(m.work().links().ids()))) {
        idsChanged.add(m.page().id());
      }
    }

    SortedMap<String, byte[]> out = gatherPages(site, context, made, sameShape, diagnostics);
    clock.lap("gather pages");
    Supplier<byte[]> searchIndex = searchIndex(redone, context, sameShape);
    if (state.preview) {
      out.put(SearchIndex.INDEX_PATH, BuildResult.ON_DEMAND);
    } else {
      out.put(SearchIndex.INDEX_PATH, searchIndex.get());
    }
    out.putAll(others);
    if (!sameShape || state.outPaths == null) {
      state.outPaths = Set.copyOf(out.keySet());
    }

    clock.lap("search index, assets");
    // Check every link and fragment now that every page exists.
    state.fragments.check(context.byId, sameShape ? redone.stream().map(BuildState.BodyWork::report).toList()
        : context.markdownPages.stream().map(p -> state.bodies.get(p.id()).report()).toList(), idsChanged, state.checker,
        diagnostics);
    if (!diagnostics.hasErrors()) { // after other errors, missing pages would only cause echoes
      state.checker.check(state.outPaths, diagnostics);
    }
    clock.lap("check links");
    state.lastContext = context;
    context.forgetEarlier();
    state.reads.clearChangedPages();

    SortedMap<String, byte[]> result = Collections.unmodifiableSortedMap(new TreeMap<>(out));
    BuildResult.Redone work = new BuildResult.Redone(
        redone.stream().map(w -> w.page().id()).collect(Collectors.toCollection(TreeSet::new)),
        made.stream().filter(MadePage::applied).map(m -> m.page().id()).collect(Collectors.toCollection(TreeSet::new)));
    output.failure().ifPresent(e -> cannotWrite(e, loader, diagnostics));
    boolean failed = diagnostics.hasErrors() || (options.strict() && diagnostics.hasWarnings());
    if (failed || !options.write()) {
      return new BuildResult(diagnostics, result, false, searchIndex, work);
    }
    String clash = outputClash();
    if (clash != null) {
      diagnostics.error(loader.displayPath(options.outDir()), 0, 0, clash);
      return new BuildResult(diagnostics, result, false, searchIndex, work);
    }
    try {
      if (output.keep) {
        new SiteWriter(options.outDir()).write(result);
      } else { // the pages are there already (openOutput reported it if the staging folder could not be made)
        for (Map.Entry<String, byte[]> file : result.entrySet()) {
          if (file.getValue() != BuildResult.NOT_KEPT) {
            output.staging().put(file.getKey(), file.getValue());
          }
        }
        output.staging().commit();
      }
    } catch (IOException e) {
      cannotWrite(e, loader, diagnostics);
      return new BuildResult(diagnostics, result, false, searchIndex, work);
    }
    return new BuildResult(diagnostics, result, true, searchIndex, work);
  }

  private void cannotWrite(IOException e, SourceLoader loader, Diagnostics diagnostics) {
    diagnostics.error(loader.displayPath(options.outDir()), 0, 0, "cannot write the site (" + e.getMessage()
        + "); the previous site is unchanged");
  }

  /**
   * Where the template stage puts each page it makes. A build that keeps its output (tests, the
   * API, {@code serve}) holds every page's bytes; one that does not ({@code build} and {@code check}
   * on the command line) writes each page into the staging folder at once, or drops it once it is
   * scanned, and keeps {@link BuildResult#NOT_KEPT} in its place. The staging folder is committed
   * only when the build goes through; closing this deletes it otherwise.
   */
  private static final class Output implements AutoCloseable {
    private final boolean keep;
    private final SiteWriter.Staging staging;
    private final java.util.concurrent.atomic.AtomicReference<IOException> failure = new java.util.concurrent.atomic.AtomicReference<>();

    Output(boolean keep, SiteWriter.Staging staging) {
      this.keep = keep;
      this.staging = staging;
    }

    SiteWriter.Staging staging() {
      return staging;
    }

    /** What the build keeps of a page's bytes, after writing them to the staging folder if there is one. */
    byte[] put(String path, byte[] bytes) {
      if (keep) {
        return bytes;
      }
      if (staging != null && failure.get() == null) {
        try {
          staging.put(path, bytes);
        } catch (IOException e) {
          failure.compareAndSet(null, e);
        }
      }
      return BuildResult.NOT_KEPT;
    }

    /** The first write into the staging folder that failed, if any. */
    Optional<IOException> failure() {
      return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() {
      if (staging != null) {
        staging.close();
      }
    }
  }

  /**
   * The output of this build's template stage: pages kept in memory, or (for a build that keeps no
   * output) written to a staging folder when the build is to write and nothing has failed yet. A
   * staging folder that cannot be made is reported, and the build goes on to find every other problem.
   */
  private Output openOutput(SourceLoader loader, Diagnostics diagnostics) {
    boolean keep = state.preview || options.keepOutput();
    if (keep || !options.write() || diagnostics.hasErrors() || outputClash() != null) {
      return new Output(keep, null);
    }
    try {
      return new Output(false, new SiteWriter(options.outDir()).open());
    } catch (IOException e) {
      cannotWrite(e, loader, diagnostics);
      return new Output(false, null);
    }
  }

  /**
   * Parses, links and renders every Markdown page whose body or context changed (with the same
   * pages, only those whose file was read again can be among them), keeps the results in the
   * state, and adds every body's diagnostics. Each page is parsed, linked and rendered in one go,
   * so its Markdown tree can go as soon as its HTML exists: holding every tree until every page was
   * linked made the peak memory of a large site. Returns the bodies rendered, each with the work
   * it replaced in {@link #replaced}.
   */
  private List<BuildState.BodyWork> renderBodies(SiteContext context, Site current, boolean sameShape,
      Diagnostics diagnostics) {
    Collection<Page> mayRender = !sameShape ? context.markdownPages : state.reads.changedPages().stream()
        .map(context.byId::get).filter(p -> p != null && !p.kind().isGenerated()).toList();
    List<BuildState.BodyWork> redone = mayRender.stream()
        .filter(p -> !isCurrent(state.bodies.get(p.id()), context, p, current.bodies().get(p.id())))
        .toList().parallelStream()
        .map(p -> renderBody(context, p, current.bodies().get(p.id())))
        .toList();
    replaced.clear();
    for (BuildState.BodyWork work : redone) {
      replaced.put(work.page().id(), state.bodies.put(work.page().id(), work));
    }
    Map<String, RenderedPage> rendered = state.rendered;
    if (!sameShape) {
      state.bodies.keySet().retainAll(context.byId.keySet());
      rendered.clear();
      state.bodyDiagnostics.clear();
      for (Page page : context.markdownPages) {
        BuildState.BodyWork work = state.bodies.get(page.id());
        if (work.context() != context) { // rendered alike in an earlier context: now this one's
          work = new BuildState.BodyWork(context, work.page(), work.markdown(), work.report(), work.rendered(),
              work.diagnostics(), work.lookups());
          state.bodies.put(page.id(), work);
        }
        rendered.put(page.id(), work.rendered());
        state.noteDiagnostics(state.bodyDiagnostics, page.id(), work.diagnostics());
      }
    } else {
      for (BuildState.BodyWork work : redone) {
        rendered.put(work.page().id(), work.rendered());
        state.noteDiagnostics(state.bodyDiagnostics, work.page().id(), work.diagnostics());
      }
    }
    state.bodyDiagnostics.values().forEach(list -> list.forEach(diagnostics::add));
    return redone;
  }

  /** Every file the build writes but the pages and the search index: the search's library, sitemap and the like, the assets. */
  private SortedMap<String, byte[]> otherFiles(SiteContext context) {
    SortedMap<String, byte[]> others = new TreeMap<>(state.libraryAssets);
    others.putAll(context.siteFiles);
    state.assetBytes.forEach((key, bytes) -> {
      if (state.assetOrigins.get(key).equals(context.origins.get(key))) { // else it clashes, which is reported
        others.put(key, bytes);
      }
    });
    return others;
  }

  /** The bodies {@link #renderBodies} replaced, by page id (null for a page new to the state). */
  private final Map<String, BuildState.BodyWork> replaced = new HashMap<>();

  /**
   * Brings the backlinks up to date with the bodies just rendered (or makes them anew when the pages
   * changed) and returns the ids of the pages whose incoming links changed.
   */
  private Set<String> updateBacklinks(Site site, SiteContext context, List<BuildState.BodyWork> redone, boolean sameShape) {
    Set<String> changed = new HashSet<>();
    if (!sameShape || state.backlinks == null || redone.size() > context.markdownPages.size() / 2) {
      state.backlinks = new Backlinks(site, context.markdownPages.stream().map(p -> state.bodies.get(p.id()).report()).toList());
    } else {
      for (BuildState.BodyWork work : redone) {
        BuildState.BodyWork old = replaced.get(work.page().id());
        LinkReport was = old == null ? new LinkReport(work.page().id(), Set.of(), List.of(), List.of()) : old.report();
        changed.addAll(state.backlinks.replace(was, work.report()));
      }
    }
    return changed;
  }

  private static boolean isCurrent(BuildState.BodyWork work, SiteContext context, Page page, String markdown) {
    return work != null && work.page() == page && work.markdown().equals(markdown)
        && context.rendersAlike(work.context(), work);
  }

  private static boolean isCurrent(BuildState.PageWork work, SiteContext context, RenderedPage rendered,
      Backlinks backlinks, Set<String> backlinksChanged, Page page, Object shows) {
    if (work == null || work.context() != context || work.rendered() != rendered || !java.util.Objects.equals(work.shows(), shows)) {
      return false;
    }
    boolean sameBacklinks = work.backlinksFrom() == backlinks && !backlinksChanged.contains(page.id());
    return sameBacklinks || work.backlinks().equals(backlinks.to(page));
  }

  /**
   * Makes one page's HTML. Where the last build made it from an equal view with the same templates
   * (its main view, or the layout's key), that result is taken over instead of applying the template
   * again: after a front-matter edit, most pages' views are what they were.
   */
  private MadePage make(Page page, MainViews mains, SiteContext context, Map<String, RenderedPage> rendered,
      Backlinks backlinks, Output output) {
    Diagnostics own = new Diagnostics();
    BuildState.PageWork old = state.pages.get(page.id());
    boolean sameTemplates = old != null && old.templates() == context.templates && old.bytes() != null
        && old.bytes() != BuildResult.NOT_KEPT;
    Optional<MainViews.Main> main = mains.main(page);
    String mainHtml = null;
    SiteContext.LayoutKey key = null;
    byte[] bytes = null;
    Text html = null;
    if (main.isPresent()) {
      mainHtml = sameTemplates && main.get().equals(old.main()) ? old.mainHtml()
          : mains.renderMain(page, main.get(), own).orElse(null);
    }
    if (mainHtml != null) {
      key = context.layoutKey(page, mainHtml, main.get().jsonLd());
      if (sameTemplates && key.equals(old.layoutKey())) {
        bytes = old.bytes();
      } else {
        html = mains.renderLayout(page, mainHtml, main.get().jsonLd(), own).orElse(null);
        bytes = html == null ? null : html.utf8();
      }
    }
    if (bytes != null && old != null && old.bytes() != null && bytes != old.bytes() && java.util.Arrays.equals(bytes, old.bytes())) {
      bytes = old.bytes(); // unchanged: the preview then sees by identity that nothing changed
    }
    SiteLinkChecker.PageLinks links = bytes == null ? null
        : old != null && bytes == old.bytes() ? old.links() : state.checker.scanPage(page.outputPath(), html.chars(), html.length());
    if (bytes != null) {
      bytes = output.put(page.outputPath(), bytes);
    }
    boolean keep = state.preview; // a one-off build will not compare views again
    return new MadePage(page, html != null, new BuildState.PageWork(context, rendered.get(page.id()), backlinks,
        backlinks.to(page), shows(page, context, rendered, backlinks), context.templates, keep ? main.orElse(null) : null,
        keep ? mainHtml : null, keep ? key : null, bytes, links, own.all()));
  }

  /**
   * Puts the pages into the output and registers their links for the check: every page when the
   * pages changed, else only those made again; adds every page's template diagnostics.
   */
  private SortedMap<String, byte[]> gatherPages(Site site, SiteContext context, List<MadePage> made, boolean sameShape,
      Diagnostics diagnostics) {
    SortedMap<String, byte[]> out = state.out;
    if (!sameShape) {
      state.pages.keySet().retainAll(context.byId.keySet());
      out.clear();
      state.pageDiagnostics.clear();
      Set<String> pageFiles = new HashSet<>();
      for (Page page : site.pages()) {
        BuildState.PageWork work = state.pages.get(page.id());
        register(page, work, out);
        state.noteDiagnostics(state.pageDiagnostics, page.id(), work.diagnostics());
        pageFiles.add(page.outputPath());
      }
      state.checker.retain(pageFiles);
    } else {
      for (MadePage m : made) {
        register(m.page(), m.work(), out);
        state.noteDiagnostics(state.pageDiagnostics, m.page().id(), m.work().diagnostics());
      }
    }
    state.pageDiagnostics.values().forEach(list -> list.forEach(diagnostics::add));
    return out;
  }

  /** Puts a made page into the output and registers its links for the check. */
  private void register(Page page, BuildState.PageWork work, SortedMap<String, byte[]> out) {
    if (work.bytes() == null) {
      out.remove(page.outputPath());
      return;
    }
    out.put(page.outputPath(), work.bytes());
    state.checker.add(page.outputPath(), work.links(), page.sourcePath() != null ? page.sourcePath() : "templates");
  }

  private static BuildState.BodyWork renderBody(SiteContext context, Page page, String markdown) {
    Diagnostics own = new Diagnostics();
    TargetIndex.Recorder lookups = new TargetIndex.Recorder(new HashSet<>(), new HashSet<>());
    return TargetIndex.recording(lookups, () -> {
      PageBodies.Linked linked = context.bodies.parseAndLink(page, markdown, own);
      RenderedPage rendered = context.bodies.render(linked, own);
      return new BuildState.BodyWork(context, page, markdown, linked.report(), rendered, own.all(), lookups);
    });
  }

  /**
   * What a page shows of other pages' bodies, beyond its backlinks: the FAQ index shows every FAQ
   * page's questions, the references page the pages citing each source. Null for other pages.
   */
  private static Object shows(Page page, SiteContext context, Map<String, RenderedPage> rendered, Backlinks backlinks) {
    return switch (page.kind()) {
      case FAQ_INDEX -> context.faqPages.stream().map(p -> {
        RenderedPage r = rendered.get(p.id());
        return r == null ? List.of() : r.questions();
      }).toList();
      case REFERENCES -> backlinks.citations();
      default -> null;
    };
  }

  /** The pages just rendered, those whose backlinks changed, and the indexes, in page order. */
  private static Collection<Page> pagesToMake(List<BuildState.BodyWork> redone, Set<String> backlinksChanged,
      SiteContext context) {
    Set<String> ids = new TreeSet<>(backlinksChanged);
    redone.forEach(w -> ids.add(w.page().id()));
    context.indexPages.forEach(p -> ids.add(p.id()));
    return ids.stream().map(context.byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * The search index, made of each page's entries in the order of the pages' addresses (joined
   * when first asked for); a page's entries are written again only when it was rendered again.
   */
  private Supplier<byte[]> searchIndex(List<BuildState.BodyWork> redone, SiteContext context, boolean sameShape) {
    Collection<RenderedPage> stale = sameShape ? redone.stream().map(BuildState.BodyWork::rendered).toList()
        : state.rendered.values();
    // A page's entries hold its rendered body, its page and its section's title.
    List<BuildState.SearchWork> written = stale.parallelStream()
        .map(r -> {
          String section = SearchDocuments.sectionTitle(r.page(), context.navigation);
          BuildState.SearchWork old = state.search.get(r.page().id());
          return old != null && old.rendered() == r && old.section().equals(section) ? old
              : new BuildState.SearchWork(r, section, SearchIndex.entries(SearchDocuments.of(List.of(r), context.navigation)));
        })
        .toList();
    if (!sameShape) {
      state.search.keySet().retainAll(state.rendered.keySet());
    }
    written.forEach(work -> state.search.put(work.rendered().page().id(), work));
    if (!sameShape || state.searchParts == null) {
      state.searchParts = new byte[context.searchOrder.size()][];
      java.util.Arrays.fill(state.searchParts, new byte[0]);
    }
    for (BuildState.SearchWork work : written) {
      state.searchParts[context.searchOrder.get(work.rendered().page().id())] = work.entries();
    }
    List<byte[]> parts = java.util.Arrays.asList(state.searchParts.clone());
    return memoized(() -> SearchIndex.join(parts));
  }

  /** {@code make}, run once, when first asked for; thread-safe. */
  private static Supplier<byte[]> memoized(Supplier<byte[]> make) {
    return new Supplier<>() {
      private byte[] made;

      @Override
      public synchronized byte[] get() {
        if (made == null) {
          made = make.get();
        }
        return made;
      }
    };
  }

  /**
   * Compiles the templates unless none changed since the last build, and reads the assets unless
   * nothing under {@code templates/assets/} changed: a style sheet edited alone keeps the compiled
   * templates, so the context and every page stay as they were.
   */
  private void readTemplates(Collection<Path> changed, SourceLoader loader) {
    Path dir = options.templatesDir().toAbsolutePath().normalize();
    Path assetsDir = dir.resolve("assets");
    List<Path> paths = changed == null ? List.of() : changed.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    boolean templatesTouched = changed == null || !state.templatesRead
        || paths.stream().anyMatch(p -> p.startsWith(dir) && !p.startsWith(assetsDir) || dir.startsWith(p));
    Path content = options.contentDir().toAbsolutePath().normalize();
    boolean assetsTouched = templatesTouched || paths.stream().anyMatch(p -> p.startsWith(assetsDir)
        || p.startsWith(content) && ContentFiles.isPublished(content.relativize(p).toString().replace('\\', '/')));
    if (templatesTouched) {
      Diagnostics found = new Diagnostics();
      state.templates = Templates.compile(options.templatesDir().toFile(), loader.displayPath(options.templatesDir()), found);
      state.templateDiagnostics = found.all();
    }
    if (!assetsTouched) {
      return;
    }
    Diagnostics assetFound = new Diagnostics();
    state.assets = PublishedFiles.assets(options.templatesDir(), loader, assetFound);
    state.assets.ifPresent(found -> ContentFiles.list(options.contentDir(), loader, assetFound).forEach(found::putIfAbsent));
    state.assetBytes = new TreeMap<>();
    state.assetOrigins = new TreeMap<>();
    for (Map.Entry<String, Path> asset : state.assets.orElse(new TreeMap<>()).entrySet()) {
      String where = loader.displayPath(asset.getValue());
      try {
        state.assetBytes.put(asset.getKey(), Files.readAllBytes(asset.getValue()));
        state.assetOrigins.put(asset.getKey(), where);
      } catch (IOException e) {
        assetFound.error(where, 0, 0, "cannot read this asset (" + e.getMessage() + ")");
      }
    }
    state.assetDiagnostics = assetFound.all();
    state.templatesRead = true;
  }

  /** One page out of the template stage: its work, for the state, and whether its layout was applied anew. */
  private record MadePage(Page page, boolean applied, BuildState.PageWork work) {}

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
