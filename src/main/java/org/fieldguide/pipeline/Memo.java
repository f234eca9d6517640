package org.fieldguide.pipeline;

import java.nio.file.Path;
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
   * The last build's values, or empty values (every entry changed) when there was no last build: in
   * {@code serve}, what the last build kept; in a one-off build, what the memo file holds if it was
   * made in a context with the digest and dates of {@code context} and {@code outDir} still holds
   * the files that build left there (a build that makes every page needs every body's HTML, which
   * the file does not keep, so it is of no use then).
   */
  Last last(SiteContext context, Path outDir) {
    Last before = last;
    if (before != null) {
      return before;
    }
    CompletableFuture<Optional<MemoFile.Stored>> reading;
    synchronized (this) {
      reading = stored;
    }
    if (reading == null) {
      return NONE;
    }
    Optional<MemoFile.Stored> read =
        reading
            .join()
            .filter(s -> s.key().equals(FileMemo.key(context)) && FileMemo.holds(s, outDir));
    if (read.isEmpty()) {
      return NONE;
    }
    Map<String, FileMemo.Digested> same = FileMemo.unchanged(read.get(), context);
    Optional<Last> joined = FileMemo.join(read.get(), same.keySet(), context, outDir);
    digested = joined.isPresent() ? same : Map.of();
    return joined.orElse(NONE);
  }

  static final Last NONE =
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
      MemoFile.write(file, stamp.get(), FileMemo.stored(values, outDir, digested));
    }
  }

  /**
   * Forgets everything, so that the next build makes everything anew (after a build that was cut
   * short).
   */
  void clear() {
    last = null;
  }
}
