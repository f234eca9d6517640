package org.fieldguide.pipeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.drawing.DrawingCache;
import org.fieldguide.markdown.RenderedPage;
import org.fieldguide.template.MainViews;
import org.fieldguide.xref.Backlinks;
import org.fieldguide.xref.FragmentChecks;
import org.fieldguide.frontmatter.ReadCache;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.model.Page;
import org.fieldguide.source.GitDates;
import org.fieldguide.source.SourceTree;
import org.fieldguide.template.Templates;
import org.fieldguide.xref.LinkReport;
import org.fieldguide.xref.TargetIndex;

/**
 * What one build leaves for the next, so that {@code serve} redoes only what a change affects.
 * Every stage keeps its results with the inputs they came from, and a result is used again only
 * when its inputs are the same (by identity, for inputs that earlier stages kept):
 *
 * <ul>
 *   <li>files: read again only where the watcher saw a change ({@link SourceTree});
 *   <li>front matter: read again only for files whose text changed ({@link ReadCache});
 *   <li>templates and assets: compiled and read again only after a change under {@code templates/};
 *   <li>the {@link SiteContext}: made again only when a page's front matter, the configuration,
 *       the sources, the data tables, the templates or the assets changed;
 *   <li>each page's body: rendered again when its Markdown changed, or when the context changed
 *       in a way it can show ({@link SiteContext#rendersAlike});
 *   <li>each page's HTML: made again when its body or backlinks changed (the FAQ index also when a
 *       FAQ page changed, the references page when citations changed), or, in a new context, when
 *       the views its templates get differ from the last build's;
 *   <li>link checks, fragment checks and search entries: done again only where an answer can change.
 * </ul>
 *
 * A failed build may leave some results out of date with the sources; they are keyed by their
 * inputs, so the next build notices. A build never reads another build's state concurrently.
 */
public final class BuildState {
  /**
   * Whether this state serves a preview: its builds make the search index on demand (see
   * {@link BuildResult}) and keep the views each page was made from, to take pages over after a
   * front-matter edit. A state for one-off builds keeps neither, to hold less.
   */
  final boolean preview;

  /**
   * A state for one build (or builds run one after the other, each leaving its results for the
   * next): it keeps no views to compare, and its link checker checks every page each time.
   */
  public BuildState() {
    this(false);
  }

  private BuildState(boolean preview) {
    this.preview = preview;
    this.checker = preview ? new SiteLinkChecker() : SiteLinkChecker.forOneBuild();
  }

  /** A state for {@code serve}: see {@link #preview}. */
  public static BuildState forPreview() {
    return new BuildState(true);
  }

  final DrawingCache drawings = new DrawingCache();
  final SourceTree sources = new SourceTree();
  final ReadCache reads = new ReadCache();
  GitDates git;

  Optional<Templates> templates = Optional.empty();
  List<Diagnostic> templateDiagnostics = List.of();
  Optional<SortedMap<String, Path>> assets = Optional.empty();
  SortedMap<String, byte[]> assetBytes = new TreeMap<>();
  SortedMap<String, String> assetOrigins = new TreeMap<>();
  List<Diagnostic> assetDiagnostics = List.of();
  boolean templatesRead;

  SiteContext context;
  final Map<String, BodyWork> bodies = new HashMap<>();
  Backlinks backlinks;
  final Map<String, PageWork> pages = new HashMap<>();
  /** Notes which pages link where only for a preview, whose rebuilds check again just what may have changed. */
  final SiteLinkChecker checker;
  final FragmentChecks fragments = new FragmentChecks();
  SortedMap<String, byte[]> libraryAssets;
  /** The output of the last build, by path. */
  final SortedMap<String, byte[]> out = new TreeMap<>();

  /** One page's body as rendered, with the inputs it was rendered from. */
  record BodyWork(SiteContext context, Page page, String markdown, LinkReport report, RenderedPage rendered,
      List<Diagnostic> diagnostics, TargetIndex.Recorder lookups) {}

  /**
   * One page's HTML, with the inputs it was made from: the context, its rendered body, the pages
   * linking to it, and what else its kind shows (FAQ pages' questions, pages citing each source);
   * and, for a build in another context, the views its two templates were applied to.
   */
  record PageWork(SiteContext context, RenderedPage rendered, Backlinks backlinksFrom, List<Page> backlinks, Object shows,
      Templates templates, MainViews.Main main, String mainHtml, SiteContext.LayoutKey layoutKey, byte[] bytes,
      SiteLinkChecker.PageLinks links, List<Diagnostic> diagnostics) {}

  /** What a page's search entries were written from, and the entries. */
  record SearchWork(RenderedPage rendered, String section, byte[] entries) {}

  final Map<String, SearchWork> search = new HashMap<>();

  /** Each Markdown page's rendered body, by id. */
  final Map<String, RenderedPage> rendered = new HashMap<>();
  /** The diagnostics of the pages that have any, by page id: of rendering their bodies, and of making their HTML. */
  final SortedMap<String, List<Diagnostic>> bodyDiagnostics = new TreeMap<>();
  final SortedMap<String, List<Diagnostic>> pageDiagnostics = new TreeMap<>();
  /** Each Markdown page's search entries, in the order of {@link SiteContext#searchOrder}. */
  byte[][] searchParts;
  /** The paths of {@link #out}, the same object for as long as they stay the same. */
  java.util.Set<String> outPaths;
  /** The context of the last build that went through, or null. */
  SiteContext lastContext;

  /** Keeps {@code found} as page {@code id}'s diagnostics in {@code byPage}, or forgets them if it is empty. */
  void noteDiagnostics(SortedMap<String, List<Diagnostic>> byPage, String id, List<Diagnostic> found) {
    if (found.isEmpty()) {
      byPage.remove(id);
    } else {
      byPage.put(id, found);
    }
  }

  /** Forgets everything but the files, front matter and drawings, so that the next build makes the rest anew. */
  void forget() {
    context = null;
    lastContext = null;
    bodies.clear();
    backlinks = null;
    pages.clear();
    rendered.clear();
    bodyDiagnostics.clear();
    pageDiagnostics.clear();
    searchParts = null;
    search.clear();
    out.clear();
    outPaths = null;
    fragments.clear();
    templatesRead = false;
  }
}
