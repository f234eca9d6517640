package org.fieldguide.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.fieldguide.drawing.DrawingCache;
import org.fieldguide.xref.LinkGraph;

/**
 * The one place where a build finds what the last one made: every stage's value from the last
 * build, each holding with every result what it was made from. A stage takes the last value and
 * makes its own from it, looking again only at the entries whose inputs may have changed ({@link
 * Changes}) and keeping an entry only when what it was made from is equal, by value, to what it
 * would be made from now: never by identity. A build with no last values (a one-off build, or
 * {@code serve}'s first) makes everything, and a rebuild gives the same bytes ({@code
 * IncrementalBuildTest} holds it to that).
 *
 * <p>What each value's entries are kept with:
 *
 * <ul>
 *   <li>the {@link SiteContext}: its {@link SiteContext.Key}, equal;
 *   <li>a page's {@link Body}: its page and Markdown, equal, and either the same context digest, or
 *       the same namespace digest, no diagnostics, and every lookup it made giving what it gave;
 *   <li>a page's HTML ({@link PageStage.Made}): its {@link PageStage.Inputs}, equal; else its
 *       views;
 *   <li>a page's link and fragment checks ({@link SiteCheck}): what they checked, equal, and none
 *       of the files they depend on came, went or changed its ids;
 *   <li>a page's search entries ({@link SearchStage}): its rendered body and section title, equal.
 * </ul>
 *
 * <p>{@code serve} keeps its memo in memory. One-off builds keep theirs in {@link MemoFile}, which
 * holds the values that are costly to make and small to keep, and which a build in a context with
 * the same digest joins to that context ({@link #last}).
 */
final class Memo {
  /**
   * The values of one build's stages, the digest of its context, and the context and its key when
   * this process made them.
   */
  record Last(
      Digest digest,
      SiteContext.Key key,
      SiteContext context,
      Bodies bodies,
      LinkGraph graph,
      PageStage.Pages pages,
      SiteCheck.Checked checked,
      SearchStage.Parts search) {}

  private final boolean keeps;
  private volatile Last last;

  /** The memo file of one-off builds, or null. */
  private Path file;

  private String version;

  /** What reading {@link #file} found, once a build started reading it. */
  private CompletableFuture<Optional<MemoFile.Stored>> stored;

  /** What joining it needs of the site alone, once the build read its site ({@link #prepare}). */
  private CompletableFuture<Optional<FileMemo.Prepared>> prepared;

  /** The last build's values, to be saved in {@link #file} once its output is written. */
  private Last toSave;

  /** The Markdown of the bodies the memo file gave this build, and its digest there. */
  private Map<String, FileMemo.Digested> digested = Map.of();

  private Memo(boolean keeps) {
    this.keeps = keeps;
  }

  /** A memo for {@code serve}, kept from build to build. */
  static Memo kept() {
    return new Memo(true);
  }

  /**
   * A memo for one-off builds: each build reads what the last left in the memo file it names to
   * {@link #startLoading}, if any; with none, it keeps nothing.
   */
  static Memo none() {
    return new Memo(false);
  }

  /**
   * Starts reading {@code file} (null for none) on another thread while the build reads its
   * sources; {@link #last} waits for it.
   */
  synchronized void startLoading(Path file, String version) {
    this.file = file;
    this.version = version;
    this.toSave = null;
    this.prepared = null;
    this.stored =
        file == null || keeps
            ? null
            : CompletableFuture.supplyAsync(
                () -> DrawingCache.codeStamp(version).flatMap(stamp -> MemoFile.read(file, stamp)));
  }

  /** Whether this memo keeps what builds made (so that a page's views are worth keeping too). */
  boolean keeps() {
    return keeps;
  }

  /**
   * Starts making, on other threads, what joining the memo file to the build's context needs of
   * {@code site} alone (see {@link FileMemo#prepare}), while the build makes the context; nothing
   * if {@code outDir} does not hold what the file lists, which a full build is about to replace.
   */
  synchronized void prepare(org.fieldguide.model.Site site, Path outDir) {
    if (stored != null) {
      prepared =
          stored.thenApplyAsync(
              read ->
                  read.filter(s -> FileMemo.holds(s, outDir))
                      .flatMap(s -> FileMemo.prepare(s, site)));
    }
  }

