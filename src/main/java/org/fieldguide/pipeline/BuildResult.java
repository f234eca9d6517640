package org.fieldguide.pipeline;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.fieldguide.diag.Diagnostics;

/**
 * What a build produced: its diagnostics; the bytes of the files it holds ({@code files}) and the
 * path of every file it wrote or would have written ({@code paths}); whether it wrote them; the
 * search index, made when first asked for; what it made itself ({@link Redone}); and the output
 * paths of the draft pages it holds (a build with {@code --drafts}), which {@code serve} marks.
 *
 * <p>A build that does not keep its output ({@link BuildOptions#keepOutput}) holds only the files
 * that are not pages: each page went to the output folder, or (for a check) was dropped once
 * scanned. A build with a {@linkplain BuildState#forPreview preview's state} maps the search
 * index's path to an empty array in {@code files}: the index is large, no page shows it, and {@code
 * searchIndex} makes it only when it is asked for. Every other build holds the index itself.
 */
public record BuildResult(
    Diagnostics diagnostics,
    SortedMap<String, byte[]> files,
    SortedSet<String> paths,
    boolean written,
    Supplier<byte[]> searchIndex,
    Redone redone,
    SortedSet<String> drafts) {

  public BuildResult {
    drafts = Collections.unmodifiableSortedSet(new TreeSet<>(drafts));
  }

  /**
   * What this build did itself rather than take from the last build's {@link BuildState}: the ids
   * of the pages whose Markdown it rendered, and of the pages whose HTML it made.
   */
  public record Redone(SortedSet<String> bodies, SortedSet<String> pages) {
    public Redone {
      bodies = Collections.unmodifiableSortedSet(new TreeSet<>(bodies));
      pages = Collections.unmodifiableSortedSet(new TreeSet<>(pages));
    }
  }

  /** The result of a build that stopped before it made any file. */
  static BuildResult nothing(Diagnostics diagnostics) {
    return new BuildResult(
        diagnostics,
        Collections.emptySortedMap(),
        Collections.emptySortedSet(),
        false,
        () -> null,
        new Redone(new TreeSet<>(), new TreeSet<>()),
        Collections.emptySortedSet());
  }

  public boolean failed(boolean strict) {
    return diagnostics.hasErrors() || (strict && diagnostics.hasWarnings());
  }
}
