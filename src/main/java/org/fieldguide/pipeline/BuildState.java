package org.fieldguide.pipeline;

import java.util.SortedMap;
import org.fieldguide.drawing.DrawingCache;
import org.fieldguide.frontmatter.ReadCache;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.search.SearchIndex;
import org.fieldguide.source.GitDates;

/**
 * What one build leaves for the next: the read caches (the files as last read, {@link
 * Sources.Cache}; what was read from each, {@link ReadCache}), the {@link DrawingCache}, and for
 * {@code serve} the {@link Memo} of every stage's results. A build never reads another build's
 * state concurrently.
 */
public final class BuildState {
  /**
   * Whether this state serves a preview: its builds keep their results in the memo, keep every link
   * of every page to check it again as other pages change, and make the search index on demand (see
   * {@link BuildResult}). A state for one-off builds keeps none of these, to hold less.
   */
  private final boolean preview;

  final Sources.Cache sources = new Sources.Cache();
  final ReadCache reads = new ReadCache();
  final DrawingCache drawings = new DrawingCache();
  final Memo memo;
  final SiteLinkChecker checker;
  private GitDates git;
  private SortedMap<String, byte[]> libraryAssets;

  /**
   * A state for one build (or builds run one after the other, each reading only what changed): it
   * keeps no results, and its link checker checks each link as its page is made.
   */
  public BuildState() {
    this(false);
  }

  private BuildState(boolean preview) {
    this.preview = preview;
    this.memo = preview ? Memo.kept() : Memo.none();
    this.checker = preview ? new SiteLinkChecker() : SiteLinkChecker.forOneBuild();
  }

  /** A state for {@code serve}: see {@link #preview}. */
  public static BuildState forPreview() {
    return new BuildState(true);
  }

  /** Whether a build's result holds every page's bytes. */
  boolean keepsOutput(BuildOptions options) {
    return preview || options.keepOutput();
  }

  boolean searchOnDemand() {
    return preview;
  }

  /** The pages' last-updated dates from git, read at the first build. */
  GitDates git(BuildOptions options) {
    if (git == null) {
      git = GitDates.read(options.projectRoot(), options.contentDir());
    }
    return git;
  }

  /** The search library's files, read from the jar at the first build. */
  SortedMap<String, byte[]> libraryAssets() {
    if (libraryAssets == null) {
      libraryAssets = SearchIndex.libraryAssets();
    }
    return libraryAssets;
  }

  /**
   * Forgets every result, so that the next build makes everything anew; the files, front matter and
   * drawings stay.
   */
  void forget() {
    memo.clear();
    sources.forgetTemplates();
  }
}