  /**
   * The last build's values, or empty values (every entry changed) when there was no last build: in
   * {@code serve}, what the last build kept; in a one-off build, what the memo file holds if it was
   * made in a context with the digest of {@code context} and {@code outDir} still holds the files
   * that build left there (a build that makes every page needs every body's HTML, which the file
   * does not keep, so it is of no use then).
   */
  Last last(SiteContext context, Path outDir) {
    Last before = last;
    if (before != null) {
      return before;
    }
    CompletableFuture<Optional<MemoFile.Stored>> reading;
    CompletableFuture<Optional<FileMemo.Prepared>> preparing;
    synchronized (this) {
      reading = stored;
      preparing = prepared;
      stored = null; // read once per build; let it go once joined
      prepared = null;
    }
    if (reading == null || preparing == null) {
      return NONE;
    }
    Optional<MemoFile.Stored> read =
        reading.join().filter(s -> s.key().equals(FileMemo.key(context)));
    if (read.isEmpty()) {
      return NONE;
    }
    Optional<FileMemo.Prepared> ready = preparing.join();
    if (ready.isEmpty()) {
      return NONE;
    }
    java.util.Set<String> kept = new java.util.HashSet<>(ready.get().unchanged().keySet());
    kept.removeAll(FileMemo.datesChanged(read.get(), context)); // made again, as if edited
    Optional<Last> joined = FileMemo.join(read.get(), ready.get(), kept, context, outDir);
    digested = joined.isPresent() ? ready.get().unchanged() : Map.of();
    return joined.orElse(NONE);
  }

  private static final Last NONE =
      new Last(
          null,
          null,
          null,
          Bodies.NONE,
          null,
          PageStage.Pages.NONE,
          SiteCheck.Checked.NONE,
          SearchStage.Parts.NONE);

  /** The context for {@code key}: the last build's if its key is equal. */
  java.util.Optional<SiteContext> context(SiteContext.Key key) {
    Last before = last;
    return before != null && before.key() != null && before.key().equals(key)
        ? java.util.Optional.of(before.context())
        : java.util.Optional.empty();
  }

  /** Keeps {@code values} for the next build, if this memo keeps anything. */
  void keep(Last values) {
    if (keeps) {
      last = values;
    } else if (file != null) {
      synchronized (this) {
        toSave = values;
      }
    }
  }

  /**
   * Leaves the values of the build just done in the memo file, with the size and time of each file
   * it wrote in {@code outDir}; to be called once that build has written its output (a build that
   * wrote nothing leaves the file as it was, which still describes the output folder).
   */
  void save(Path outDir) {
    Last values;
    synchronized (this) {
      values = toSave;
      toSave = null;
    }
    if (values == null || values.context() == null || file == null) {
      return;
    }
    Optional<String> stamp = DrawingCache.codeStamp(version);
    if (stamp.isPresent()) {
      MemoFile.write(file, stamp.get(), stored(values, outDir, digested));
    }
  }

  /** What the memo file keeps of {@code last}, made in the context it names. */
  private static MemoFile.Stored stored(
      Last last, Path outDir, Map<String, FileMemo.Digested> digested) {
    List<MemoFile.StoredBody> bodies =
        last.bodies().byId().values().parallelStream()
            .map(
                b -> {
                  FileMemo.Digested known = digested.get(b.page().id());
                  return new MemoFile.StoredBody(
                      b.page().id(),
                      known != null && known.markdown().equals(b.markdown())
                          ? known.digest()
                          : MemoFile.digestOf(b.markdown()),
                      MemoFile.StoredReport.of(b.report()),
                      MemoFile.StoredLookups.of(b.lookups()),
                      b.diagnostics());
                })
            .toList();
    List<MemoFile.StoredPage> pages = new ArrayList<>();
    for (PageStage.Made m : last.pages().byId().values()) {
      if (!m.inputs().page().kind().isGenerated()) {
        pages.add(new MemoFile.StoredPage(m.inputs().page().id(), m.links(), m.diagnostics()));
      }
    }
    List<MemoFile.StoredAnswer> fragments = new ArrayList<>();
    last.checked()
        .fragments()
        .byKey()
        .forEach(
            (id, a) -> fragments.add(new MemoFile.StoredAnswer(id, a.dependsOn(), a.problems())));
    List<MemoFile.StoredAnswer> links = new ArrayList<>();
    last.checked()
        .links()
        .byKey()
        .forEach(
            (path, a) -> links.add(new MemoFile.StoredAnswer(path, a.dependsOn(), a.problems())));
    Map<String, MemoFile.SearchShape> search = new HashMap<>();
    last.search()
        .byId()
        .forEach(
            (id, e) ->
                search.put(
                    id,
                    new MemoFile.SearchShape(
                        e.bytes().length, org.fieldguide.search.SearchIndex.cut(e.bytes()))));
    Path out = outDir.toAbsolutePath().normalize();
    Map<String, MemoFile.FileStamp> output = new java.util.concurrent.ConcurrentHashMap<>();
    List<String> missing = new java.util.concurrent.CopyOnWriteArrayList<>();
    last.checked().files().parallelStream()
        .forEach(
            path ->
                MemoFile.FileStamp.of(out.resolve(path))
                    .ifPresentOrElse(s -> output.put(path, s), () -> missing.add(path)));
    return new MemoFile.Stored(
        FileMemo.key(last.context()),
        out.toString(),
        bodies,
        pages,
        fragments,
        links,
        last.checked().others(),
        search,
        last.context().dates(),
        missing.isEmpty() ? output : Map.of());
  }

  /**
   * Forgets everything, so that the next build makes everything anew (after a build that was cut
   * short).
   */
  void clear() {
    last = null;
  }
}
